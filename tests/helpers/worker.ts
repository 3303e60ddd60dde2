/**
 * A publishing worker as its own process (for the SIGKILL test): the same config as the
 * test app, reconciles stale targets, then runs one submission's targets.
 * Start it with startChild() of tests/helpers/child.ts; the database is set up by the
 * test that starts it (push: false). Env: DATABASE_URI, WORKER_PLUGIN, SUBMISSION
 */
import { getPayload } from 'payload'
import { appConfig } from '../../dev/appConfig.js'
import { reconcileStale, runPublishing } from '../../src/services/publishing.js'

const plugin = JSON.parse(process.env.WORKER_PLUGIN ?? '{}')
const payload = await getPayload({
  config: appConfig({
    databaseUri: process.env.DATABASE_URI!,
    secret: 'test-secret',
    push: false,
    plugin,
    poolMax: 5,
    logLevel: (process.env.WORKER_LOG_LEVEL as 'debug') ?? 'fatal',
  }),
})
console.log('WORKER READY')
await reconcileStale(payload)
await runPublishing(payload, process.env.SUBMISSION!)
console.log('WORKER DONE')
process.exit(0)
