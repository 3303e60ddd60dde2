/** Starts scripts/postgres-server.mjs as a child process and waits for its URI. */
import { spawn } from 'node:child_process'
import path from 'node:path'

export interface ChildPostgres {
  uri: string
  stop: () => Promise<void>
}

/**
 * A PostgreSQL server of this run's own. Without `dir`, a fresh temporary data
 * directory (removed when it stops); without `port` (or 0), a free port chosen by the
 * OS. A busy `port` fails: a server this run did not start is never used or stopped.
 */
export function startChildPostgres({
  dir,
  port = 0,
  database = 'postgres',
}: { dir?: string; port?: number; database?: string } = {}): Promise<ChildPostgres> {
  const script = path.resolve(import.meta.dirname, '../scripts/postgres-server.mjs')
  const args = [
    script,
    '--port',
    String(port),
    '--database',
    database,
    ...(dir ? ['--dir', dir] : []),
  ]
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] })
  let out = ''
  child.stderr.on('data', (chunk: Buffer) => {
    out += chunk.toString()
    process.stderr.write(chunk)
  })
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString()
      const match = out.match(/READY (\S+)\n/)
      if (!match) return
      child.stdout.off('data', onData)
      child.stdout.resume()
      resolve({
        uri: match[1]!,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done()
            child.once('close', () => done())
            child.kill('SIGTERM')
          }),
      })
    }
    child.stdout.on('data', onData)
    // 'close', not 'exit': by then everything the server process wrote has arrived.
    child.once('close', (code, signal) =>
      reject(
        new Error(`embedded PostgreSQL exited (${code ?? signal}) before it was ready:\n${out}`),
      ),
    )
  })
}
