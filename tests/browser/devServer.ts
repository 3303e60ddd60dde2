/**
 * The app as a user starts it (`npm run dev`), on a database a test filled, on a free
 * port, with its own Next.js build directory (two browser files run side by side).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import net from 'node:net'
import path from 'node:path'

export const ROOT = path.resolve(import.meta.dirname, '../..')
export const ARTIFACTS = path.join(ROOT, 'tests/artifacts')
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
]

export interface DevServer {
  base: string
  log: () => string
  stop: () => Promise<void>
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
  })
}

/**
 * A server as its own process group on 127.0.0.1:`port`, ready once `waitPath` answers
 * 200; `stop()` ends the whole group (npm, next and their children). Used for
 * `npm run dev` here and `next start` / the plain REST hosts of benchmark 2.
 */
export async function startServer(opts: {
  command: string
  args: string[]
  port: number
  env: Record<string, string>
  waitPath: string
  timeoutMs: number
}): Promise<DevServer> {
  const base = `http://127.0.0.1:${opts.port}`
  let output = ''
  const server: ChildProcess = spawn(opts.command, opts.args, {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...opts.env },
  })
  server.stdout!.on('data', (d) => (output += d))
  server.stderr!.on('data', (d) => (output += d))
  // A process ended by a signal has `signalCode` set and `exitCode` null.
  const ended = () => server.exitCode !== null || server.signalCode !== null
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-server.pid!, name)
    } catch {
      /* the group is already gone */
    }
  }
  const stop = async () => {
    if (!server.pid || ended()) return
    const exited = new Promise((r) => server.once('exit', r))
    signal('SIGTERM')
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))])
    if (!ended()) signal('SIGKILL')
  }
  const until = Date.now() + opts.timeoutMs
  while (Date.now() < until) {
    if (ended())
      throw new Error(`the app exited (${server.exitCode ?? server.signalCode}):\n${output}`)
    try {
      const res = await fetch(`${base}${opts.waitPath}`)
      if (res.status === 200) return { base, log: () => output, stop }
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 1000))
  }
  await stop()
  throw new Error(`the app did not answer ${opts.waitPath} in time:\n${output.slice(-4000)}`)
}

export async function startDevServer(opts: {
  databaseUri: string
  distDir: string
  waitPath: string
  env?: Record<string, string>
  timeoutMs?: number
}): Promise<DevServer> {
  const port = await freePort()
  return startServer({
    command: 'npm',
    args: ['run', 'dev', '--', '-p', String(port), '-H', '127.0.0.1'],
    port,
    env: {
      NODE_ENV: 'development',
      DATABASE_URI: opts.databaseUri,
      PUBLIC_SITE_URL: `http://127.0.0.1:${port}`,
      SEED_DEMO: 'false',
      NEXT_TELEMETRY_DISABLED: '1',
      NEXT_DIST_DIR: opts.distDir,
      // The tests' files and emails stay local whatever the developer's shell exports.
      S3_BUCKET: '',
      SMTP_HOST: '',
      ...opts.env,
    },
    waitPath: opts.waitPath,
    timeoutMs: opts.timeoutMs ?? 280_000,
  })
}
