/**
 * Concurrency on real PostgreSQL: register numbers under simultaneous submissions,
 * two reviewers racing on one submission, and the hash chain afterwards.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { verifyRegisterChain } from '../../src/workflow/index.js'
import { createTestApp, type TestApp } from '../helpers/app.js'
import {
  createPeople,
  createPhotos,
  createSubmissionIn,
  validContent,
  type ActorName,
  type Person,
} from '../helpers/fixtures.js'

let app: TestApp
let people: Record<ActorName, Person>
let reviewers: Person[]
let photos: number[]

beforeAll(async () => {
  app = await createTestApp('concurrency')
  people = await createPeople(app)
  photos = await createPhotos(app.payload, people['tim-pelaksana'], 4)
  const extra = await Promise.all(
    [1, 2, 3, 4].map((n) =>
      createPeople(app, ['tim-pertimbangan'], `-${n}`).then((p) => p['tim-pertimbangan']),
    ),
  )
  reviewers = [people['tim-pertimbangan'], ...extra]
})

async function chain() {
  const { docs } = await app.payload.find({
    collection: 'register',
    sort: 'chainIndex',
    limit: 0,
    pagination: false,
  })
  return docs as unknown as Parameters<typeof verifyRegisterChain>[0]
}

describe('register numbers', () => {
  it('20 submissions handed in at once get 20 distinct, consecutive numbers', async () => {
    const owner = people['tim-pelaksana']
    const ids: number[] = []
    for (let i = 0; i < 20; i++) {
      const res = await app.rest('POST', 'submissions', {
        token: owner.token,
        json: { ...validContent(photos), title: `Kegiatan ${i}` },
      })
      ids.push(res.body.doc.id)
    }
    const results = await Promise.all(
      ids.map((id) =>
        app.rest('POST', 'reviews', {
          token: owner.token,
          json: { submission: id, action: 'submit' },
        }),
      ),
    )
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201))
    const rows = await app.sql<{ register_number: string }>(
      'select register_number from submissions where id = any($1)',
      [ids],
    )
    const sequences = rows.map((r) => Number(r.register_number.split('/')[0])).sort((a, b) => a - b)
    expect(sequences).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
    expect(new Set(rows.map((r) => r.register_number)).size).toBe(20)
    expect(verifyRegisterChain(await chain())).toEqual({ ok: true, entries: 20 })
  })
})

describe('racing reviewers', () => {
  it.each([1, 2, 3, 4, 5])(
    'five reviewers accept one submission at once: exactly one wins (round %i)',
    async () => {
      const s = await createSubmissionIn(app.payload, people['tim-pelaksana'], 'submitted', photos)
      const results = await Promise.all(
        reviewers.map((r) =>
          app.rest('POST', 'reviews', {
            token: r.token,
            json: { submission: s.id, action: 'accept' },
          }),
        ),
      )
      const statuses = results.map((r) => r.status).sort()
      expect(statuses).toEqual([201, 403, 403, 403, 403])
      const reviews = await app.sql(
        'select action, to_status from reviews where submission_id = $1',
        [s.id],
      )
      expect(reviews).toEqual([{ action: 'accept', to_status: 'accepted' }])
    },
  )

  it('accept and reject at once: one of them, never both', async () => {
    const s = await createSubmissionIn(app.payload, people['tim-pelaksana'], 'submitted', photos)
    const [a, b] = await Promise.all([
      app.rest('POST', 'reviews', {
        token: reviewers[0]!.token,
        json: { submission: s.id, action: 'accept' },
      }),
      app.rest('POST', 'reviews', {
        token: reviewers[1]!.token,
        json: { submission: s.id, action: 'reject', note: 'Kurang foto.' },
      }),
    ])
    expect([a.status, b.status].sort()).toEqual([201, 403])
    const row = (
      await app.sql<{ status: string }>('select status from submissions where id = $1', [s.id])
    )[0]!
    expect(row.status).toBe(a.status === 201 ? 'accepted' : 'returned')
  })
})

describe('the hash chain after the run', () => {
  it('verifies, and a row changed with SQL is detected', async () => {
    const entries = await chain()
    expect(verifyRegisterChain(entries).ok).toBe(true)
    const victim = entries[7]!
    // The trigger refuses the edit; an attacker owning the database disables it first.
    await app.sql('alter table register disable trigger register_immutable_rows')
    await app.sql(`update register set summary = 'diubah diam-diam' where number = $1`, [
      victim.number,
    ])
    expect(verifyRegisterChain(await chain())).toMatchObject({
      ok: false,
      index: 7,
      problem: 'hash',
      number: victim.number,
    })
    await app.sql(`update register set summary = $2 where number = $1`, [
      victim.number,
      victim.summary,
    ])
    await app.sql('alter table register enable trigger register_immutable_rows')
    expect(verifyRegisterChain(await chain()).ok).toBe(true)
  })
})
