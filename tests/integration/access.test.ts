/**
 * CONTRACT "Who may read and write": reads per role and for anonymous readers
 * (REST and GraphQL), the register's immutability, users and roles, the login limit.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { STATUSES, type Status } from '../../src/workflow/index.js'
import { createTestApp, type TestApp } from '../helpers/app.js'
import {
  ACTORS,
  createPeople,
  createPhotos,
  createSubmissionIn,
  PASSWORD,
  validContent,
  type ActorName,
  type Person,
} from '../helpers/fixtures.js'

let app: TestApp
let people: Record<ActorName, Person>
const byStatus = {} as Record<Status, number>
let othersDraft: number

const PUBLIC = [
  'id',
  'title',
  'activityDate',
  'location',
  'narrative',
  'caption',
  'photos',
  'videos',
  'publishedAt',
  'registerNumber',
  'slug',
]

beforeAll(async () => {
  app = await createTestApp('access')
  people = await createPeople(app)
  const photos = await createPhotos(app.payload, people['tim-pelaksana'], 4)
  for (const status of STATUSES) {
    const s = await createSubmissionIn(app.payload, people['tim-pelaksana'], status, photos, {
      registerNumber:
        status === 'draft' ? null : `000${STATUSES.indexOf(status)}/REG-MEDSOS/VII/2025`,
      publishedAt: status === 'published' ? new Date().toISOString() : null,
    })
    byStatus[status] = s.id as number
  }
  const otherPhotos = await createPhotos(app.payload, people['tim-pelaksana-other'], 1, 'o')
  othersDraft = (
    await createSubmissionIn(app.payload, people['tim-pelaksana-other'], 'draft', otherPhotos)
  ).id as number
  // a real review and register entry on the owner's submitted item
  const s = await app.rest('POST', 'submissions', {
    token: people['tim-pelaksana'].token,
    json: validContent(photos),
  })
  await app.rest('POST', 'reviews', {
    token: people['tim-pelaksana'].token,
    json: { submission: s.body.doc.id, action: 'submit' },
  })
})

const visibleIds = async (token?: string) => {
  const res = await app.rest('GET', 'submissions?limit=100&depth=0', { token })
  expect(res.status).toBe(200)
  return new Set<number>(res.body.docs.map((d: { id: number }) => d.id))
}

describe('reading submissions', () => {
  it('the owner reads their own in every status, not others’ drafts', async () => {
    const ids = await visibleIds(people['tim-pelaksana'].token)
    for (const status of STATUSES) expect(ids.has(byStatus[status]), status).toBe(true)
    expect(ids.has(othersDraft)).toBe(false)
  })

  it('another field-team member reads only what is published of it', async () => {
    const ids = await visibleIds(people['tim-pelaksana-other'].token)
    for (const status of STATUSES)
      expect(ids.has(byStatus[status]), status).toBe(status === 'published')
    expect(ids.has(othersDraft)).toBe(true)
  })

  it.each(['tim-pertimbangan', 'ketua-ppid', 'atasan-ppid', 'admin-medsos'] as const)(
    '%s reads all but drafts',
    async (actor) => {
      const ids = await visibleIds(people[actor].token)
      for (const status of STATUSES)
        expect(ids.has(byStatus[status]), status).toBe(status !== 'draft')
      expect(ids.has(othersDraft)).toBe(false)
    },
  )

  it('the admin reads all', async () => {
    const ids = await visibleIds(people.admin.token)
    for (const status of STATUSES) expect(ids.has(byStatus[status])).toBe(true)
    expect(ids.has(othersDraft)).toBe(true)
  })

  it('anonymous REST: published only, public fields only', async () => {
    const res = await app.rest('GET', 'submissions?limit=100&depth=0')
    expect(res.body.docs.map((d: { id: number }) => d.id)).toEqual([byStatus.published])
    const keys = Object.keys(res.body.docs[0])
    expect(
      keys.every((k) => PUBLIC.includes(k)),
      keys.join(),
    ).toBe(true)
    expect(keys).toContain('registerNumber')
    for (const status of STATUSES.filter((s) => s !== 'published')) {
      const one = await app.rest('GET', `submissions/${byStatus[status]}`)
      expect(one.status, status).toBe(404)
    }
  })

  it('anonymous GraphQL: published only; internal fields come back empty', async () => {
    const res = await app.graphql(
      `{ Submissions(limit: 100) { docs { id title status dueAt submittedAt createdBy { id } createdAt } } }`,
    )
    const docs = res.body.data.Submissions.docs
    expect(docs.map((d: { id: number }) => d.id)).toEqual([byStatus.published])
    expect(docs[0]).toMatchObject({
      status: null,
      dueAt: null,
      submittedAt: null,
      createdBy: null,
      createdAt: null,
    })
    const one = await app.graphql(`{ Submission(id: ${byStatus.verified}) { id title } }`)
    expect(one.body.data?.Submission ?? null).toBeNull()
  })

  it('anonymous readers get no reviews, register or users, and only public media', async () => {
    for (const collection of ['reviews', 'register', 'users']) {
      const res = await app.rest('GET', collection)
      expect(res.status, collection).toBe(403)
    }
    // The fixtures' photos belong to unpublished submissions too, but the published one
    // made them public (news.test.ts covers files of drafts only).
    const media = await app.rest('GET', 'media?limit=100')
    expect(media.status).toBe(200)
    for (const doc of media.body.docs) expect(Object.keys(doc)).not.toContain('uploadedBy')
  })
})

describe('reading reviews and the register', () => {
  const count = async (collection: string, actor: ActorName) => {
    const res = await app.rest('GET', `${collection}?limit=100&depth=0`, {
      token: people[actor].token,
    })
    return res.body.totalDocs as number
  }
  it('the office reads all; the field team only those of its own submissions', async () => {
    for (const collection of ['reviews', 'register']) {
      expect(await count(collection, 'tim-pelaksana')).toBe(1)
      expect(await count(collection, 'tim-pelaksana-other')).toBe(0)
      for (const actor of [
        'tim-pertimbangan',
        'ketua-ppid',
        'atasan-ppid',
        'admin-medsos',
        'admin',
      ] as const) {
        expect(await count(collection, actor), `${collection} ${actor}`).toBe(1)
      }
    }
  })
})

describe('the register through the API', () => {
  it('nobody creates, changes or deletes entries, admin included', async () => {
    const [entry] = (await app.payload.find({ collection: 'register', depth: 0 })).docs
    expect(entry).toBeDefined()
    for (const actor of ['admin', 'tim-pertimbangan', 'tim-pelaksana'] as const) {
      const token = people[actor].token
      expect(
        (
          await app.rest('POST', 'register', {
            token,
            json: { ...entry, id: undefined, number: 'X' },
          })
        ).status,
      ).toBe(403)
      expect(
        (await app.rest('PATCH', `register/${entry!.id}`, { token, json: { summary: 'ubah' } }))
          .status,
      ).toBe(403)
      expect((await app.rest('DELETE', `register/${entry!.id}`, { token })).status).toBe(403)
    }
    const gql = await app.graphql(`mutation { deleteRegister(id: ${entry!.id}) { id } }`, {
      token: people.admin.token,
    })
    expect(gql.body.errors?.[0]?.extensions?.statusCode).toBe(403)
    expect((await app.payload.find({ collection: 'register', depth: 0 })).docs[0]).toEqual(entry)
  })

  it('only the owner deletes a never-submitted draft; nobody deletes a submitted one', async () => {
    for (const actor of ['admin', 'tim-pelaksana', 'tim-pertimbangan'] as const) {
      expect(
        (
          await app.rest('DELETE', `submissions/${byStatus.submitted}`, {
            token: people[actor].token,
          })
        ).status,
        actor,
      ).toBe(403)
    }
    expect(
      (
        await app.rest('DELETE', `submissions/${othersDraft}`, {
          token: people['tim-pelaksana'].token,
        })
      ).status,
    ).toBe(403)
    expect(
      (await app.rest('DELETE', `submissions/${othersDraft}`, { token: people.admin.token }))
        .status,
    ).toBe(403)
    expect(
      (
        await app.rest('DELETE', `submissions/${othersDraft}`, {
          token: people['tim-pelaksana-other'].token,
        })
      ).status,
    ).toBe(200)
  })
})

describe('users and roles', () => {
  it('logs in through REST with the same JWT the tests use', async () => {
    const res = await app.rest('POST', 'users/login', {
      json: { email: people['ketua-ppid'].email, password: PASSWORD },
    })
    expect(res.status).toBe(200)
    expect(res.body.user.roles).toEqual(['ketua-ppid'])
  })

  it('only the admin creates users and sets roles', async () => {
    const data = {
      email: 'baru@test.lamandaukab.go.id',
      password: PASSWORD,
      name: 'Baru',
      roles: ['atasan-ppid'],
    }
    for (const actor of ACTORS.filter((a) => a !== 'admin')) {
      expect(
        (await app.rest('POST', 'users', { token: people[actor].token, json: data })).status,
        actor,
      ).toBe(403)
    }
    const created = await app.rest('POST', 'users', { token: people.admin.token, json: data })
    expect(created.status).toBe(201)
    expect(created.body.doc.roles).toEqual(['atasan-ppid'])
    const changed = await app.rest('PATCH', `users/${created.body.doc.id}`, {
      token: people.admin.token,
      json: { roles: ['ketua-ppid'] },
    })
    expect(changed.body.doc.roles).toEqual(['ketua-ppid'])
  })

  it('nobody changes their own roles, the admin included', async () => {
    for (const actor of ['tim-pelaksana', 'admin'] as const) {
      const res = await app.rest('PATCH', `users/${people[actor].id}`, {
        token: people[actor].token,
        json: { name: 'Nama baru', roles: ['admin', 'atasan-ppid'] },
      })
      expect(res.status).toBe(200)
      const row = await app.payload.findByID({ collection: 'users', id: people[actor].id })
      expect(row.roles, actor).toEqual(people[actor].roles)
      expect(row.name).toBe('Nama baru')
    }
    const other = await app.rest('PATCH', `users/${people['ketua-ppid'].id}`, {
      token: people['tim-pelaksana'].token,
      json: { name: 'x' },
    })
    expect(other.status).toBe(403)
  })

  it('NIP must be 18 digits when given', async () => {
    const bad = await app.rest('PATCH', `users/${people['atasan-ppid'].id}`, {
      token: people['atasan-ppid'].token,
      json: { nip: '1978' },
    })
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toContain('NIP harus terdiri dari 18 angka')
    const good = await app.rest('PATCH', `users/${people['atasan-ppid'].id}`, {
      token: people['atasan-ppid'].token,
      json: { nip: '197001011995031001' },
    })
    expect(good.status).toBe(200)
  })

  it('refuses a client after 5 failed logins for an account (per client, not an account lock: tests/security)', async () => {
    const email = people['admin-medsos'].email
    for (let i = 0; i < 5; i++) {
      const res = await app.rest('POST', 'users/login', { json: { email, password: 'salah' } })
      expect(res.status).toBe(401)
    }
    const locked = await app.rest('POST', 'users/login', { json: { email, password: PASSWORD } })
    expect(locked.status).not.toBe(200)
  })
})
