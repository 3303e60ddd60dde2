/**
 * Issue 14 §2: the plugin extends an app's own `users` and `media` collections (shaped as
 * in Payload's with-postgres template: media readable by anyone, `alt` required) and
 * never weakens the SOP. Every read path an outsider has is tried: REST doc, list, the
 * file route and a size file, GraphQL; as anonymous, as the app's own editor (no SOP
 * role) and as SOP staff.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { CollectionConfig, Field } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeJpeg } from '../../dev/demoImages.js'
import { createTestApp, type TestApp } from '../helpers/app.js'
import {
  createPeople,
  createSubmissionIn,
  PASSWORD,
  validContent,
  type ActorName,
  type Person,
} from '../helpers/fixtures.js'

let app: TestApp
let people: Record<ActorName, Person>
let editor: Person
let hostDir: string
const hookCalls: string[] = []

const hostUsers: CollectionConfig = {
  slug: 'users',
  auth: true,
  admin: { useAsTitle: 'email' },
  fields: [],
}
const hostMedia = (dir: string): CollectionConfig => ({
  slug: 'media',
  access: { read: () => true },
  fields: [{ name: 'alt', type: 'text', required: true }],
  upload: { staticDir: dir, imageSizes: [{ name: 'thumbnail', width: 120, height: 90 }] },
})

async function upload(person: Person, tag: string): Promise<Record<string, any>> {
  const data = await makeJpeg(tag, 30, 320, 240)
  return (await app.payload.create({
    collection: 'media',
    data: { alt: `foto ${tag}` } as never,
    file: { data, mimetype: 'image/jpeg', name: `${tag}.jpg`, size: data.length },
    user: { ...person, collection: 'users' } as never,
    overrideAccess: false,
  } as never)) as Record<string, any>
}

const doc = (id: number) =>
  app.payload.findByID({
    collection: 'media',
    id,
    overrideAccess: true,
    showHiddenFields: true,
  }) as Promise<Record<string, any>>

let hostPhoto: Record<string, any>
let adminPhoto: number
let unattached: Record<string, any>
let draftPhotos: number[]
let reviewPhotos: number[]
let publishedPhotos: number[]
let draftId: number

beforeAll(async () => {
  hostDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sop-host-media-'))
  const extra: Field = {
    name: 'kecamatan',
    type: 'text',
    label: { id: 'Kecamatan', en: 'District' },
  }
  app = await createTestApp(
    'hostcols',
    {
      overrides: {
        submissions: {
          fields: ({ defaultFields }) => [...defaultFields, extra],
          admin: { description: 'Dengan kecamatan' },
          hooks: {
            afterChange: [({ doc: d }) => void hookCalls.push(`submission ${d.id} ${d.status}`)],
          },
        },
      },
    },
    undefined,
    undefined,
    { collections: [hostUsers, hostMedia(hostDir)] },
  )
  people = await createPeople(app)
  const created = await app.payload.create({
    collection: 'users',
    data: { email: 'redaksi@test.lamandaukab.go.id', password: PASSWORD, name: 'Redaksi' } as never,
    overrideAccess: true,
  })
  const login = await app.payload.login({
    collection: 'users',
    data: { email: 'redaksi@test.lamandaukab.go.id', password: PASSWORD },
  })
  editor = {
    id: created.id as number,
    email: 'redaksi@test.lamandaukab.go.id',
    roles: [],
    token: login.token!,
  }

  const owner = people['tim-pelaksana']
  hostPhoto = await upload(editor, 'logo-desa')
  adminPhoto = (await upload(people.admin, 'banner-admin')).id as number
  unattached = await upload(owner, 'belum-dilampirkan')
  const four = async (tag: string) =>
    Promise.all([0, 1, 2, 3].map(async (i) => (await upload(owner, `${tag}-${i}`)).id as number))
  draftPhotos = await four('draf')
  reviewPhotos = await four('telaah')
  publishedPhotos = await four('terbit')
  draftId = (await createSubmissionIn(app.payload, owner, 'draft', draftPhotos)).id as number
  await createSubmissionIn(app.payload, owner, 'submitted', reviewPhotos)
  await createSubmissionIn(app.payload, owner, 'published', publishedPhotos)
})

afterAll(async () => {
  await app?.payload.destroy()
  fs.rmSync(hostDir, { recursive: true, force: true })
})

describe("an app's public media collection: unpublished SOP photos stay closed", () => {
  it('the SOP marks its files; the app’s own file is not marked', async () => {
    expect((await doc(hostPhoto.id)).sopFile).toBe(false)
    // The admin runs the app too: their uploads are the app's until a submission holds one.
    expect((await doc(adminPhoto)).sopFile).toBe(false)
    expect((await doc(unattached.id)).sopFile).toBe(true)
    for (const id of [...draftPhotos, ...reviewPhotos, ...publishedPhotos])
      expect((await doc(id)).sopFile).toBe(true)
  })

  it('anonymous list: the app’s file and the published photos, nothing else', async () => {
    const res = await app.rest('GET', 'media?limit=100&depth=0')
    expect(res.status).toBe(200)
    const ids = (res.body.docs as { id: number }[]).map((d) => d.id).sort((a, b) => a - b)
    expect(ids).toEqual([hostPhoto.id, adminPhoto, ...publishedPhotos].sort((a, b) => a - b))
  })

  it('anonymous by id: unpublished photos are refused, published and the app’s are served', async () => {
    for (const id of [unattached.id, ...draftPhotos, ...reviewPhotos]) {
      const res = await app.rest('GET', `media/${id}`)
      expect([403, 404], `media/${id}`).toContain(res.status)
    }
    for (const id of [hostPhoto.id, publishedPhotos[0]])
      expect((await app.rest('GET', `media/${id}`)).status).toBe(200)
  })

  it('anonymous file route and size files: refused for unpublished, served for published', async () => {
    for (const id of [unattached.id, draftPhotos[0], reviewPhotos[0]]) {
      const d = await doc(id)
      for (const name of [d.filename, d.sizes.thumbnail.filename]) {
        const res = await app.get(`media/file/${name}`)
        expect(res.status, name).toBe(403)
        await res.body?.cancel()
      }
    }
    for (const id of [hostPhoto.id, publishedPhotos[0]]) {
      const d = await doc(id)
      for (const name of [d.filename, d.sizes.thumbnail.filename]) {
        const res = await app.get(`media/file/${name}`)
        expect(res.status, name).toBe(200)
        expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(100)
      }
    }
  })

  it('anonymous GraphQL: the same', async () => {
    const list = await app.graphql('{ allMedia(limit: 100) { docs { id } } }')
    const ids = (list.body.data.allMedia.docs as { id: number }[])
      .map((d) => d.id)
      .sort((a, b) => a - b)
    expect(ids).toEqual([hostPhoto.id, adminPhoto, ...publishedPhotos].sort((a, b) => a - b))
    const one = await app.graphql(`{ Media(id: ${reviewPhotos[0]}) { id filename } }`)
    expect(one.body.data?.Media ?? null).toBeNull()
  })

  it('the app’s own editor (no SOP role) reads like anonymous and cannot change SOP files', async () => {
    const list = await app.rest('GET', 'media?limit=100&depth=0', { token: editor.token })
    const ids = (list.body.docs as { id: number }[]).map((d) => d.id).sort((a, b) => a - b)
    expect(ids).toEqual([hostPhoto.id, adminPhoto, ...publishedPhotos].sort((a, b) => a - b))
    const file = await app.get(`media/file/${(await doc(draftPhotos[0]!)).filename}`, {
      Authorization: `JWT ${editor.token}`,
    })
    expect(file.status).toBe(403)
    await file.body?.cancel()
    const before = await doc(publishedPhotos[0]!)
    const patch = await app.rest('PATCH', `media/${publishedPhotos[0]}`, {
      token: editor.token,
      json: { alt: 'diubah redaksi' },
    })
    expect([403, 404]).toContain(patch.status)
    expect((await doc(publishedPhotos[0]!)).alt).toBe(before.alt)
    const del = await app.rest('DELETE', `media/${unattached.id}`, { token: editor.token })
    expect([403, 404]).toContain(del.status)
    expect(
      await app.payload.count({
        collection: 'media',
        where: { id: { equals: unattached.id } },
        overrideAccess: true,
      }),
    ).toEqual({ totalDocs: 1 })
    // …while the app's own file stays the app's.
    const own = await app.rest('PATCH', `media/${hostPhoto.id}`, {
      token: editor.token,
      json: { alt: 'Logo desa (baru)' },
    })
    expect(own.status, JSON.stringify(own.body)).toBe(200)
  })

  it('SOP staff read what the SOP gives them: the reviewer sees the submitted photos, not a draft', async () => {
    const reviewer = people['tim-pertimbangan']
    for (const id of reviewPhotos)
      expect((await app.rest('GET', `media/${id}`, { token: reviewer.token })).status).toBe(200)
    expect([403, 404]).toContain(
      (await app.rest('GET', `media/${draftPhotos[0]}`, { token: reviewer.token })).status,
    )
    expect(
      (await app.rest('GET', `media/${draftPhotos[0]}`, { token: people['tim-pelaksana'].token }))
        .status,
    ).toBe(200)
  })

  it('the app’s required `alt` still applies to SOP uploads', async () => {
    const form = new FormData()
    form.append(
      'file',
      new Blob([new Uint8Array(await makeJpeg('tanpa-alt', 10, 320, 240))], { type: 'image/jpeg' }),
      'tanpa-alt.jpg',
    )
    form.append('_payload', JSON.stringify({}))
    const res = await app.rest('POST', 'media', { token: people['tim-pelaksana'].token, form })
    expect(res.status).toBe(400)
  })
})

describe('overrides.submissions: the app adds a field and a hook; the SOP keeps its rules', () => {
  it('the field is stored and read by staff, never by anonymous readers', async () => {
    const owner = people['tim-pelaksana']
    const photos = await Promise.all(
      [0, 1, 2, 3].map(async (i) => (await upload(owner, `kec-${i}`)).id as number),
    )
    const res = await app.rest('POST', 'submissions', {
      token: owner.token,
      json: { ...validContent(photos), kecamatan: 'Bulik' },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body.doc.kecamatan).toBe('Bulik')
    expect(hookCalls).toContain(`submission ${res.body.doc.id} draft`)
    const published = await createSubmissionIn(
      app.payload,
      owner,
      'published',
      await Promise.all(
        [0, 1, 2, 3].map(async (i) => (await upload(owner, `kec-pub-${i}`)).id as number),
      ),
      { kecamatan: 'Delang' },
    )
    const anon = await app.rest('GET', `submissions/${published.id}`)
    expect(anon.status).toBe(200)
    expect(anon.body.kecamatan).toBeUndefined()
  })

  it('the status still decides: the added field cannot be changed on a draft by someone else', async () => {
    const res = await app.rest('PATCH', `submissions/${draftId}`, {
      token: people['tim-pelaksana-other'].token,
      json: { kecamatan: 'Lamandau' },
    })
    expect([403, 404]).toContain(res.status)
  })
})
