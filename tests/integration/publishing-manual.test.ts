/**
 * `publishing.mode: 'manual'` (the SOP's literal reading: the Admin Medsos uploads) and
 * a manual account (no API access): approval waits, `publish` posts, a manual target
 * waits for `confirm`. Also: two job runners on the same queue at once.
 */
import { getPayload } from 'payload'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startFakePlatforms, type FakePlatforms } from '../../dev/fakePlatforms.js'
import { appConfig } from '../../dev/appConfig.js'
import { createTestApp, type TestApp } from '../helpers/app.js'
import {
  countRows,
  createPeople,
  createPhotos,
  createSubmissionIn,
  type ActorName,
  type Person,
} from '../helpers/fixtures.js'
import { createAccounts, publishingOptions, TOKEN, WEBHOOK_SECRET } from '../helpers/publishing.js'

let app: TestApp
let fake: FakePlatforms
let people: Record<ActorName, Person>
let photos: number[]

beforeAll(async () => {
  fake = await startFakePlatforms({
    tokens: [TOKEN],
    webhookSecrets: { portal: WEBHOOK_SECRET },
    containerPolls: 0,
  })
  app = await createTestApp('publishing_manual', {
    publishing: publishingOptions(fake, { mode: 'manual' }),
  })
  people = await createPeople(app)
  photos = await createPhotos(app.payload, people['tim-pelaksana'], 4)
  await createAccounts(app, fake, people['admin-medsos'], ['facebook', 'x'])
})
afterAll(async () => fake?.close())

const act = (actor: ActorName, json: Record<string, unknown>) =>
  app.rest('POST', 'reviews', { token: people[actor].token, json })
const status = async (id: number) =>
  (await app.payload.findByID({ collection: 'submissions', id, overrideAccess: true })).status

it('approval waits for the Admin Medsos; publish posts; a manual account waits for confirm', async () => {
  const manual = await app.rest('POST', 'social-accounts', {
    token: people['admin-medsos'].token,
    json: { label: 'TikTok (diunggah manual)', platform: 'manual' },
  })
  expect(manual.status).toBe(201)
  const doc = await createSubmissionIn(app.payload, people['tim-pelaksana'], 'verified', photos, {
    title: 'Mode manual',
    caption: 'Mode manual #uji',
  })
  const id = doc.id as number
  expect((await act('atasan-ppid', { submission: id, action: 'approve' })).status).toBe(201)
  expect(await status(id)).toBe('approved')
  expect(await countRows(app, 'publications', 'submission_id = $1', [id])).toBe(0)
  expect(await countRows(app, 'payload_jobs', "task_slug = 'sopMedsosPublish'")).toBe(0)

  // Only the Admin Medsos publishes.
  expect((await act('atasan-ppid', { submission: id, action: 'publish' })).status).toBe(403)
  const publish = await act('admin-medsos', { submission: id, action: 'publish' })
  expect(publish.status, JSON.stringify(publish.body)).toBe(201)
  expect(await status(id)).toBe('publishing')
  await app.payload.jobs.run({ queue: 'sop-medsos' })
  expect(fake.posts.map((p) => p.platform).sort()).toEqual(['facebook', 'x'])
  const targets = (
    await app.payload.find({
      collection: 'publications',
      where: { submission: { equals: id } },
      depth: 0,
      overrideAccess: true,
    })
  ).docs as any[]
  const m = targets.find((t) => t.platform === 'manual')
  expect(m.status).toBe('queued')
  expect(m.errorMessage).toContain('manual')
  expect(await status(id)).toBe('publishing') // waiting for a person, not failed

  const confirm = await act('admin-medsos', {
    submission: id,
    action: 'confirm',
    publication: m.id,
    url: 'https://www.tiktok.com/@pemkablamandau/video/1',
  })
  expect(confirm.status, JSON.stringify(confirm.body)).toBe(201)
  expect(await status(id)).toBe('published')
  const entry = await app.payload.find({
    collection: 'register',
    where: { and: [{ submission: { equals: id } }, { kind: { equals: 'content' } }] },
    overrideAccess: true,
  })
  expect(entry.docs[0]!.summary).toContain('https://www.tiktok.com/@pemkablamandau/video/1')
  await app.rest('PATCH', `social-accounts/${manual.body.doc.id}`, {
    token: people['admin-medsos'].token,
    json: { enabled: false },
  })
})

it('two job runners (two Payload instances) on the same queue post each target once', async () => {
  const config = appConfig({
    databaseUri: app.databaseUri,
    secret: 'test-secret',
    plugin: {
      mediaDir: (app.payload.collections.media!.config.upload as { staticDir: string }).staticDir,
      publishing: publishingOptions(fake, { mode: 'manual' }),
    },
    poolMax: 10,
    logLevel: 'fatal',
  })
  const second = await getPayload({ config, key: 'second-runner' })
  fake.reset()
  const ids: number[] = []
  for (let i = 0; i < 5; i++) {
    const doc = await createSubmissionIn(app.payload, people['tim-pelaksana'], 'approved', photos, {
      title: `Antrean ${i}`,
      caption: `Antrean ${i}`,
    })
    expect((await act('admin-medsos', { submission: doc.id, action: 'publish' })).status).toBe(201)
    ids.push(doc.id as number)
  }
  // Payload 3.90's runner can hand one job to two runners (payloadcms/payload#16043,
  // fixed upstream by #17441 after 3.90) and then trip over its own bookkeeping
  // (deadlock, missing job row). Our guarantee must not depend on it: the leases on
  // each target keep posting exactly-once. A runner's next tick finishes what is left.
  const runs = await Promise.allSettled([
    app.payload.jobs.run({ queue: 'sop-medsos' }),
    second.jobs.run({ queue: 'sop-medsos' }),
    app.payload.jobs.run({ queue: 'sop-medsos' }),
  ])
  void runs
  await app.payload.jobs.run({ queue: 'sop-medsos' })
  await second.jobs.run({ queue: 'sop-medsos' })
  for (let i = 0; i < 5; i++) {
    for (const platform of ['facebook', 'x'])
      expect(
        fake.posts.filter((p) => p.text === `Antrean ${i}` && p.platform === platform),
        `${i} ${platform}`,
      ).toHaveLength(1)
    expect(await status(ids[i]!)).toBe('published')
  }
})

it('the reconcile task is scheduled on the publishing queue', async () => {
  await app.payload.jobs.handleSchedules({ queue: 'sop-medsos' })
  expect(await countRows(app, 'payload_jobs', "task_slug = 'sopMedsosReconcile'")).toBe(1)
  await app.payload.jobs.run({ queue: 'sop-medsos', limit: 10 })
  // A second scheduling in the same minute does not queue another.
  await app.payload.jobs.handleSchedules({ queue: 'sop-medsos' })
  expect(
    await countRows(
      app,
      'payload_jobs',
      "task_slug = 'sopMedsosReconcile' and processing = false and completed_at is null",
    ),
  ).toBeLessThanOrEqual(1)
})
