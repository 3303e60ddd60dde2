/**
 * The admin workbench's server side: each role's queue and a submission's allowed
 * actions (from the state table, through the real REST handlers), the PPID head's
 * corrections as a before/after diff in the verify review, and notifications — in-app
 * for the right people only, and email through a real SMTP server on 127.0.0.1, in
 * Indonesian, once. Overdue reminders: once per step, escalation a day late.
 */
import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { remindOverdue } from '../../src/services/notifications.js'
import { allowedActions } from '../../src/workflow/table.js'
import { createTestApp, type TestApp } from '../helpers/app.js'
import {
  countRows,
  createPeople,
  createPhotos,
  createSubmissionIn,
  validContent,
  type ActorName,
  type Person,
} from '../helpers/fixtures.js'

let app: TestApp
let people: Record<ActorName, Person>
let photos: number[]
let smtp: SMTPServer
const mails: ParsedMail[] = []

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, done) {
      simpleParser(stream).then(
        (mail) => {
          mails.push(mail)
          done()
        },
        (error: Error) => done(error),
      )
    },
  })
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve))
  const port = (smtp.server.address() as AddressInfo).port
  const email = nodemailerAdapter({
    defaultFromAddress: 'ppid@lamandaukab.go.id',
    defaultFromName: 'PPID Kabupaten Lamandau',
    skipVerify: true,
    transportOptions: { host: '127.0.0.1', port, secure: false, ignoreTLS: true },
  })
  app = await createTestApp(
    'workbench',
    { news: { agencyName: 'PPID Kabupaten Lamandau' } },
    'workbench',
    undefined,
    { email },
  )
  people = await createPeople(app)
  photos = await createPhotos(app.payload, people['tim-pelaksana'], 4)
})
afterAll(async () => {
  await new Promise<void>((resolve) => smtp?.close(() => resolve()))
})

const act = (who: ActorName, submission: number | string, action: string, note?: string) =>
  app.rest('POST', 'reviews', { token: people[who].token, json: { submission, action, note } })
const queue = (who: ActorName) => app.rest('GET', 'sop-medsos/queue', { token: people[who].token })
const bench = (who: ActorName, id: number | string, lang = 'id') =>
  app.rest('GET', `sop-medsos/workbench/${id}`, { token: people[who].token, lang })
const noticesOf = async (who: ActorName) =>
  (
    await app.payload.find({
      collection: 'notifications',
      where: { recipient: { equals: people[who].id } },
      sort: 'createdAt',
      pagination: false,
      overrideAccess: true,
      depth: 0,
    })
  ).docs as any[]
const runEmailJobs = () => app.payload.jobs.run({ queue: 'sop-medsos-notify', limit: 200 })

async function newDraft(title: string) {
  const res = await app.rest('POST', 'submissions', {
    token: people['tim-pelaksana'].token,
    json: { ...validContent(photos), title },
  })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.doc.id as number
}

describe('queue ("Antrian saya") and workbench endpoints', () => {
  it('refuses anonymous callers', async () => {
    expect((await app.rest('GET', 'sop-medsos/queue')).status).toBe(401)
    expect((await app.rest('GET', 'sop-medsos/workbench/1')).status).toBe(401)
  })

  it('shows each role exactly the items it can act on, returned work first, then by deadline', async () => {
    const owner = people['tim-pelaksana']
    const draft = await createSubmissionIn(app.payload, owner, 'draft', photos, {
      title: 'Q draft',
    })
    const returned = await createSubmissionIn(app.payload, owner, 'returned', photos, {
      title: 'Q returned',
    })
    const submitted = await createSubmissionIn(app.payload, owner, 'submitted', photos, {
      title: 'Q submitted',
    })
    const accepted = await createSubmissionIn(app.payload, owner, 'accepted', photos, {
      title: 'Q accepted',
    })
    const ids = (body: any) => body.items.map((i: any) => i.id)

    const mine = (await queue('tim-pelaksana')).body
    expect(ids(mine)).toEqual(expect.arrayContaining([draft.id, returned.id]))
    expect(ids(mine).indexOf(returned.id)).toBeLessThan(ids(mine).indexOf(draft.id))
    expect(ids(mine)).not.toContain(submitted.id)
    expect(mine.items.find((i: any) => i.id === draft.id).actions).toEqual(['submit'])

    expect(ids((await queue('tim-pelaksana-other')).body)).not.toContain(draft.id)
    const reviewer = (await queue('tim-pertimbangan')).body
    expect(ids(reviewer)).toContain(submitted.id)
    expect(ids(reviewer)).not.toContain(accepted.id)
    expect(reviewer.items.find((i: any) => i.id === submitted.id).actions).toEqual([
      'accept',
      'reject',
    ])
    expect(ids((await queue('ketua-ppid')).body)).toContain(accepted.id)
    expect(ids((await queue('atasan-ppid')).body)).toEqual(
      expect.not.arrayContaining([draft.id, returned.id, submitted.id, accepted.id]),
    )
    // Office counts (numbers only) include drafts.
    expect(reviewer.counts.draft).toBeGreaterThanOrEqual(1)
    const truth = await app.sql<{ status: string; n: number }>(
      'select status::text, count(*)::int as n from submissions group by status',
    )
    expect(reviewer.counts).toEqual(Object.fromEntries(truth.map((r) => [r.status, r.n])))
    expect(reviewer.timeZone).toBe('Asia/Jakarta')
    // The list filters ask without the office counts: same items, no counting.
    const light = (
      await app.rest('GET', 'sop-medsos/queue?counts=false', {
        token: people['tim-pertimbangan'].token,
      })
    ).body
    expect(ids(light)).toEqual(ids(reviewer))
    expect(light.counts).toEqual({})
    // Sorted by deadline within the same rank.
    const dues = reviewer.items
      .filter((i: any) => i.status !== 'returned')
      .map((i: any) => new Date(i.dueAt).getTime())
    expect(dues).toEqual([...dues].sort((a, b) => a - b))
  })

  it("lists the actions the state table allows this user now, and hides others' drafts", async () => {
    const owner = people['tim-pelaksana']
    const ctx = (app.payload.config.custom as any).sopMedsos.ctx
    for (const status of ['draft', 'submitted', 'accepted', 'verified', 'returned'] as const) {
      const doc = await createSubmissionIn(app.payload, owner, status, photos, {
        title: `W ${status}`,
      })
      for (const who of [
        'tim-pelaksana',
        'tim-pertimbangan',
        'ketua-ppid',
        'atasan-ppid',
        'admin-medsos',
        'admin',
      ] as const) {
        const res = await bench(who, doc.id)
        if (status === 'draft' && who !== 'tim-pelaksana' && who !== 'admin') {
          expect(res.status, `${who} reads a draft`).toBe(404)
          continue
        }
        expect(res.status, `${who}/${status}`).toBe(200)
        const expected = allowedActions(
          ctx.workflow,
          { id: people[who].id, roles: people[who].roles },
          { status, ownerId: owner.id, priorStages: [] },
        ).map((t) => t.action)
        expect(
          res.body.actions.map((a: any) => a.action),
          `${who}/${status}`,
        ).toEqual(expected)
        for (const a of res.body.actions)
          expect(a.noteRequired).toBe(['reject', 'return', 'decline'].includes(a.action))
        for (const a of res.body.actions)
          expect(a.decision, a.action).toBe(
            ['accept', 'reject', 'verify', 'return', 'approve', 'decline'].includes(a.action),
          )
        expect(res.body.canEdit, `${who}/${status}`).toBe(
          (who === 'tim-pelaksana' && (status === 'draft' || status === 'returned')) ||
            (who === 'ketua-ppid' && status === 'accepted'),
        )
      }
      expect((await bench('tim-pelaksana-other', doc.id)).status).toBe(404)
    }
    expect((await bench('admin', 'not-an-id')).status).toBe(404)
  })
})

describe('the flow with notifications and corrections', () => {
  it('notifies the next role, returns with the written response, records corrections as a diff, emails once', async () => {
    mails.length = 0
    const before = await countRows(app, 'notifications')
    const id = await newDraft('Musyawarah perencanaan pembangunan')

    // A refused action (reject needs a written response) writes no notice.
    expect((await act('tim-pelaksana', id, 'submit')).status).toBe(201)
    const afterSubmit = await countRows(app, 'notifications')
    expect((await act('tim-pertimbangan', id, 'reject')).status).toBe(400)
    expect(await countRows(app, 'notifications')).toBe(afterSubmit)

    // Submit: the review team hears, nobody else.
    const reviewerNotices = (await noticesOf('tim-pertimbangan')).filter((n) => n.submission === id)
    expect(reviewerNotices.map((n) => n.kind)).toEqual(['queue'])
    expect(afterSubmit - before).toBe(1)

    // Reject with a written response: the owner gets it, with the response.
    expect(
      (await act('tim-pertimbangan', id, 'reject', 'Foto kurang jelas, mohon ganti foto 2.'))
        .status,
    ).toBe(201)
    const returned = (await noticesOf('tim-pelaksana')).filter((n) => n.submission === id)
    expect(returned.map((n) => n.kind)).toEqual(['returned'])
    const ownerRead = await app.rest('GET', `notifications/${returned[0].id}`, {
      token: people['tim-pelaksana'].token,
    })
    expect(ownerRead.status).toBe(200)
    expect(ownerRead.body.message).toContain('Foto kurang jelas, mohon ganti foto 2.')
    expect(ownerRead.body.message).toContain('dikembalikan')
    const ownerReadEn = await app.rest('GET', `notifications/${returned[0].id}`, {
      token: people['tim-pelaksana'].token,
      lang: 'en',
    })
    expect(ownerReadEn.body.message).toContain('was returned to you')
    expect(ownerRead.body.key).toBeUndefined()

    // Resubmit: a new step, a new notice to the review team.
    expect((await act('tim-pelaksana', id, 'submit')).status).toBe(201)
    expect((await noticesOf('tim-pertimbangan')).filter((n) => n.submission === id)).toHaveLength(2)
    expect((await act('tim-pertimbangan', id, 'accept')).status).toBe(201)
    expect(
      (await noticesOf('ketua-ppid')).filter((n) => n.submission === id).map((n) => n.kind),
    ).toEqual(['queue'])

    // The PPID head corrects the title twice and the caption once, then verifies.
    const ketua = people['ketua-ppid'].token
    expect(
      (
        await app.rest('PATCH', `submissions/${id}`, {
          token: ketua,
          json: { title: 'Musrenbang Kecamatan' },
        })
      ).status,
    ).toBe(200)
    expect(
      (
        await app.rest('PATCH', `submissions/${id}`, {
          token: ketua,
          json: { title: 'Musrenbang Kecamatan Bulik', caption: 'Musrenbang Kecamatan Bulik 2026' },
        })
      ).status,
    ).toBe(200)
    // Nobody sets the pending corrections by hand.
    expect(
      (
        await app.rest('PATCH', `submissions/${id}`, {
          token: ketua,
          json: { pendingCorrections: [] },
        })
      ).status,
    ).toBe(403)
    expect((await act('ketua-ppid', id, 'verify', 'Judul dan caption diperbaiki.')).status).toBe(
      201,
    )
    const verify = (
      await app.payload.find({
        collection: 'reviews',
        where: { and: [{ submission: { equals: id } }, { action: { equals: 'verify' } }] },
        overrideAccess: true,
      })
    ).docs[0] as any
    // Each correction names who made it (issue 13, item 6).
    const editors = [{ id: people['ketua-ppid'].id, name: 'User ketua-ppid' }]
    expect(verify.corrections).toEqual([
      {
        field: 'title',
        before: 'Musyawarah perencanaan pembangunan',
        after: 'Musrenbang Kecamatan Bulik',
        editors,
      },
      {
        field: 'caption',
        before: validContent(photos).caption,
        after: 'Musrenbang Kecamatan Bulik 2026',
        editors,
      },
    ])
    const [row] = await app.sql<{ p: unknown }>(
      'select pending_corrections as p from submissions where id = $1',
      [id],
    )
    expect(row!.p).toBeNull()
    const timeline = (await bench('tim-pelaksana', id)).body.timeline
    expect(timeline.map((r: any) => r.action)).toEqual([
      'submit',
      'reject',
      'submit',
      'accept',
      'verify',
    ])
    expect(timeline[4].corrections).toHaveLength(2)
    expect(timeline[1].note).toBe('Foto kurang jelas, mohon ganti foto 2.')

    // Approve (no account enabled): the Admin Medsos's queue.
    expect((await act('atasan-ppid', id, 'approve')).status).toBe(201)
    expect(
      (await noticesOf('admin-medsos')).filter((n) => n.submission === id).map((n) => n.kind),
    ).toEqual(['queue'])
    // Nobody was told about a step that is not theirs.
    expect(
      (await noticesOf('tim-pelaksana-other')).filter((n) => n.submission === id),
    ).toHaveLength(0)
    expect((await noticesOf('admin')).filter((n) => n.submission === id)).toHaveLength(0)

    // Emails: one per notice, to the right address, Indonesian first; running again sends nothing.
    const notices = (
      await app.payload.find({
        collection: 'notifications',
        where: { submission: { equals: id } },
        pagination: false,
        overrideAccess: true,
        depth: 0,
      })
    ).docs as any[]
    await runEmailJobs()
    await runEmailJobs()
    const forThis = mails.filter(
      (m) => (m.subject ?? '').includes('Musrenbang') || (m.subject ?? '').includes('Musyawarah'),
    )
    expect(forThis).toHaveLength(notices.length)
    const to = (m: ParsedMail) =>
      (Array.isArray(m.to) ? m.to : [m.to]).flatMap((a) => a!.value.map((v) => v.address))
    const byRecipient = (who: ActorName) => forThis.filter((m) => to(m).includes(people[who].email))
    expect(byRecipient('tim-pertimbangan')).toHaveLength(2)
    expect(byRecipient('ketua-ppid')).toHaveLength(1)
    expect(byRecipient('admin-medsos')).toHaveLength(1)
    const returnedMail = byRecipient('tim-pelaksana')
    expect(returnedMail).toHaveLength(1)
    expect(returnedMail[0]!.subject).toBe(
      '[PPID Kabupaten Lamandau] Dikembalikan: Musyawarah perencanaan pembangunan',
    )
    const body = returnedMail[0]!.text ?? ''
    expect(body).toContain('Tanggapan tertulis: Foto kurang jelas, mohon ganti foto 2.')
    expect(body.indexOf('dikembalikan kepada Anda')).toBeLessThan(
      body.indexOf('was returned to you'),
    )
    expect(body).toMatch(/\/admin\/collections\/submissions\/\d+/)
    for (const n of await app.payload
      .find({
        collection: 'notifications',
        where: { submission: { equals: id } },
        pagination: false,
        overrideAccess: true,
      })
      .then((r) => r.docs as any[])) {
      expect(n.emailedAt).toBeTruthy()
    }
  })
})

describe('notifications collection access', () => {
  it('only the recipient reads and marks a notice; nobody creates one through the API', async () => {
    const [notice] = await noticesOf('tim-pertimbangan')
    expect(notice).toBeDefined()
    const own = people['tim-pertimbangan'].token
    expect(
      (await app.rest('GET', `notifications/${notice.id}`, { token: people['ketua-ppid'].token }))
        .status,
    ).toBe(404)
    expect(
      (await app.rest('GET', `notifications/${notice.id}`, { token: people.admin.token })).status,
    ).toBe(404)
    expect((await app.rest('GET', 'notifications')).status).toBe(403)
    const list = await app.rest('GET', 'notifications?limit=100', {
      token: people['ketua-ppid'].token,
    })
    expect(
      list.body.docs.every(
        (d: any) =>
          d.recipient === people['ketua-ppid'].id || d.recipient?.id === people['ketua-ppid'].id,
      ),
    ).toBe(true)
    // Marking read works; other fields cannot be changed.
    const patched = await app.rest('PATCH', `notifications/${notice.id}`, {
      token: own,
      json: { read: true, kind: 'overdue', recipient: people['ketua-ppid'].id },
    })
    expect(patched.status).toBe(200)
    const [row] = await app.sql<{ read: boolean; kind: string; recipient_id: number }>(
      'select read, kind, recipient_id from notifications where id = $1',
      [notice.id],
    )
    expect(row).toEqual({
      read: true,
      kind: notice.kind,
      recipient_id: people['tim-pertimbangan'].id,
    })
    const created = await app.rest('POST', 'notifications', {
      token: people.admin.token,
      json: { recipient: people['ketua-ppid'].id, kind: 'queue', params: {} },
    })
    expect(created.status).toBe(403)
    // The unread count the bell shows.
    const unread = await app.rest('GET', 'notifications?where[read][equals]=false&limit=1', {
      token: own,
    })
    expect(unread.body.totalDocs).toBe(
      (await noticesOf('tim-pertimbangan')).filter((n) => !n.read).length,
    )
  })
})

describe('overdue reminders', () => {
  it('reminds the stage once when a step is late, and its superior once when a full day late', async () => {
    const owner = people['tim-pelaksana']
    const threeDaysAgo = new Date(Date.now() - 3 * 86_400_000).toISOString()
    const late = await createSubmissionIn(app.payload, owner, 'submitted', photos, {
      title: 'Terlambat dua hari',
      submittedAt: threeDaysAgo,
      statusChangedAt: threeDaysAgo,
    })
    expect(new Date(late.dueAt as string).getTime()).toBeLessThan(Date.now() - 86_400_000)
    const now = new Date()
    const first = await remindOverdue(app.payload, now)
    expect(first).toBeGreaterThanOrEqual(2)
    const of = async (who: ActorName) =>
      (await noticesOf(who)).filter((n) => n.submission === late.id)
    expect((await of('tim-pertimbangan')).map((n) => n.kind)).toEqual(['overdue'])
    expect((await of('ketua-ppid')).map((n) => n.kind)).toEqual(['escalation'])
    expect(await of('atasan-ppid')).toHaveLength(0)
    // Never twice for the same step.
    await remindOverdue(app.payload, now)
    await remindOverdue(app.payload, new Date(now.getTime() + 3_600_000))
    expect(await of('tim-pertimbangan')).toHaveLength(1)
    expect(await of('ketua-ppid')).toHaveLength(1)

    // Late by less than a day: the stage only, no escalation yet.
    const accepted = await createSubmissionIn(app.payload, owner, 'accepted', photos, {
      title: 'Baru terlambat',
    })
    const due = new Date(accepted.dueAt as string)
    await remindOverdue(app.payload, new Date(due.getTime() + 60_000))
    expect(
      (await noticesOf('ketua-ppid'))
        .filter((n) => n.submission === accepted.id)
        .map((n) => n.kind),
    ).toEqual(['overdue'])
    expect(
      (await noticesOf('atasan-ppid')).filter((n) => n.submission === accepted.id),
    ).toHaveLength(0)
    await remindOverdue(app.payload, new Date(due.getTime() + 86_400_000 + 60_000))
    expect(
      (await noticesOf('atasan-ppid'))
        .filter((n) => n.submission === accepted.id)
        .map((n) => n.kind),
    ).toEqual(['escalation'])
    // The reminder email reads in Indonesian.
    mails.length = 0
    await runEmailJobs()
    const escalation = mails.find((m) =>
      (m.subject ?? '').includes('Terlambat lebih dari satu hari: Baru terlambat'),
    )
    expect(escalation).toBeDefined()
    expect(escalation!.text).toContain('Ketua PPID Pelaksana')
  })
})
