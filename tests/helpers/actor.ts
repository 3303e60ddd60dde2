/**
 * A web process taking workflow actions, as its own process (for the SIGKILL test): the
 * same config as the test app; walks each submission through the flow and prints
 * "ACTED <id> <action>" after each committed action.
 * Run: node --import tsx tests/helpers/actor.ts  (env: DATABASE_URI, MEDIA_DIR, STEPS = JSON [[submissionId, action, userId], …])
 */
import { getPayload } from 'payload'
import { appConfig } from '../../src/dev/appConfig.js'

const payload = await getPayload({
  config: appConfig({ databaseUri: process.env.DATABASE_URI!, secret: 'test-secret', poolMax: 5, logLevel: 'fatal', plugin: process.env.MEDIA_DIR ? { mediaDir: process.env.MEDIA_DIR } : {} }),
})
console.log('ACTOR READY')
const steps = JSON.parse(process.env.STEPS ?? '[]') as [number, string, number][]
for (const [submission, action, userId] of steps) {
  const user = await payload.findByID({ collection: 'users', id: userId, overrideAccess: true })
  await payload.create({ collection: 'reviews', data: { submission, action, note: action === 'reject' ? 'Mohon diperbaiki.' : undefined } as never, user: { ...user, collection: 'users' } as never, overrideAccess: false })
  console.log(`ACTED ${submission} ${action}`)
}
console.log('ACTOR DONE')
process.exit(0)
