/**
 * Issue 13, item 5: an owner's large content PATCH racing `submit`. The edit takes the
 * same row lock as the workflow action (before Payload reads the document) and never
 * writes back workflow-owned fields, so the end state is always consistent: either the
 * edit went first and `submit` handed in the edited content, or `submit` went first and
 * the edit is refused (403 `editStatus`). One submission, one documentation number.
 */
import type { CollectionBeforeChangeHook } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { verifyRegisterInDatabase } from '../../src/register/chain.js'
import { createTestApp, type TestApp } from '../helpers/app.js'
import {
  countRows,
  createPeople,
  createPhotos,
  richText,
  validContent,
  type ActorName,
  type Person,
} from '../helpers/fixtures.js'

let app: TestApp
let people: Record<ActorName, Person>
let owner: Person
let photos: number[]

beforeAll(async () => {
  app = await createTestApp('edit_race')
  people = await createPeople(app, ['tim-pelaksana', 'tim-pertimbangan'])
  owner = people['tim-pelaksana']
  photos = await createPhotos(app.payload, owner, 4)
})

async function draft(): Promise<number> {
  const res = await app.rest('POST', 'submissions', {
    token: owner.token,
    json: validContent(photos),
  })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.doc.id
}

/** A large edit (about 600 KB of narrative): the slow request of the report. */
const bigEdit = (round: number) => ({
  title: `Judul diedit ${round}`,
  narrative: richText(`Narasi panjang ${round}. `.repeat(30_000)),
})

const submit = (id: number) =>
  app.rest('POST', 'reviews', { token: owner.token, json: { submission: id, action: 'submit' } })

async function expectConsistent(
  id: number,
  patch: { status: number; body: any },
  sub: { status: number; body: any },
  round: number,
) {
  expect(sub.status, JSON.stringify(sub.body)).toBe(201)
  const [row] = await app.sql<{ status: string; register_number: string | null; title: string }>(
    'select status, register_number, title from submissions where id = $1',
    [id],
  )
  const entries = await app.sql<{ number: string }>(
    `select number from register where submission_id = $1 and kind = 'documentation'`,
    [id],
  )
  expect(row!.status).toBe('submitted')
  expect(entries).toHaveLength(1)
  expect(row!.register_number).toBe(entries[0]!.number)
  expect(sub.body.doc.toStatus).toBe('submitted')
  if (patch.status === 200) {
    // The edit went first: what was handed in is the edited content.
    expect(row!.title).toBe(`Judul diedit ${round}`)
  } else {
    expect(patch.status, JSON.stringify(patch.body)).toBe(403)
    expect(patch.body.errors[0].data.rule).toBe('editStatus')
    expect(row!.title).toBe(validContent(photos).title)
  }
  expect(await verifyRegisterInDatabase(app.databaseUri)).toMatchObject({ ok: true })
}

describe('content PATCH racing submit', () => {
  it.each(Array.from({ length: 10 }, (_, i) => i + 1))(
    'round %i: the end state is consistent',
    async (round) => {
      const id = await draft()
      const patching = app.rest('PATCH', `submissions/${id}`, {
        token: owner.token,
        json: bigEdit(round),
      })
      const [patch, sub] = await Promise.all([patching, submit(id)])
      await expectConsistent(id, patch, sub, round)
    },
  )

  it('the edit holds the row while it is written: submit waits for it, then hands in the edited content', async () => {
    // Deterministic interleaving: the PATCH is stopped after Payload read the document
    // (a beforeChange hook waits on a gate) while `submit` runs. Before the fix the
    // submit committed meanwhile and the PATCH then wrote the stale `draft` back.
    const id = await draft()
    const hooks = app.payload.collections.submissions!.config.hooks
    let arrived!: () => void
    let release!: () => void
    const atGate = new Promise<void>((r) => (arrived = r))
    const gate = new Promise<void>((r) => (release = r))
    const hold: CollectionBeforeChangeHook = async ({ data, operation, originalDoc }) => {
      if (operation === 'update' && originalDoc?.id === id && data.title === 'Judul diedit gate') {
        arrived()
        await gate
      }
      return data
    }
    hooks.beforeChange = [hold, ...(hooks.beforeChange ?? [])]
    try {
      const patching = app.rest('PATCH', `submissions/${id}`, {
        token: owner.token,
        json: { ...bigEdit(0), title: 'Judul diedit gate' },
      })
      await atGate
      let settled = false
      const submitting = submit(id).finally(() => (settled = true))
      // Wait until submit is either done (no lock: the old behaviour) or waiting for the row lock.
      for (;;) {
        if (settled) break
        const waiting = await app.sql(
          `select 1 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
        )
        if (waiting.length) break
        await new Promise((r) => setImmediate(r))
      }
      release()
      const [patch, sub] = await Promise.all([patching, submitting])
      expect(patch.status, JSON.stringify(patch.body)).toBe(200)
      const [row] = await app.sql<{
        status: string
        register_number: string | null
        title: string
      }>('select status, register_number, title from submissions where id = $1', [id])
      expect(sub.status).toBe(201)
      expect(row).toMatchObject({ status: 'submitted', title: 'Judul diedit gate' })
      expect(row!.register_number).toMatch(/REG-MEDSOS/)
      expect(
        await countRows(app, 'register', `submission_id = $1 and kind = 'documentation'`, [id]),
      ).toBe(1)
    } finally {
      hooks.beforeChange = hooks.beforeChange!.filter((h) => h !== hold)
      release()
    }
  })
})

describe('one documentation entry per submission', () => {
  it('a submission that lost its number (the old race) gets its first number back on resubmit, not a second one', async () => {
    const id = await draft()
    expect((await submit(id)).status).toBe(201)
    const [first] = await app.sql<{ register_number: string }>(
      'select register_number from submissions where id = $1',
      [id],
    )
    // The state the race left behind: a draft with no number but a documentation entry.
    await app.sql(`update submissions set status = 'draft', register_number = null where id = $1`, [
      id,
    ])
    // (reviews are immutable in the database: the old state is recreated by its owner, triggers off)
    await app.sql('alter table reviews disable trigger reviews_immutable_rows')
    await app.sql(`delete from reviews where submission_id = $1`, [id])
    await app.sql('alter table reviews enable trigger reviews_immutable_rows')
    const before = await countRows(app, 'register')
    const again = await submit(id)
    expect(again.status, JSON.stringify(again.body)).toBe(201)
    expect(await countRows(app, 'register')).toBe(before)
    const [row] = await app.sql<{ register_number: string }>(
      'select register_number from submissions where id = $1',
      [id],
    )
    expect(row!.register_number).toBe(first!.register_number)
  })

  it('the database refuses a second documentation entry for one submission (unique partial index)', async () => {
    const id = await draft()
    expect((await submit(id)).status).toBe(201)
    const copy = `insert into register (number, kind, submission_id, at, summary, content_hash, previous_hash, hash, year, sequence, chain_index, updated_at, created_at)
      select number || '-x', kind, submission_id, at, summary, content_hash, previous_hash, hash || 'x', year, sequence + 1000, chain_index + 1000, now(), now()
      from register where submission_id = $1 and kind = 'documentation'`
    await expect(app.sql(copy, [id])).rejects.toThrow(/register_one_documentation_per_submission/)
  })

  it('deleting a draft that is part of the record is refused (403), not a 500', async () => {
    const id = await draft()
    expect((await submit(id)).status).toBe(201)
    await app.sql(`update submissions set status = 'draft' where id = $1`, [id])
    const before = {
      submissions: await countRows(app, 'submissions'),
      register: await countRows(app, 'register'),
      reviews: await countRows(app, 'reviews'),
    }
    const res = await app.rest('DELETE', `submissions/${id}`, { token: owner.token })
    expect(res.status, JSON.stringify(res.body)).toBe(403)
    expect(res.body.errors[0].data.rule).toBe('submissionInRecord')
    expect({
      submissions: await countRows(app, 'submissions'),
      register: await countRows(app, 'register'),
      reviews: await countRows(app, 'reviews'),
    }).toEqual(before)
  })
})
