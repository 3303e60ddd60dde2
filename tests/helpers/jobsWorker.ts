/**
 * A separate jobs worker process (the scale-out test): runs the posting queue in a loop
 * until it is told to stop (stdin closes) — what `payload jobs:run --cron` does in
 * production. Start it with startChild() of tests/helpers/child.ts (stdin: pipe); the
 * database is set up by the test that starts it (push: false). Env: DATABASE_URI, WORKER_PLUGIN
 */
import { getPayload } from 'payload'
import { appConfig } from '../../dev/appConfig.js'

const plugin = JSON.parse(process.env.WORKER_PLUGIN ?? '{}')
const payload = await getPayload({
  config: appConfig({
    databaseUri: process.env.DATABASE_URI!,
    secret: 'test-secret',
    push: false,
    plugin,
    poolMax: 5,
    logLevel: 'fatal',
  }),
})
let running = true
process.stdin.on('end', () => (running = false))
process.stdin.resume()
console.log('JOBS WORKER READY')
while (running) {
  await payload.jobs.run({ queue: 'sop-medsos', limit: 20 })
  await new Promise((r) => setTimeout(r, 200))
}
console.log('JOBS WORKER DONE')
process.exit(0)
