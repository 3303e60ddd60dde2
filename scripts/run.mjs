#!/usr/bin/env node
// `npm run dev|build|start|payload …`: when DATABASE_URI is unset, start the embedded
// PostgreSQL (data under .data/postgres) and hand its URI to the command.
import { spawn } from 'node:child_process'
import { startDevPostgres } from './embedded-postgres.mjs'
import { nodeFlags, withNodeFlags } from './node-flags.mjs'

const DEV_PORT = Number(process.env.EMBEDDED_PG_PORT ?? 54320)
const DATA_DIR = '.data/postgres'
const [command, ...rest] = process.argv.slice(2)
const commands = {
  dev: ['next', ['dev', 'dev', ...rest]],
  build: ['next', ['build', 'dev', '--webpack', ...rest]],
  start: ['next', ['start', 'dev', ...rest]],
  payload: ['payload', rest],
  'register:verify': [
    process.execPath,
    [...nodeFlags(), '--import', 'tsx', 'scripts/register-verify.ts', ...rest],
  ],
}
if (!commands[command]) {
  console.error(`usage: node scripts/run.mjs ${Object.keys(commands).join('|')} [args]`)
  process.exit(2)
}

let stop = async () => {}
const env = { ...process.env }
if (!env.DATABASE_URI) {
  // Reused only when a server already runs on this checkout's .data/postgres (another
  // `npm run …` of ours started it); a port held by anything else is left alone and a
  // free one is used instead. Only a server started here is stopped when we exit.
  let db
  try {
    db = await startDevPostgres({ dir: DATA_DIR, port: DEV_PORT })
  } catch (e) {
    console.error(
      `Could not start the embedded PostgreSQL (data in ${DATA_DIR}): ${e?.message ?? e}`,
    )
    console.error('Set DATABASE_URI to use another server, or EMBEDDED_PG_PORT to choose the port.')
    process.exit(1)
  }
  env.DATABASE_URI = db.uri
  stop = db.stop
  const how = db.reused
    ? 'already running for this checkout'
    : db.port === DEV_PORT
      ? 'started'
      : `started; port ${DEV_PORT} is used by another process`
  console.log(`Embedded PostgreSQL on 127.0.0.1:${db.port} (${how}; data in ${DATA_DIR})`)
}
const [bin, args] = commands[command]
// Payload's CLI (payload migrate, jobs:run, …) loads the config with Node's own loader:
// see node-flags.mjs (Lexical's wrappers under Node 20; a start-up that cannot complete
// exits non-zero with a message instead of 0). Next.js bundles the config itself.
const child = spawn(bin, args, {
  stdio: 'inherit',
  env: command === 'payload' ? withNodeFlags(env) : env,
  shell: false,
})
const forward = (signal) => () => child.kill(signal)
process.on('SIGINT', forward('SIGINT'))
process.on('SIGTERM', forward('SIGTERM'))
child.on('exit', async (code, signal) => {
  await stop().catch(() => {})
  process.exit(code ?? (signal ? 1 : 0))
})
