import { beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/app.js'
import {
  createPeople,
  createPhotos,
  validContent,
  type ActorName,
  type Person,
} from '../helpers/fixtures.js'

let app: TestApp
let people: Record<ActorName, Person>

beforeAll(async () => {
  app = await createTestApp('smoke')
  people = await createPeople(app)
})

describe('smoke', () => {
  it('runs the default flow through REST', async () => {
    const photos = await createPhotos(app.payload, people['tim-pelaksana'], 4)
    const created = await app.rest('POST', 'submissions', {
      token: people['tim-pelaksana'].token,
      json: validContent(photos),
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const id = created.body.doc.id
    for (const [actor, action] of [
      ['tim-pelaksana', 'submit'],
      ['tim-pertimbangan', 'accept'],
      ['ketua-ppid', 'verify'],
      ['atasan-ppid', 'approve'],
    ] as const) {
      const res = await app.rest('POST', 'reviews', {
        token: people[actor].token,
        json: { submission: id, action },
      })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
    }
    const doc = await app.payload.findByID({ collection: 'submissions', id })
    expect(doc.status).toBe('approved')
    expect(doc.registerNumber).toMatch(/^0001\/REG-MEDSOS\/[IVX]+\/\d{4}$/)
  })
})
