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
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync']

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

export async function startDevServer(opts: { databaseUri: string; distDir: string; waitPath: string; env?: Record<string, string>; timeoutMs?: number }): Promise<DevServer> {
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  let output = ''
  const server: ChildProcess = spawn('npm', ['run', 'dev', '--', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URI: opts.databaseUri,
      PUBLIC_SITE_URL: base,
      SEED_DEMO: 'false',
      NEXT_TELEMETRY_DISABLED: '1',
      NEXT_DIST_DIR: opts.distDir,
      ...opts.env,
    },
  })
  server.stdout!.on('data', (d) => (output += d))
  server.stderr!.on('data', (d) => (output += d))
  const stop = async () => {
    if (!server.pid || server.exitCode !== null) return
    const exited = new Promise((r) => server.once('exit', r))
    process.kill(-server.pid, 'SIGTERM')
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))])
    if (server.exitCode === null) process.kill(-server.pid, 'SIGKILL')
  }
  const until = Date.now() + (opts.timeoutMs ?? 280_000)
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`the app exited (${server.exitCode}):\n${output}`)
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
