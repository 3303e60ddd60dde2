/**
 * Step 5 against the fake platform server (real HTTP on 127.0.0.1): approval queues
 * one job (only if the approval commits), every enabled account gets exactly one post,
 * failures are classified, retry/confirm work, credentials never leak.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakePlatforms, type FakePlatforms } from '../../dev/fakePlatforms.js'
import { findNewsBySlug } from '../../src/news/query.js'
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
const logs: string[] = []

beforeAll(async () => {
  fake = await startFakePlatforms({ tokens: [TOKEN], webhookSecrets: { portal: WEBHOOK_SECRET } })
  app = await createTestApp('publishing', { publishing: publishingOptions(fake) }, undefined, logs)
  people = await createPeople(app)
  photos = await createPhotos(app.payload, people['tim-pelaksana'], 4)
  await createAccounts(app, fake, people['admin-medsos'])
})
afterAll(async () => fake?.close())

async function approveNew(title: string) {
  const doc = await createSubmissionIn(app.payload, people['tim-pelaksana'], 'verified', photos, {
    title,
    caption: `${title} #Lamandau`,
  })
  const res = await app.rest('POST', 'reviews', {
    token: people['atasan-ppid'].token,
    json: { submission: doc.id, action: 'approve' },
  })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return doc.id as number
}
const runJobs = () => app.payload.jobs.run({ queue: 'sop-medsos', limit: 100 })
const submission = (id: number) =>
  app.payload.findByID({ collection: 'submissions', id, overrideAccess: true })
const targets = async (id: number) =>
  (
    await app.payload.find({
      collection: 'publications',
      where: { submission: { equals: id } },
      overrideAccess: true,
      pagination: false,
      depth: 0,
    })
  ).docs as any[]

describe('approval → posting', () => {
  it('posts once to every enabled account and publishes the submission', async () => {
    fake.reset()
    const id = await approveNew('Rapat koordinasi stunting')
    expect((await submission(id)).status).toBe('publishing')
    expect(await countRows(app, 'payload_jobs', "task_slug = 'sopMedsosPublish'")).toBeGreaterThan(
      0,
    )
    await runJobs()
    const s = await submission(id)
    expect(s.status).toBe('published')
    expect(s.slug).toBe('rapat-koordinasi-stunting')
    const ts = await targets(id)
    expect(ts.map((t) => [t.platform, t.status]).sort()).toEqual([
      ['facebook', 'published'],
      ['instagram', 'published'],
      ['webhook', 'published'],
      ['x', 'published'],
    ])
    for (const t of ts) expect(t.permalink).toMatch(/^https:\/\//)
    expect(fake.posts.map((p) => p.platform).sort()).toEqual([
      'facebook',
      'instagram',
      'webhook',
      'x',
    ])
    expect(fake.posts.find((p) => p.platform === 'facebook')!.media).toBe(4)
    expect(fake.posts.find((p) => p.platform === 'instagram')!.media).toBe(4)
    expect(fake.posts.find((p) => p.platform === 'x')!.media).toBe(4)
    const content = await app.payload.find({
      collection: 'register',
      where: { and: [{ submission: { equals: id } }, { kind: { equals: 'content' } }] },
      overrideAccess: true,
    })
    expect(content.docs).toHaveLength(1)
    expect(content.docs[0]!.summary).toContain('https://www.facebook.com/')
    // The public page links the posts.
    const news = await findNewsBySlug(app.payload, 'rapat-koordinasi-stunting')
    expect(news!.socialLinks.map((l) => l.label).sort()).toEqual([
      'Facebook',
      'Instagram',
      'Portal Pemda',
      'X',
    ])
    for (const l of news!.socialLinks) expect(l.url).toMatch(/^https:\/\//)
    // Running again changes nothing.
    await runJobs()
    expect(fake.posts).toHaveLength(4)
  })

  it('an approval that rolls back leaves no job, no target, no post', async () => {
    fake.reset()
    const doc = await createSubmissionIn(app.payload, people['tim-pelaksana'], 'verified', photos, {
      title: 'Batal',
    })
    const jobsBefore = await countRows(app, 'payload_jobs')
    const { initTransaction, killTransaction, createLocalReq } = await import('payload')
    const req = await createLocalReq(
      { user: { ...people['atasan-ppid'], collection: 'users' } as never },
      app.payload,
    )
    await initTransaction(req)
    await app.payload.create({
      collection: 'reviews',
      data: { submission: doc.id, action: 'approve' } as never,
      req,
      overrideAccess: false,
      user: req.user,
    } as never)
    await killTransaction(req) // as if a later hook had thrown
    expect(await countRows(app, 'payload_jobs')).toBe(jobsBefore)
    expect(await countRows(app, 'publications', 'submission_id = $1', [doc.id])).toBe(0)
    await runJobs()
    expect(fake.posts).toHaveLength(0)
    expect((await submission(doc.id as number)).status).toBe('verified')
  })
})

describe('failures', () => {
  it('an expired token fails the target with a reconnect reason and marks the account; others still post', async () => {
    fake.reset()
    const id = await approveNew('Token kedaluwarsa')
    fake.inject({ match: /POST \/x\/2\/media\/upload/, kind: 'status', status: 401, times: 1 })
    await runJobs()
    const ts = await targets(id)
    const xT = ts.find((t) => t.platform === 'x')
    expect(xT.status).toBe('failed')
    expect(xT.errorClass).toBe('reconnect')
    expect(xT.errorMessage).toContain('Sambungkan ulang')
    expect((await submission(id)).status).toBe('publish_failed')
    // The Admin Medsos is told, with the platform's reason; nobody else is.
    const notices = (
      await app.payload.find({
        collection: 'notifications',
        where: { and: [{ submission: { equals: id } }, { kind: { equals: 'publishFailed' } }] },
        overrideAccess: true,
        depth: 0,
      })
    ).docs as any[]
    expect(notices.map((n) => n.recipient)).toEqual([people['admin-medsos'].id])
    const notice = await app.rest('GET', `notifications/${notices[0].id}`, {
      token: people['admin-medsos'].token,
    })
    expect(notice.body.message).toContain('Sambungkan ulang')
    expect(fake.posts.map((p) => p.platform).sort()).toEqual(['facebook', 'instagram', 'webhook'])
    const account = await app.payload.findByID({
      collection: 'social-accounts',
      id: xT.account,
      overrideAccess: true,
    })
    expect(account.needsReconnect).toBe(true)
    // The Admin Medsos reconnects (new token) and retries: only X is posted.
    await app.rest('PATCH', `social-accounts/${xT.account}`, {
      token: people['admin-medsos'].token,
      json: { accessToken: TOKEN },
    })
    const retry = await app.rest('POST', 'reviews', {
      token: people['admin-medsos'].token,
      json: { submission: id, action: 'retry' },
    })
    expect(retry.status, JSON.stringify(retry.body)).toBe(201)
    await runJobs()
    expect((await submission(id)).status).toBe('published')
    expect(fake.posts.map((p) => p.platform).sort()).toEqual([
      'facebook',
      'instagram',
      'webhook',
      'x',
    ])
  })

  it('transient errors before the publishing call are retried; content errors fail with the reason', async () => {
    fake.reset()
    const id = await approveNew('Gangguan sementara')
    fake.inject({
      match: /POST \/graph\/v20.0\/facebook-page-1\/photos/,
      kind: 'graph',
      status: 500,
      code: 2,
      transient: true,
      times: 2,
    })
    fake.inject({
      match: /POST \/graph\/v20.0\/instagram-page-1\/media$/,
      kind: 'graph',
      status: 400,
      code: 100,
      subcode: 2207009,
      message: 'The aspect ratio is not supported.',
      times: 1,
    })
    await runJobs()
    const ts = await targets(id)
    expect(ts.find((t) => t.platform === 'facebook').status).toBe('published')
    const ig = ts.find((t) => t.platform === 'instagram')
    expect(ig.status).toBe('failed')
    expect(ig.errorClass).toBe('content')
    expect(ig.errorMessage).toContain('The aspect ratio is not supported.')
    expect(fake.posts.filter((p) => p.platform === 'facebook')).toHaveLength(1)
  })

  it('a lost answer on the publishing call is reconciled (Facebook finds its post) or unconfirmed (X) — never re-posted', async () => {
    fake.reset()
    const id = await approveNew('Jawaban hilang')
    fake.inject({ match: /POST \/graph\/v20.0\/facebook-page-1\/feed/, kind: 'lost' })
    fake.inject({ match: /POST \/x\/2\/tweets/, kind: 'lost' })
    await runJobs()
    const ts = await targets(id)
    expect(ts.find((t) => t.platform === 'facebook').status).toBe('published')
    const xT = ts.find((t) => t.platform === 'x')
    expect(xT.status).toBe('unconfirmed')
    expect(xT.errorMessage).toContain('Konfirmasi')
    expect(fake.posts.filter((p) => p.platform === 'facebook')).toHaveLength(1)
    expect(fake.posts.filter((p) => p.platform === 'x')).toHaveLength(1)
    expect((await submission(id)).status).toBe('publish_failed')
    // Retry does not touch an unconfirmed target...
    const retry = await app.rest('POST', 'reviews', {
      token: people['admin-medsos'].token,
      json: { submission: id, action: 'retry' },
    })
    expect(retry.status).toBe(400)
    // ...the Admin Medsos checks X and confirms with the URL.
    const bad = await app.rest('POST', 'reviews', {
      token: people['admin-medsos'].token,
      json: { submission: id, action: 'confirm', publication: xT.id, url: 'javascript:alert(1)' },
    })
    expect(bad.status).toBe(400)
    const url = `https://x.com/pemkablamandau/status/${fake.posts.find((p) => p.platform === 'x')!.id}`
    const ok = await app.rest('POST', 'reviews', {
      token: people['admin-medsos'].token,
      json: { submission: id, action: 'confirm', publication: xT.id, url },
    })
    expect(ok.status, JSON.stringify(ok.body)).toBe(201)
    expect(ok.body.doc.toStatus).toBe('published')
    expect((await submission(id)).status).toBe('published')
    expect((await targets(id)).find((t) => t.platform === 'x').permalink).toBe(url)
  })
})

describe('credentials', () => {
  it('are sealed at rest and never returned by REST, GraphQL or the Local API', async () => {
    const rows = await app.sql<{
      credentials: string
      access_token: string | null
      secret: string | null
    }>('select credentials, access_token, secret from social_accounts')
    for (const r of rows) {
      expect(r.credentials).toMatch(/^v1:/)
      expect(r.credentials).not.toContain(TOKEN)
      // The typed inputs never reach their own columns.
      expect(r.access_token).toBeNull()
      expect(r.secret).toBeNull()
    }
    const rest = await app.rest('GET', 'social-accounts?depth=2', {
      token: people['admin-medsos'].token,
    })
    expect(rest.status).toBe(200)
    const gql = await app.graphql(
      '{ SocialAccounts { docs { id label accessToken secret hasCredentials } } }',
      { token: people['admin-medsos'].token },
    )
    const local = await app.payload.find({ collection: 'social-accounts', overrideAccess: true })
    const pubs = await app.rest('GET', 'publications?depth=2', {
      token: people['admin-medsos'].token,
    })
    for (const out of [rest.body, gql.body, local, pubs.body]) {
      const text = JSON.stringify(out)
      expect(text).not.toContain(TOKEN)
      expect(text).not.toContain(WEBHOOK_SECRET)
      expect(text).not.toContain('v1:')
    }
    expect(
      gql.body.data.SocialAccounts.docs.every((d: { hasCredentials: boolean }) => d.hasCredentials),
    ).toBe(true)
    for (const actor of [
      'tim-pelaksana',
      'tim-pertimbangan',
      'ketua-ppid',
      'atasan-ppid',
    ] as const) {
      expect(
        (await app.rest('GET', 'social-accounts', { token: people[actor].token })).status,
        actor,
      ).toBe(403)
    }
    expect((await app.rest('GET', 'social-accounts')).status).toBe(403)
  })

  it('appear in no log line (the whole file ran at debug level, failures included)', () => {
    expect(logs.length).toBeGreaterThan(10)
    const text = logs.join('\n')
    expect(text).not.toContain(TOKEN)
    expect(text).not.toContain(WEBHOOK_SECRET)
  })
})
