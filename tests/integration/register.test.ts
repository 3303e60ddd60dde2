/**
 * The register as the agency's record: public verification of a hash, the chain check
 * an auditor runs (`npm run register:verify`) catching a row changed with SQL, and
 * nothing of the record deletable — admin included.
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { makeJpeg } from '../../src/dev/demoImages.js'
import { createTestApp, type TestApp } from '../helpers/app.js'
import { createPeople, createPhotos, type ActorName, type Person } from '../helpers/fixtures.js'
import { validContent } from '../helpers/fixtures.js'

const ROOT = path.resolve(import.meta.dirname, '../..')
let app: TestApp
let people: Record<ActorName, Person>
let photos: number[]
let submitted: number
let draft: number

beforeAll(async () => {
  app = await createTestApp('register')
  people = await createPeople(app)
  photos = await createPhotos(app.payload, people['tim-pelaksana'], 5)
  const owner = people['tim-pelaksana']
  for (let i = 0; i < 3; i++) {
    const res = await app.rest('POST', 'submissions', { token: owner.token, json: { ...validContent(photos.slice(0, 4)), title: `Kegiatan ${i}` } })
    const s = await app.rest('POST', 'reviews', { token: owner.token, json: { submission: res.body.doc.id, action: 'submit' } })
    expect(s.status).toBe(201)
    submitted = res.body.doc.id
  }
  draft = (await app.rest('POST', 'submissions', { token: owner.token, json: { ...validContent([photos[4]!]), title: 'Masih draf' } })).body.doc.id
})

const verifyCli = () =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/register-verify.ts'], { cwd: ROOT, env: { ...process.env, DATABASE_URI: app.databaseUri }, encoding: 'utf8' })

describe('GET /api/register/verify', () => {
  it('finds a hash of the register, says where and when, nothing more; anonymous', async () => {
    const entry = (await app.payload.find({ collection: 'register', sort: 'chainIndex', limit: 1, overrideAccess: true })).docs[0] as any
    for (const hash of [entry.contentHash, entry.hash]) {
      const res = await app.rest('GET', `register/verify?hash=${hash}`)
      expect(res.status).toBe(200)
      expect(res.body.found).toBe(true)
      expect(res.body.entries[0]).toEqual({ number: entry.number, at: entry.at, kind: 'documentation' })
      expect(Object.keys(res.body).sort()).toEqual(['entries', 'found', 'hash'])
    }
    const none = await app.rest('GET', `register/verify?hash=${'ab'.repeat(32)}`)
    expect(none.body).toEqual({ hash: 'ab'.repeat(32), found: false, entries: [] })
    const bad = await app.rest('GET', 'register/verify?hash=xyz')
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toContain('64 karakter heksadesimal')
    // The collection itself stays closed to anonymous readers.
    expect((await app.rest('GET', 'register')).status).toBe(403)
  })
})

describe('npm run register:verify', () => {
  it('prints OK for an intact chain and the first broken entry after an SQL edit', () => {
    const ok = verifyCli()
    expect(ok.status, ok.stderr).toBe(0)
    expect(ok.stdout).toMatch(/^OK: 3 register entries/)
  })

  it('detects a changed row', async () => {
    const [second] = await app.sql<{ id: number; number: string; summary: string }>('select id, number, summary from register order by chain_index offset 1 limit 1')
    await app.sql('update register set summary = $1 where id = $2', ['Diubah diam-diam', second!.id])
    const broken = verifyCli()
    expect(broken.status).toBe(1)
    expect(broken.stderr).toContain(`Nomor Register ${second!.number}`)
    expect(broken.stderr).toContain('hash mismatch')
    await app.sql('update register set summary = $1 where id = $2', [second!.summary, second!.id])
    expect(verifyCli().status).toBe(0)
  })
})

describe('nothing in the record can be deleted', () => {
  it('register entries: not by anyone, admin included', async () => {
    const entry = (await app.payload.find({ collection: 'register', limit: 1, overrideAccess: true })).docs[0]!
    for (const actor of ['admin', 'ketua-ppid', 'tim-pelaksana'] as const) {
      expect((await app.rest('DELETE', `register/${entry.id}`, { token: people[actor].token })).status, actor).toBe(403)
    }
  })

  it('submitted submissions: not by anyone, admin included; the owner may delete a draft', async () => {
    for (const actor of ['admin', 'tim-pelaksana', 'ketua-ppid'] as const) {
      const res = await app.rest('DELETE', `submissions/${submitted}`, { token: people[actor].token })
      expect(res.status, actor).not.toBe(200)
    }
    expect(await app.payload.findByID({ collection: 'submissions', id: submitted, overrideAccess: true })).toBeTruthy()
    expect((await app.rest('DELETE', `submissions/${draft}`, { token: people['tim-pelaksana'].token })).status).toBe(200)
  })

  it('photos of a submitted submission: not deleted or replaced by anyone; alt text can be fixed', async () => {
    for (const actor of ['tim-pelaksana', 'admin'] as const) {
      const res = await app.rest('DELETE', `media/${photos[0]}`, { token: people[actor].token })
      expect(res.status, actor).toBe(403)
      expect(JSON.stringify(res.body)).toContain('tidak dapat diganti atau dihapus')
    }
    const form = new FormData()
    const data = await makeJpeg('pengganti', 10)
    form.append('file', new Blob([new Uint8Array(data)], { type: 'image/jpeg' }), 'pengganti.jpg')
    form.append('_payload', JSON.stringify({}))
    expect((await app.rest('PATCH', `media/${photos[0]}`, { token: people['tim-pelaksana'].token, form })).status).toBe(403)
    const alt = await app.rest('PATCH', `media/${photos[0]}`, { token: people['tim-pelaksana'].token, json: { alt: 'Bupati meresmikan jembatan' } })
    expect(alt.status, JSON.stringify(alt.body)).toBe(200)
    // The draft's photo (its draft now deleted) is still the uploader's to delete.
    expect((await app.rest('DELETE', `media/${photos[4]}`, { token: people['tim-pelaksana'].token })).status).toBe(200)
  })
})
