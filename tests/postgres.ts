/** Starts scripts/postgres-server.mjs as a child process and waits for its URI. */
import { spawn } from 'node:child_process'
import path from 'node:path'

export interface ChildPostgres {
  uri: string
  stop: () => Promise<void>
}

export function startChildPostgres({ dir, port, database = 'postgres' }: { dir: string; port: number; database?: string }): Promise<ChildPostgres> {
  const script = path.resolve(import.meta.dirname, '../scripts/postgres-server.mjs')
  const child = spawn(process.execPath, [script, '--dir', dir, '--port', String(port), '--database', database], {
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  return new Promise((resolve, reject) => {
    let out = ''
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
            if (child.exitCode !== null) return done()
            child.once('exit', () => done())
            child.kill('SIGTERM')
          }),
      })
    }
    child.stdout.on('data', onData)
    child.once('exit', (code) => reject(new Error(`embedded PostgreSQL exited (${code}) before it was ready:\n${out}`)))
  })
}
