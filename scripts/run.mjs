#!/usr/bin/env node
// `npm run dev|build|start|payload …`: when DATABASE_URI is unset, start the embedded
// PostgreSQL (data under .data/postgres) and hand its URI to the command.
import { spawn } from 'node:child_process'
import { startEmbeddedPostgres } from './embedded-postgres.mjs'

const DEV_PORT = Number(process.env.EMBEDDED_PG_PORT ?? 54320)
const [command, ...rest] = process.argv.slice(2)
const commands = {
  dev: ['next', ['dev', ...rest]],
  build: ['next', ['build', '--webpack', ...rest]],
  start: ['next', ['start', ...rest]],
  payload: ['payload', rest],
  'register:verify': [process.execPath, ['--import', 'tsx', 'scripts/register-verify.ts', ...rest]],
}
if (!commands[command]) {
  console.error(`usage: node scripts/run.mjs ${Object.keys(commands).join('|')} [args]`)
  process.exit(2)
}

let stop = async () => {}
const env = { ...process.env }
if (!env.DATABASE_URI) {
  const db = await startEmbeddedPostgres({ dir: '.data/postgres', port: DEV_PORT, database: 'sop_medsos' })
  env.DATABASE_URI = db.uri
  stop = db.stop
  console.log(`Embedded PostgreSQL on 127.0.0.1:${DEV_PORT} (data in .data/postgres)`)
}
const [bin, args] = commands[command]
const child = spawn(bin, args, { stdio: 'inherit', env, shell: false })
const forward = (signal) => () => child.kill(signal)
process.on('SIGINT', forward('SIGINT'))
process.on('SIGTERM', forward('SIGTERM'))
child.on('exit', async (code, signal) => {
  await stop().catch(() => {})
  process.exit(code ?? (signal ? 1 : 0))
})
