/**
 * The whole role × action × status matrix, generated from the state table: every
 * allowed cell succeeds, every other cell is refused with 403 and writes nothing —
 * through the REST handlers and through GraphQL.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import {
  buildWorkflow,
  decide,
  ACTIONS,
  STATUSES,
  type Action,
  type Status,
} from '../../src/workflow/index.js'
import { createTestApp, type TestApp } from '../helpers/app.js'
import {
  ACTORS,
  countRows,
  createPeople,
  createPhotos,
  createSubmissionIn,
  type ActorName,
  type Person,
} from '../helpers/fixtures.js'

const workflow = buildWorkflow()
let app: TestApp
let people: Record<ActorName, Person>
let photos: number[]

beforeAll(async () => {
  app = await createTestApp('matrix')
  people = await createPeople(app)
  photos = await createPhotos(app.payload, people['tim-pelaksana'], 4)
  // Step 5 needs somewhere to post: an account posted to by hand (no network).
  account = (
    await app.payload.create({
      collection: 'social-accounts',
      data: { label: 'Manual', platform: 'manual', enabled: true } as never,
      overrideAccess: true,
    })
  ).id as number
})
let account: number

interface Cell {
  actor: ActorName
  action: Action
  status: Status
  allowed: boolean
  to?: Status
}

const cells: Cell[] = []
for (const status of STATUSES)
  for (const action of ACTIONS)
    for (const actor of ACTORS) {
      // Fixtures are owned by 'tim-pelaksana'; actor ids are placeholders resolved by role here.
      const roles =
        actor === 'admin' ? ['admin'] : [actor === 'tim-pelaksana-other' ? 'tim-pelaksana' : actor]
      const decision = decide(workflow, { id: actor, roles: roles as never }, action, {
        status,
        ownerId: 'tim-pelaksana',
        priorStages: [],
      })
      cells.push({
        actor,
        action,
        status,
        allowed: decision.ok,
        to: decision.ok ? decision.transition.to : undefined,
      })
    }

async function snapshot(id: number) {
  return {
    reviews: await countRows(app, 'reviews', 'submission_id = $1', [id]),
    register: await countRows(app, 'register'),
    row: (
      await app.sql(
        'select status, register_number, submitted_at, due_at from submissions where id = $1',
        [id],
      )
    )[0],
  }
}

const NOTE = 'Tanggapan tertulis untuk pengujian.'

describe.each(['REST', 'GraphQL'] as const)('matrix through %s', (api) => {
  it('has both allowed and refused cells', () => {
    expect(cells.filter((c) => c.allowed).length).toBe(13)
    expect(cells.length).toBe(STATUSES.length * ACTIONS.length * ACTORS.length)
  })

  it.each(
    cells.map(
      (c) => [`${c.actor} ${c.action} on ${c.status} → ${c.allowed ? c.to : 403}`, c] as const,
    ),
  )('%s', async (_name, cell) => {
    const submission = await createSubmissionIn(
      app.payload,
      people['tim-pelaksana'],
      cell.status,
      photos,
    )
    const id = submission.id as number
    // A posting target that failed, for retry and confirm (one target: confirming it completes posting).
    let publication: number | null = null
    if (cell.status === 'publishing' || cell.status === 'publish_failed') {
      publication = (
        await app.payload.create({
          collection: 'publications',
          data: { submission: id, account, platform: 'manual', status: 'failed' } as never,
          overrideAccess: true,
        })
      ).id as number
    }
    const extra =
      cell.action === 'confirm'
        ? { publication, url: 'https://www.facebook.com/lamandau/posts/1' }
        : {}
    const before = await snapshot(id)
    const token = people[cell.actor].token
    let status: number
    let errorText = ''
    if (api === 'REST') {
      const res = await app.rest('POST', 'reviews', {
        token,
        json: { submission: id, action: cell.action, note: NOTE, ...extra },
      })
      status = res.status
      errorText = JSON.stringify(res.body)
    } else {
      const res = await app.graphql(
        `mutation($data: mutationReviewInput!) { createReview(data: $data) { id toStatus } }`,
        {
          token,
          variables: { data: { submission: id, action: cell.action, note: NOTE, ...extra } },
        },
      )
      const error = res.body.errors?.[0]
      status = error
        ? (error.extensions?.statusCode ?? 500)
        : res.body.data?.createReview
          ? 201
          : 500
      errorText = JSON.stringify(res.body)
    }
    const after = await snapshot(id)
    if (cell.allowed) {
      expect(status, errorText).toBe(201)
      expect(after.reviews).toBe(before.reviews + 1)
      // In `auto` mode an approval with an enabled account goes straight on to posting.
      expect(after.row!.status).toBe(cell.to === 'approved' ? 'publishing' : cell.to)
    } else {
      expect(status, errorText).toBe(403)
      expect(after).toEqual(before)
    }
  })
})
