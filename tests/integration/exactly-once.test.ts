/**
 * Exactly-once under faults: 200 randomised runs against the fake platforms with
 * injected 5xx, timeouts, resets, rate limits, expired tokens and lost answers; then
 * two Payload instances (as two workers) racing on the same targets.
 */
import { getPayload, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakePlatforms, type Fault, type FakePlatforms } from '../../dev/fakePlatforms.js'
import { appConfig } from '../../dev/appConfig.js'
import { runPublishing, runTarget } from '../../src/services/publishing.js'
import { createTestApp, type TestApp } from '../helpers/app.js'
import {
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
let accounts: Record<string, number>

// A seeded generator: a failing run can be replayed with the same SEED.
const SEED = Number(process.env.EXACTLY_ONCE_SEED ?? 20261127)
let state = SEED
const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!

beforeAll(async () => {
  fake = await startFakePlatforms({
    tokens: [TOKEN],
    webhookSecrets: { portal: WEBHOOK_SECRET },
    containerPolls: 0,
  })
  app = await createTestApp('exactly_once', {
    publishing: publishingOptions(fake, { requestTimeoutMs: 150, prepareAttempts: 3 }),
  })
  people = await createPeople(app, ['tim-pelaksana', 'admin-medsos'])
  photos = await createPhotos(app.payload, people['tim-pelaksana'], 4)
  accounts = await createAccounts(app, fake, people['admin-medsos'])
})
afterAll(async () => fake?.close())

async function targetsFor(payload: Payload, id: number) {
  const ids: number[] = []
  for (const [platform, account] of Object.entries(accounts)) {
    const doc = await payload.create({
      collection: 'publications',
      data: { submission: id, account, platform, status: 'queued' } as never,
      overrideAccess: true,
    })
    ids.push(doc.id as number)
  }
  return ids
}

async function newApproved(caption: string) {
  const doc = await createSubmissionIn(app.payload, people['tim-pelaksana'], 'publishing', photos, {
    title: caption,
    caption,
  })
  return doc.id as number
}

const PATHS: Record<string, { prepare: RegExp[]; publish: RegExp }> = {
  facebook: {
    prepare: [/POST \/graph\/v20.0\/facebook-page-1\/photos/],
    publish: /POST \/graph\/v20.0\/facebook-page-1\/feed/,
  },
  instagram: {
    prepare: [/POST \/graph\/v20.0\/instagram-page-1\/media$/, /content_publishing_limit/],
    publish: /POST \/graph\/v20.0\/instagram-page-1\/media_publish/,
  },
  x: { prepare: [/POST \/x\/2\/media\/upload/], publish: /POST \/x\/2\/tweets/ },
  webhook: { prepare: [], publish: /POST \/webhook\/portal/ },
}

function randomFaults(): Fault[] {
  const faults: Fault[] = []
  for (const platform of Object.keys(PATHS)) {
    const p = PATHS[platform]!
    const roll = random()
    if (roll < 0.35) continue
    const onPublish = random() < 0.5 || p.prepare.length === 0
    const match = onPublish ? p.publish : pick(p.prepare)
    const kind = pick(['status', 'graph', 'timeout', 'lost', 'reset', 'x429', 'expired'] as const)
    const times = 1 + Math.floor(random() * 3)
    if (kind === 'expired')
      faults.push({
        match,
        kind: 'graph',
        status: 400,
        code: 190,
        subcode: 463,
        message: 'Session has expired',
        times: 1,
      })
    else if (kind === 'graph')
      faults.push({
        match,
        kind: 'graph',
        status: 500,
        code: pick([1, 2, 4, 17, 32, 341, 613]),
        transient: true,
        times,
      })
    else faults.push({ match, kind, status: pick([500, 502, 503]), times })
  }
  return faults
}

describe('exactly once', () => {
  it('200 randomised runs with faults: no duplicate, nothing lost, nothing left armed', async () => {
    const RUNS = 200
    const outcomes: Record<string, number> = {}
    for (let run = 0; run < RUNS; run++) {
      const caption = `Berita uji ${run} seed ${SEED}`
      const id = await newApproved(caption)
      await targetsFor(app.payload, id)
      fake.clearFaults()
      for (const f of randomFaults()) fake.inject(f)
      await runPublishing(app.payload, id)
      // A second pass (what the next job run or a retry would do) must not post again.
      fake.clearFaults()
      await runPublishing(app.payload, id)
      const targets = (
        await app.payload.find({
          collection: 'publications',
          where: { submission: { equals: id } },
          depth: 0,
          pagination: false,
          overrideAccess: true,
        })
      ).docs as any[]
      for (const t of targets) {
        const posts = fake.posts.filter((p) => p.text === caption && p.platform === t.platform)
        outcomes[`${t.platform}:${t.status}`] = (outcomes[`${t.platform}:${t.status}`] ?? 0) + 1
        expect(['published', 'failed', 'unconfirmed'], `run ${run} ${t.platform}`).toContain(
          t.status,
        )
        expect(posts.length, `run ${run} ${t.platform} duplicate`).toBeLessThanOrEqual(1)
        if (t.status === 'published') expect(posts.length, `run ${run} ${t.platform}`).toBe(1)
        if (t.status === 'failed')
          expect(posts.length, `run ${run} ${t.platform} failed but posted`).toBe(0)
        if (t.status !== 'published') expect(t.errorMessage, `run ${run}`).toBeTruthy()
      }
      // Accounts marked for reconnection by an injected 190 are reconnected for the next run.
      await app.payload.update({
        collection: 'social-accounts',
        where: { needsReconnect: { equals: true } },
        data: { needsReconnect: false } as never,
        overrideAccess: true,
      })
    }
    // The faults really produced every kind of ending.
    const ends = new Set(Object.keys(outcomes).map((k) => k.split(':')[1]))
    expect([...ends].sort()).toEqual(['failed', 'published', 'unconfirmed'])
    console.log('exactly-once outcomes', JSON.stringify(outcomes))
  }, 600_000)

  it('two workers (two Payload instances) racing on the same targets post each once', async () => {
    const config = appConfig({
      databaseUri: app.databaseUri,
      secret: 'test-secret',
      plugin: {
        mediaDir: (app.payload.collections.media!.config.upload as { staticDir: string }).staticDir,
        publishing: publishingOptions(fake, { requestTimeoutMs: 2000 }),
      },
      poolMax: 10,
      logLevel: 'fatal',
    })
    const second = await getPayload({ config, key: 'second-worker' })
    fake.reset() // the fake's Instagram quota (100 a day) was used up by the runs above
    for (let round = 0; round < 10; round++) {
      const caption = `Balapan ${round}`
      const id = await newApproved(caption)
      const ids = await targetsFor(app.payload, id)
      await Promise.all([
        runPublishing(app.payload, id),
        runPublishing(second, id),
        ...ids.map((t) => runTarget(second, t)),
      ])
      for (const platform of Object.keys(accounts)) {
        expect(
          fake.posts.filter((p) => p.text === caption && p.platform === platform),
          `${round} ${platform}`,
        ).toHaveLength(1)
      }
      const statuses = (
        await app.payload.find({
          collection: 'publications',
          where: { submission: { equals: id } },
          depth: 0,
          overrideAccess: true,
        })
      ).docs.map((d: any) => d.status)
      expect(statuses.every((s: string) => s === 'published')).toBe(true)
    }
  }, 300_000)
})
