/**
 * Faults in the middle of the flow:
 * - PostgreSQL stopped and restarted while requests keep coming: requests during the
 *   outage fail with an error answer (no hang, no crash), the app recovers by itself,
 *   and nothing is half-written afterwards;
 * - the app process killed with SIGKILL in the middle of transitions: after a restart
 *   every submission is in a status the state table allows, with matching reviews and
 *   register entries, and the flow continues.
 * The invariants are checked from SQL, not through the app.
 */
import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { verifyRegisterInDatabase } from '../../src/register/chain.js'
import { buildWorkflow } from '../../src/workflow/table.js'
import { createTestApp, type TestApp } from '../helpers/app.js'
import { startChild } from '../helpers/child.js'
import {
  createPeople,
  createPhotos,
  createSubmissionIn,
  type ActorName,
  type Person,
} from '../helpers/fixtures.js'
import { startChildPostgres, type ChildPostgres } from '../postgres.js'
import { freePort } from '../browser/devServer.js'

const ROOT = path.resolve(import.meta.dirname, '../..')
const workflow = buildWorkflow()

/** Every submission consistent with its reviews and the register (read with SQL). */
async function checkRecord(app: TestApp) {
  const subs = await app.sql<{ id: number; status: string; register_number: string | null }>(
    'select id, status, register_number from submissions order by id',
  )
  const reviews = await app.sql<{
    submission_id: number
    action: string
    from_status: string
    to_status: string
  }>('select submission_id, action, from_status, to_status from reviews order by id')
  const register = await app.sql<{
    submission_id: number
    number: string
    kind: string
    sequence: number
  }>('select submission_id, number, kind, sequence from register order by chain_index')
  for (const s of subs) {
    const mine = reviews.filter((r) => r.submission_id === s.id)
    // Each review is a transition of the state table, and they chain from draft to the current status.
    let status = mine.length ? mine[0]!.from_status : s.status
    for (const r of mine) {
      expect(r.from_status, `submission ${s.id}`).toBe(status)
      expect(
        workflow.transitions.some(
          (t) => t.action === r.action && t.from === r.from_status && t.to === r.to_status,
        ),
        `${r.action} ${r.from_status}→${r.to_status}`,
      ).toBe(true)
      status = r.to_status
    }
    expect(s.status, `submission ${s.id}`).toBe(status)
    const docs = register.filter((e) => e.submission_id === s.id && e.kind === 'documentation')
    const handedIn = mine.some((r) => r.action === 'submit')
    expect(docs.length, `register of submission ${s.id}`).toBe(handedIn ? 1 : 0)
    expect(s.register_number, `number of submission ${s.id}`).toBe(
      handedIn ? docs[0]!.number : null,
    )
  }
  // Gap-free numbering and an intact hash chain.
  const seqs = register.map((e) => Number(e.sequence)).sort((a, b) => a - b)
  expect(seqs).toEqual(seqs.map((_, i) => i + 1))
  const verdict = await verifyRegisterInDatabase(app.databaseUri)
  expect(verdict.ok, JSON.stringify(verdict)).toBe(true)
  return { submissions: subs.length, reviews: reviews.length, register: register.length }
}

describe('PostgreSQL restarted in the middle of the flow', () => {
  let db: ChildPostgres | undefined
  let app: TestApp | undefined
  const dir = path.join(ROOT, `.data/fault-postgres-${process.pid}`)
  afterAll(async () => {
    // Close the app's pool first: its server is about to go away for good.
    await (app?.payload.db as { destroy?: () => Promise<void> } | undefined)?.destroy?.()
    await db?.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('fails requests cleanly during the outage, recovers by itself, leaves nothing half-written', async () => {
    const port = await freePort()
    db = await startChildPostgres({ dir, port })
    const admin = new pg.Client({ connectionString: db.uri })
    await admin.connect()
    await admin.query('create database faults')
    await admin.end()
    const uri = new URL(db.uri)
    uri.pathname = '/faults'
    // The server's log, so that an unexpected answer during the outage says what raised it.
    const logs: string[] = []
    app = await createTestApp('faults-pg', {}, 'faults-pg', logs, { databaseUri: uri.toString() })
    const errorsLogged = () =>
      logs
        .filter((l) => /"level":50/.test(l))
        .map((l) => l.slice(0, 600))
        .join('\n')
    const people = await createPeople(app)
    const photos = await createPhotos(app.payload, people['tim-pelaksana'], 4)
    const ids: number[] = []
    for (let i = 0; i < 12; i++)
      ids.push(
        (
          await createSubmissionIn(app.payload, people['tim-pelaksana'], 'draft', photos, {
            title: `Kegiatan ${i}`,
          })
        ).id as number,
      )
    const act = (who: ActorName, id: number, action: string) =>
      app!.rest('POST', 'reviews', {
        token: people[who].token,
        json: { submission: id, action, note: action === 'reject' ? 'Perbaiki.' : undefined },
      })

    // Before: the flow works.
    for (const id of ids.slice(0, 4))
      expect((await act('tim-pelaksana', id, 'submit')).status).toBe(201)

    // Outage: actions in flight while the server stops, then more during the outage.
    const inFlight = ids.slice(4, 8).map((id) => act('tim-pelaksana', id, 'submit'))
    await db.stop()
    const during: number[] = []
    for (const id of ids.slice(8, 12)) {
      const started = Date.now()
      const res = await act('tim-pelaksana', id, 'submit')
      during.push(res.status)
      expect(Date.now() - started).toBeLessThan(30_000)
      // A clear 503 that says nothing was saved (hooks/errors.ts serviceUnavailable), no internals.
      expect(res.body?.errors?.[0]?.message).toContain('Tidak ada yang tersimpan')
      expect(JSON.stringify(res.body)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|begin/)
    }
    expect(during).toEqual([503, 503, 503, 503])
    // In flight when the server stopped: done, or the outage's 503 (never a 403: a login
    // that could not be loaded is not an anonymous request).
    const flightResults = await Promise.all(inFlight)
    for (const r of flightResults)
      expect([201, 503], `${JSON.stringify(r.body)}\n${errorsLogged()}`).toContain(r.status)

    // Back: same data directory and port; the app reconnects without a restart.
    db = await startChildPostgres({ dir, port })
    let recovered = false
    const until = Date.now() + 60_000
    while (!recovered && Date.now() < until) {
      const res = await app.rest('GET', 'submissions?limit=1', {
        token: people['tim-pertimbangan'].token,
      })
      recovered = res.status === 200
      if (!recovered) await new Promise((r) => setTimeout(r, 500))
    }
    expect(recovered).toBe(true)
    // Whatever failed can simply be done again; the flow continues.
    for (const id of ids.slice(4)) {
      const [row] = await app.sql<{ status: string }>(
        'select status from submissions where id = $1',
        [id],
      )
      if (row!.status === 'draft')
        expect((await act('tim-pelaksana', id, 'submit')).status).toBe(201)
    }
    for (const id of ids) expect((await act('tim-pertimbangan', id, 'accept')).status).toBe(201)
    const record = await checkRecord(app)
    expect(record.register).toBe(12)
  }, 240_000)
})

describe('the app process killed with SIGKILL in the middle of transitions', () => {
  it('leaves every submission in a state-table status with matching reviews and register entries; the flow continues', async () => {
    const app = await createTestApp('faults-kill', {}, 'faults-kill')
    const people = await createPeople(app)
    const photos = await createPhotos(app.payload, people['tim-pelaksana'], 4)
    const ids: number[] = []
    for (let i = 0; i < 10; i++)
      ids.push(
        (
          await createSubmissionIn(app.payload, people['tim-pelaksana'], 'draft', photos, {
            title: `Kegiatan ${i}`,
          })
        ).id as number,
      )
    const chain: [ActorName, string][] = [
      ['tim-pelaksana', 'submit'],
      ['tim-pertimbangan', 'accept'],
      ['ketua-ppid', 'verify'],
      ['atasan-ppid', 'approve'],
    ]
    const steps = ids.flatMap((id) =>
      chain.map(([who, action]) => [id, action, (people[who] as Person).id]),
    )
    const actor = startChild('tests/helpers/actor.ts', {
      DATABASE_URI: app.databaseUri,
      MEDIA_DIR: (app.payload.collections.media!.config.upload as { staticDir: string }).staticDir,
      STEPS: JSON.stringify(steps),
    })
    // Kill it after a dozen committed actions, while it is in the middle of the next one.
    const acted = await new Promise<number>((resolve, reject) => {
      const count = () => (actor.output().match(/^ACTED /gm) ?? []).length
      const onData = () => {
        if (count() < 13) return
        actor.child.stdout!.off('data', onData)
        actor.child.kill('SIGKILL')
        resolve(count())
      }
      actor.child.stdout!.on('data', onData)
      void actor.closed.then((end) =>
        reject(new Error(`the actor ended before its 13th action: ${actor.describe(end)}`)),
      )
    })
    const end = await actor.closed
    expect(end.signal, actor.describe(end)).toBe('SIGKILL')
    expect(acted).toBeGreaterThanOrEqual(13)
    expect(acted).toBeLessThan(steps.length)

    // After the kill: consistent, and no lock left behind (the row locks died with the connection).
    const record = await checkRecord(app)
    expect(record.reviews).toBeGreaterThanOrEqual(acted)
    expect(record.reviews).toBeLessThanOrEqual(acted + 1)
    // "Restart": this process takes the remaining steps; every submission reaches `approved`.
    for (const id of ids) {
      for (const [who, action] of chain) {
        const [row] = await app.sql<{ status: string }>(
          'select status from submissions where id = $1',
          [id],
        )
        const transition = workflow.transitions.find(
          (t) => t.action === action && t.from === row!.status,
        )
        if (!transition) continue
        // Local API as that user, with access checks (the REST handlers of this file are
        // bound to the first app Payload cached in this worker: the one of the test above).
        const user = await app.payload.findByID({
          collection: 'users',
          id: people[who].id,
          overrideAccess: true,
        })
        const review = await app.payload.create({
          collection: 'reviews',
          data: { submission: id, action } as never,
          user: { ...user, collection: 'users' } as never,
          overrideAccess: false,
        })
        expect(review.toStatus).toBe(transition.to)
      }
    }
    const statuses = await app.sql<{ status: string }>('select status from submissions')
    expect(statuses.every((s) => s.status === 'approved')).toBe(true)
    const final = await checkRecord(app)
    expect(final.register).toBe(10)
  }, 240_000)
})
