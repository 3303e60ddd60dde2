/**
 * A worker process killed with SIGKILL between arming and confirming (the post was
 * made, the answer never came), then a new worker: the target is reconciled, not
 * re-posted, and nothing is left armed.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startFakePlatforms, type FakePlatforms } from '../../dev/fakePlatforms.js'
import { createTestApp, type TestApp } from '../helpers/app.js'
import { startChild, type Child } from '../helpers/child.js'
import { createPeople, createPhotos, createSubmissionIn } from '../helpers/fixtures.js'
import { createAccounts, publishingOptions, TOKEN, WEBHOOK_SECRET } from '../helpers/publishing.js'

let app: TestApp
let fake: FakePlatforms
let plugin: Record<string, unknown>

beforeAll(async () => {
  fake = await startFakePlatforms({
    tokens: [TOKEN],
    webhookSecrets: { portal: WEBHOOK_SECRET },
    containerPolls: 0,
  })
  // The hung Facebook call must outlast the wait for "armed" by far (a busy machine): after
  // its timeout the first worker would reconcile the target itself, before the kill.
  plugin = { publishing: publishingOptions(fake, { requestTimeoutMs: 300_000, leaseMs: 2_000 }) }
  app = await createTestApp('worker_kill', plugin as never)
  plugin.mediaDir = (
    app.payload.collections.media!.config.upload as { staticDir: string }
  ).staticDir
  const people = await createPeople(app, ['tim-pelaksana', 'admin-medsos', 'atasan-ppid'])
  await createAccounts(app, fake, people['admin-medsos'])
  const photos = await createPhotos(app.payload, people['tim-pelaksana'], 4)
  const doc = await createSubmissionIn(app.payload, people['tim-pelaksana'], 'verified', photos, {
    title: 'Pekerja dimatikan',
    caption: 'Pekerja dimatikan #uji',
  })
  await app.payload.create({
    collection: 'reviews',
    data: { submission: doc.id, action: 'approve' } as never,
    user: { ...people['atasan-ppid'], collection: 'users' } as never,
    overrideAccess: false,
  } as never)
  submissionId = doc.id as number
}, 300_000)
afterAll(async () => fake?.close())
let submissionId: number

const workers: Child[] = []
afterAll(async () => {
  for (const w of workers) if (!w.ended()) w.child.kill('SIGKILL')
  await Promise.all(workers.map((w) => w.closed))
})

function worker(): Child {
  const w = startChild('tests/helpers/worker.ts', {
    WORKER_LOG_LEVEL: 'debug',
    DATABASE_URI: app.databaseUri,
    WORKER_PLUGIN: JSON.stringify(plugin),
    SUBMISSION: String(submissionId),
  })
  workers.push(w)
  return w
}

const targets = async () =>
  (
    await app.payload.find({
      collection: 'publications',
      where: { submission: { equals: submissionId } },
      depth: 0,
      pagination: false,
      overrideAccess: true,
      showHiddenFields: true,
    })
  ).docs as any[]

/** Polls `check` until it returns a value; fails with `explain()` when `w` ends first or the (generous) bound passes. */
async function until<T>(
  w: Child,
  what: string,
  check: () => Promise<T | undefined>,
  boundMs = 240_000,
): Promise<T> {
  const deadline = Date.now() + boundMs
  for (;;) {
    const value = await check()
    if (value !== undefined) return value
    if (w.ended()) {
      const end = await w.closed // everything the worker wrote has arrived
      const fb = (await targets()).find((t) => t.platform === 'facebook')
      throw new Error(
        `worker ended before ${what} (facebook target ${fb?.status}; posts ${fake.posts.map((p) => p.platform).join(',') || 'none'}): ${w.describe(end)}`,
      )
    }
    if (Date.now() > deadline)
      throw new Error(`no ${what} within ${boundMs / 1000} s; the worker wrote:\n${w.output()}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

it('SIGKILL after arming: the next worker reconciles, no duplicate, nothing left armed', async () => {
  // The Facebook post is made, but its answer never comes.
  fake.inject({ match: /POST \/graph\/v20.0\/facebook-page-1\/feed/, kind: 'hang' })
  const first = worker()
  const armed = await until(first, 'an armed Facebook target with its post made', async () => {
    const fb = (await targets()).find((t) => t.platform === 'facebook')
    return fb?.status === 'armed' && fake.posts.some((p) => p.platform === 'facebook')
      ? fb
      : undefined
  })
  first.child.kill('SIGKILL')
  const firstEnd = await first.closed
  expect(firstEnd.signal, first.describe(firstEnd)).toBe('SIGKILL')
  expect((await targets()).find((t) => t.platform === 'facebook').status).toBe('armed')

  // The dead worker's lease runs out (its own clock: leaseUntil), then a new worker starts.
  const leaseUntil = Date.parse(armed.leaseUntil)
  expect(Number.isFinite(leaseUntil)).toBe(true)
  while (Date.now() <= leaseUntil)
    await new Promise((r) => setTimeout(r, Math.min(500, leaseUntil - Date.now() + 1)))
  const second = worker()
  const secondEnd = await second.closed
  expect(secondEnd.code, second.describe(secondEnd)).toBe(0)
  const ts = await targets()
  expect(ts.map((t) => [t.platform, t.status]).sort()).toEqual([
    ['facebook', 'published'],
    ['instagram', 'published'],
    ['webhook', 'published'],
    ['x', 'published'],
  ])
  for (const platform of ['facebook', 'instagram', 'x', 'webhook'])
    expect(
      fake.posts.filter((p) => p.platform === platform),
      platform,
    ).toHaveLength(1)
  expect(
    (
      await app.payload.findByID({
        collection: 'submissions',
        id: submissionId,
        overrideAccess: true,
      })
    ).status,
  ).toBe('published')
  // Both workers logged at debug level: the credentials appear in no line.
  const logs = firstEnd.output + secondEnd.output
  expect(logs.length).toBeGreaterThan(0)
  expect(logs).not.toContain(TOKEN)
  expect(logs).not.toContain(WEBHOOK_SECRET)
}, 600_000)
