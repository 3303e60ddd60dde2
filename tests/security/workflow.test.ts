/**
 * Issue 13 ("the record cannot be bent"), items 6, 9, 11, 12 and 21 through the real
 * REST handlers: each refused request gets its exact status and rule, and nothing changed.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { verifyRegisterInDatabase } from '../../src/register/chain.js'
import { createTestApp, type TestApp } from '../helpers/app.js'
import { countRows, createPeople, createPhotos, createSubmissionIn, PASSWORD, validContent, type ActorName, type Person } from '../helpers/fixtures.js'

let app: TestApp
let people: Record<ActorName, Person>
let owner: Person
let photos: number[]

beforeAll(async () => {
  app = await createTestApp('security_workflow')
  people = await createPeople(app)
  owner = people['tim-pelaksana']
  photos = await createPhotos(app.payload, owner, 4)
})

async function personWith(email: string, name: string, roles: string[]): Promise<Person> {
  const user = await app.payload.create({ collection: 'users', data: { email, password: PASSWORD, name, roles } as never, overrideAccess: true })
  const { token } = await app.payload.login({ collection: 'users', data: { email, password: PASSWORD } })
  return { id: user.id as number, email, roles: roles as Person['roles'], token: token! }
}

const act = (who: Person, submission: number | string, action: string, note?: string) =>
  app.rest('POST', 'reviews', { token: who.token, json: { submission, action, ...(note ? { note } : {}) } })

const rowOf = async (id: number | string) =>
  (await app.sql<{ title: string; caption: string; status: string; pending_corrections: unknown }>('select title, caption, status, pending_corrections from submissions where id = $1', [id]))[0]!

describe('item 6: separation of duties applies to edits', () => {
  it('a creator who also holds ketua-ppid cannot correct their own submission while accepted (403 editOwnContent)', async () => {
    const both = await personWith('pelaksana-ketua@test.lamandaukab.go.id', 'Pelaksana dan Ketua', ['tim-pelaksana', 'ketua-ppid'])
    const created = await app.rest('POST', 'submissions', { token: both.token, json: validContent(await createPhotos(app.payload, both, 4, 'pk')) })
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    expect((await act(both, id, 'submit')).status).toBe(201)
    expect((await act(people['tim-pertimbangan'], id, 'accept')).status).toBe(201)
    const before = await rowOf(id)
    const reviews = await countRows(app, 'reviews')
    const res = await app.rest('PATCH', `submissions/${id}`, { token: both.token, json: { caption: 'Dikoreksi oleh pembuatnya sendiri' } })
    expect(res.status, JSON.stringify(res.body)).toBe(403)
    expect(res.body.errors[0].data.rule).toBe('editOwnContent')
    expect(await rowOf(id)).toEqual(before)
    expect(await countRows(app, 'reviews')).toBe(reviews)
    // The workbench agrees: no edit button.
    const bench = await app.rest('GET', `sop-medsos/workbench/${id}`, { token: both.token })
    expect(bench.status).toBe(200)
    expect(bench.body.canEdit).toBe(false)
  })

  it('someone who accepted it as tim-pertimbangan cannot then correct it as ketua-ppid (403 editSeparation)', async () => {
    const both = await personWith('pertimbangan-ketua@test.lamandaukab.go.id', 'Pertimbangan dan Ketua', ['tim-pertimbangan', 'ketua-ppid'])
    const s = await createSubmissionIn(app.payload, owner, 'submitted', photos)
    expect((await act(both, s.id, 'accept')).status).toBe(201)
    const before = await rowOf(s.id)
    const res = await app.rest('PATCH', `submissions/${s.id}`, { token: both.token, lang: 'en', json: { title: 'Diubah oleh penerima' } })
    expect(res.status, JSON.stringify(res.body)).toBe(403)
    expect(res.body.errors[0].data.rule).toBe('editSeparation')
    expect(res.body.errors[0].message).toContain('separation of duties')
    expect(await rowOf(s.id)).toEqual(before)
    // GraphQL takes the same path.
    const gql = await app.graphql(`mutation { updateSubmission(id: ${s.id}, data: { title: "lewat GraphQL" }) { id } }`, { token: both.token })
    expect(gql.body.errors?.length).toBeGreaterThan(0)
    expect(await rowOf(s.id)).toEqual(before)
  })

  it('each correction records who made it; another Ketua’s verify review keeps the editor', async () => {
    const second = await personWith('ketua-dua@test.lamandaukab.go.id', 'Ketua Kedua', ['ketua-ppid'])
    const s = await createSubmissionIn(app.payload, owner, 'accepted', photos)
    const ketua = people['ketua-ppid']
    expect((await app.rest('PATCH', `submissions/${s.id}`, { token: ketua.token, json: { caption: 'Caption dikoreksi Ketua' } })).status).toBe(200)
    expect((await app.rest('PATCH', `submissions/${s.id}`, { token: second.token, json: { title: 'Judul dikoreksi Ketua Kedua' } })).status).toBe(200)
    const verify = await act(second, s.id, 'verify')
    expect(verify.status, JSON.stringify(verify.body)).toBe(201)
    expect(verify.body.doc.actor).toMatchObject({ id: second.id })
    expect(verify.body.doc.corrections).toEqual([
      { field: 'title', before: validContent(photos).title, after: 'Judul dikoreksi Ketua Kedua', editors: [{ id: second.id, name: 'Ketua Kedua' }] },
      { field: 'caption', before: validContent(photos).caption, after: 'Caption dikoreksi Ketua', editors: [{ id: ketua.id, name: 'User ketua-ppid' }] },
    ])
    expect(await verifyRegisterInDatabase(app.databaseUri)).toMatchObject({ ok: true })
  })
})
