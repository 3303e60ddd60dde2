/**
 * The flow end to end under each `stages` variant, resubmission after reject/return,
 * register entries and their immutability, and deadlines kept on the submission.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { Payload } from 'payload'
import { dueAt, type ApproverStage } from '../../src/workflow/index.js'
import { createTestApp, type TestApp } from '../helpers/app.js'
import {
  createPeople,
  createPhotos,
  validContent,
  type ActorName,
  type Person,
} from '../helpers/fixtures.js'

const VARIANTS: { name: string; stages: ApproverStage[]; path: [ActorName, string, string][] }[] = [
  {
    name: 'all three approvers (default)',
    stages: ['tim-pertimbangan', 'ketua-ppid', 'atasan-ppid'],
    path: [
      ['tim-pertimbangan', 'accept', 'accepted'],
      ['ketua-ppid', 'verify', 'verified'],
      ['atasan-ppid', 'approve', 'approved'],
    ],
  },
  {
    name: 'without ketua-ppid',
    stages: ['tim-pertimbangan', 'atasan-ppid'],
    path: [
      ['tim-pertimbangan', 'accept', 'accepted'],
      ['atasan-ppid', 'approve', 'approved'],
    ],
  },
  {
    name: 'without atasan-ppid',
    stages: ['tim-pertimbangan', 'ketua-ppid'],
    path: [
      ['tim-pertimbangan', 'accept', 'accepted'],
      ['ketua-ppid', 'verify', 'approved'],
    ],
  },
  {
    name: 'tim-pertimbangan only',
    stages: ['tim-pertimbangan'],
    path: [['tim-pertimbangan', 'accept', 'approved']],
  },
]

const as = (person: Person) => ({
  user: { ...person, collection: 'users' } as never,
  overrideAccess: false,
})

async function act(
  payload: Payload,
  person: Person,
  submission: number,
  action: string,
  note?: string,
) {
  return payload.create({
    collection: 'reviews',
    data: { submission, action, note } as never,
    ...as(person),
  })
}

describe.each(VARIANTS)('stages: $name', ({ name, stages, path }) => {
  let app: TestApp
  let people: Record<ActorName, Person>
  let photos: number[]

  beforeAll(async () => {
    app = await createTestApp(`flow${stages.length}${stages.join('').length}`, { stages }, name)
    people = await createPeople(app)
    photos = await createPhotos(app.payload, people['tim-pelaksana'], 4)
  })

  it('runs draft → submitted → … → approved, with a register entry and reviews', async () => {
    const { payload } = app
    const owner = people['tim-pelaksana']
    const s = await payload.create({
      collection: 'submissions',
      data: validContent(photos) as never,
      ...as(owner),
    })
    expect(s.status).toBe('draft')
    const submitted = await act(payload, owner, s.id as number, 'submit')
    expect(submitted.toStatus).toBe('submitted')
    for (const [actor, action, to] of path) {
      const review = await act(payload, people[actor], s.id as number, action)
      expect(review.toStatus).toBe(to)
      expect(review.contentHash).toBe(submitted.contentHash)
    }
    const done = await payload.findByID({ collection: 'submissions', id: s.id })
    expect(done.status).toBe('approved')
    const register = await payload.find({
      collection: 'register',
      where: { submission: { equals: s.id } },
    })
    expect(register.docs).toHaveLength(1)
    expect(register.docs[0]).toMatchObject({
      kind: 'documentation',
      number: done.registerNumber,
      contentHash: submitted.contentHash,
    })
    const reviews = await payload.find({
      collection: 'reviews',
      where: { submission: { equals: s.id } },
      sort: 'createdAt',
    })
    expect(reviews.docs.map((r) => r.action)).toEqual(['submit', ...path.map((p) => p[1])])
  })

  it('keeps the register number through reject or return and resubmission', async () => {
    const { payload } = app
    const owner = people['tim-pelaksana']
    const s = await payload.create({
      collection: 'submissions',
      data: validContent(photos) as never,
      ...as(owner),
    })
    await act(payload, owner, s.id as number, 'submit')
    const first = await payload.findByID({ collection: 'submissions', id: s.id })
    const rejected = await act(
      payload,
      people['tim-pertimbangan'],
      s.id as number,
      'reject',
      'Foto buram.',
    )
    expect(rejected.toStatus).toBe('returned')
    // the field team fixes the caption and resubmits
    await payload.update({
      collection: 'submissions',
      id: s.id,
      data: { caption: 'Caption diperbaiki' } as never,
      ...as(owner),
    })
    const again = await act(payload, owner, s.id as number, 'submit')
    expect(again.contentHash).not.toBe(rejected.contentHash)
    const resubmitted = await payload.findByID({ collection: 'submissions', id: s.id })
    expect(resubmitted.status).toBe('submitted')
    expect(resubmitted.registerNumber).toBe(first.registerNumber)
    expect(new Date(resubmitted.submittedAt as string).getTime()).toBeGreaterThanOrEqual(
      new Date(first.submittedAt as string).getTime(),
    )
    const entries = await payload.count({
      collection: 'register',
      where: { submission: { equals: s.id } },
    })
    expect(entries.totalDocs).toBe(1)
    if (stages.length > 1) {
      // a later stage returns it: back to the field team, same number again
      await act(payload, people['tim-pertimbangan'], s.id as number, 'accept')
      const [actor] = path[1]!
      await act(payload, people[actor], s.id as number, 'return', 'Narasi perlu dilengkapi.')
      const returned = await payload.findByID({ collection: 'submissions', id: s.id })
      expect(returned.status).toBe('returned')
      expect(returned.registerNumber).toBe(first.registerNumber)
    }
  })

  it('keeps dueAt as the deadline of the current step', async () => {
    const { payload } = app
    const owner = people['tim-pelaksana']
    const activityDate = '2025-07-15T00:00:00.000Z'
    const s = await payload.create({
      collection: 'submissions',
      data: { ...validContent(photos), activityDate } as never,
      ...as(owner),
    })
    expect(s.dueAt).toBe('2025-07-15T16:59:59.999Z') // end of H, WIB
    expect(s.overdue).toBe(true)
    await act(payload, owner, s.id as number, 'submit')
    const submitted = await payload.findByID({ collection: 'submissions', id: s.id })
    expect(submitted.dueAt).toBe(
      dueAt(
        { status: 'submitted', activityDate, submittedAt: submitted.submittedAt as string },
        'Asia/Jakarta',
      )!.toISOString(),
    )
    expect(submitted.overdue).toBe(false)
    for (const [actor, action] of path) await act(payload, people[actor], s.id as number, action)
    const approved = await payload.findByID({ collection: 'submissions', id: s.id })
    expect(approved.dueAt).toBe('2025-07-16T16:59:59.999Z') // upload by the end of H+1
    expect(approved.overdue).toBe(true)
  })

  it('lets the Ketua PPID correct content in accepted only when its stage exists', async () => {
    const { payload } = app
    const owner = people['tim-pelaksana']
    const s = await payload.create({
      collection: 'submissions',
      data: validContent(photos) as never,
      ...as(owner),
    })
    await act(payload, owner, s.id as number, 'submit')
    await act(payload, people['tim-pertimbangan'], s.id as number, 'accept')
    const correct = payload.update({
      collection: 'submissions',
      id: s.id,
      data: { caption: 'Dikoreksi' } as never,
      ...as(people['ketua-ppid']),
    })
    if (stages.includes('ketua-ppid')) {
      expect((await correct).caption).toBe('Dikoreksi')
    } else {
      await expect(correct).rejects.toMatchObject({ status: 403 })
    }
  })

  if (stages.includes('atasan-ppid')) {
    it('declines for good: no further action is possible', async () => {
      const { payload } = app
      const owner = people['tim-pelaksana']
      const s = await payload.create({
        collection: 'submissions',
        data: validContent(photos) as never,
        ...as(owner),
      })
      await act(payload, owner, s.id as number, 'submit')
      for (const [actor, action] of path.slice(0, -1))
        await act(payload, people[actor], s.id as number, action)
      const declined = await act(
        payload,
        people['atasan-ppid'],
        s.id as number,
        'decline',
        'Tidak sesuai kebijakan publikasi.',
      )
      expect(declined.toStatus).toBe('declined')
      const doc = await payload.findByID({ collection: 'submissions', id: s.id })
      expect(doc.dueAt).toBeNull()
      await expect(act(payload, owner, s.id as number, 'submit')).rejects.toMatchObject({
        status: 403,
      })
    })
  }
})
