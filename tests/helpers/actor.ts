/**
 * A web process taking workflow actions, as its own process (the SIGKILL and scale-out
 * tests): the same config as the test app; takes each step and prints "ACTED <id>
 * <action>" after each committed action, or "REFUSED <id> <action> <status>" when the
 * state table refuses it (another process got there first).
 * Start it with startChild() of tests/helpers/child.ts; the database is set up by the
 * test that starts it (no schema push, unless ACTOR_PUSH=true). Env: DATABASE_URI, MEDIA_DIR, ACTOR_PLUGIN (JSON options),
 * STEPS = JSON [[submissionId, action, userId], …]
 */
import { getPayload } from 'payload'
import { appConfig } from '../../dev/appConfig.js'

const payload = await getPayload({
  config: appConfig({
    databaseUri: process.env.DATABASE_URI!,
    secret: 'test-secret',
    push: process.env.ACTOR_PUSH === 'true',
    poolMax: 5,
    logLevel: 'fatal',
    plugin: {
      ...JSON.parse(process.env.ACTOR_PLUGIN ?? '{}'),
      ...(process.env.MEDIA_DIR ? { mediaDir: process.env.MEDIA_DIR } : {}),
    },
  }),
})
console.log('ACTOR READY')
const steps = JSON.parse(process.env.STEPS ?? '[]') as [number, string, number][]
for (const [submission, action, userId] of steps) {
  const user = await payload.findByID({ collection: 'users', id: userId, overrideAccess: true })
  try {
    await payload.create({
      collection: 'reviews',
      data: {
        submission,
        action,
        note: action === 'reject' ? 'Mohon diperbaiki.' : undefined,
      } as never,
      user: { ...user, collection: 'users' } as never,
      overrideAccess: false,
    })
    console.log(`ACTED ${submission} ${action}`)
  } catch (error) {
    const status = (error as { status?: number }).status
    if (status !== 403) throw error
    console.log(`REFUSED ${submission} ${action} ${status}`)
  }
}
console.log('ACTOR DONE')
process.exit(0)
