/**
 * Boundaries of the SOP rules through the real REST API: photo count, caption length
 * (as a person counts), real images, narrative, workflow-owned fields, written responses.
 */
import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { makeJpeg } from '../../dev/demoImages.js'
import { createTestApp, type TestApp } from '../helpers/app.js'
import {
  countRows,
  createPeople,
  createPhotos,
  createSubmissionIn,
  richText,
  validContent,
  type ActorName,
  type Person,
} from '../helpers/fixtures.js'

let app: TestApp
let people: Record<ActorName, Person>
let photos: number[]
let owner: Person

beforeAll(async () => {
  app = await createTestApp('rules')
  people = await createPeople(app)
  owner = people['tim-pelaksana']
  photos = await createPhotos(app.payload, owner, 4)
})

/** n characters as a person counts them, each made of several UTF-16 units. */
const caption = (n: number) => {
  const unit = ['e\u0301', '🇮🇩', 'a', '👍🏽', 'n\u0303']
  return Array.from({ length: n }, (_, i) => unit[i % unit.length]).join('')
}

async function draft(content: Record<string, unknown>) {
  const res = await app.rest('POST', 'submissions', {
    token: owner.token,
    json: { ...validContent(photos), ...content },
  })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.doc.id as number
}

const submit = (id: number, lang = 'id') =>
  app.rest('POST', 'reviews', {
    token: owner.token,
    lang,
    json: { submission: id, action: 'submit' },
  })

describe('photos', () => {
  it('refuses 3 photos (naming the rule, in Indonesian and English) and accepts 4', async () => {
    const id = await draft({ photos: photos.slice(0, 3) })
    const registerBefore = await countRows(app, 'register')
    const id3 = await submit(id)
    expect(id3.status).toBe(400)
    expect(id3.body.errors[0].message).toContain('minimal 4 foto')
    const en = await submit(id, 'en')
    expect(en.status).toBe(400)
    expect(en.body.errors[0].message).toContain('at least 4 photos')
    expect(await countRows(app, 'reviews', 'submission_id = $1', [id])).toBe(0)
    expect(await countRows(app, 'register')).toBe(registerBefore)
    const row = (
      await app.sql('select status, register_number from submissions where id = $1', [id])
    )[0]
    expect(row).toEqual({ status: 'draft', register_number: null })

    const patched = await app.rest('PATCH', `submissions/${id}`, {
      token: owner.token,
      json: { photos },
    })
    expect(patched.status).toBe(200)
    expect((await submit(id)).status).toBe(201)
  })

  it('refuses a text file renamed .jpg, and a JPEG that does not decode', async () => {
    const upload = async (bytes: Buffer, name: string, type: string) => {
      const form = new FormData()
      form.append('file', new Blob([new Uint8Array(bytes)], { type }), name)
      form.append('_payload', JSON.stringify({ alt: name }))
      return app.rest('POST', 'media', { token: owner.token, form })
    }
    const before = await countRows(app, 'media')
    const text = await upload(
      Buffer.from('ini bukan foto, hanya teks biasa\n'.repeat(20)),
      'foto.jpg',
      'image/jpeg',
    )
    expect(text.status).toBe(400)
    const good = await makeJpeg('x', 10)
    const truncated = await upload(
      good.subarray(0, Math.floor(good.length / 3)),
      'rusak.jpg',
      'image/jpeg',
    )
    expect(truncated.status).toBe(400)
    expect(JSON.stringify(truncated.body)).toContain('rusak.jpg')
    expect(await countRows(app, 'media')).toBe(before)
    const ok = await upload(good, 'baik.jpg', 'image/jpeg')
    expect(ok.status, JSON.stringify(ok.body)).toBe(201)
    expect(ok.body.doc.sha256).toMatch(/^[0-9a-f]{64}$/)
  })

  it('strips EXIF (GPS location) from the stored original', async () => {
    const withGps = await sharp(await makeJpeg('gps', 200))
      .withExif({
        IFD0: { Make: 'KameraDinas', Copyright: 'Diskominfo' },
        IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '1/1 50/1 0/1' },
      })
      .jpeg()
      .toBuffer()
    expect((await sharp(withGps).metadata()).exif).toBeDefined()
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(withGps)], { type: 'image/jpeg' }), 'gps.jpg')
    form.append('_payload', JSON.stringify({ alt: 'gps' }))
    const res = await app.rest('POST', 'media', { token: owner.token, form })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    const doc = await app.payload.findByID({ collection: 'media', id: res.body.doc.id })
    const staticDir = (
      (await app.config).collections.find((c) => c.slug === 'media')!.upload as {
        staticDir: string
      }
    ).staticDir
    const stored = fs.readFileSync(path.join(staticDir as string, doc.filename as string))
    const meta = await sharp(stored).metadata()
    expect(meta.exif).toBeUndefined()
    expect(stored.includes(Buffer.from('KameraDinas'))).toBe(false)
  })
})

describe('caption', () => {
  it.each([199, 200])('a draft with %i characters saves and submits', async (n) => {
    const id = await draft({ caption: caption(n) })
    const res = await submit(id)
    expect(res.status, JSON.stringify(res.body)).toBe(201)
  })

  it('201 characters is refused already when the draft is saved', async () => {
    const long = caption(201)
    expect(long.length).toBeGreaterThan(300)
    const res = await app.rest('POST', 'submissions', {
      token: owner.token,
      json: { ...validContent(photos), caption: long },
    })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toContain('Caption maksimal 200 karakter (saat ini 201)')
    const en = await app.rest('POST', 'submissions', {
      token: owner.token,
      lang: 'en',
      json: { ...validContent(photos), caption: long },
    })
    expect(JSON.stringify(en.body)).toContain('Caption at most 200 characters (now 201)')
  })

  it('an empty caption may be saved as a draft but not submitted', async () => {
    const id = await draft({ caption: '' })
    const res = await submit(id)
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toContain('caption wajib diisi')
  })
})

describe('narrative', () => {
  it('a missing or blank narrative is refused at submit, naming the rule', async () => {
    const missing = await draft({ narrative: null })
    const blank = await draft({ narrative: richText('   ') })
    for (const id of [missing, blank]) {
      const res = await submit(id, 'en')
      expect(res.status).toBe(400)
      expect(res.body.errors[0].message).toContain('a news narrative is required')
    }
  })

  it('lists every broken rule at once', async () => {
    const id = await draft({ narrative: null, caption: '', photos: [] })
    const res = await submit(id)
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toMatch(
      /minimal 4 foto.*narasi berita wajib diisi.*caption wajib diisi/,
    )
  })
})

describe('workflow-owned fields', () => {
  it('a PATCH that sets status or registerNumber is refused with 403 and changes nothing', async () => {
    const id = await draft({})
    for (const data of [
      { status: 'approved' },
      { registerNumber: '9999/REG-MEDSOS/I/2025' },
      { dueAt: '2030-01-01T00:00:00.000Z' },
    ]) {
      const res = await app.rest('PATCH', `submissions/${id}`, {
        token: owner.token,
        json: { title: 'baru', ...data },
      })
      expect(res.status, JSON.stringify(data)).toBe(403)
    }
    const row = (
      await app.sql('select status, register_number, title from submissions where id = $1', [id])
    )[0]
    expect(row).toMatchObject({ status: 'draft', register_number: null })
    expect(row!.title).not.toBe('baru')
    // sending the current value back (as the admin form does) is fine
    const same = await app.rest('PATCH', `submissions/${id}`, {
      token: owner.token,
      json: { title: 'baru', status: 'draft' },
    })
    expect(same.status).toBe(200)
  })

  it('a create that sets status is refused, and so is a GraphQL update of it', async () => {
    const res = await app.rest('POST', 'submissions', {
      token: owner.token,
      json: { ...validContent(photos), status: 'published' },
    })
    expect(res.status).toBe(403)
    const gql = await app.graphql(
      `mutation { updateSubmission(id: 1, data: { status: published }) { id status } }`,
      { token: owner.token },
    )
    expect(gql.body.errors?.length).toBeGreaterThan(0)
  })

  it('the field team cannot edit content once submitted; the Ketua PPID can correct it in accepted', async () => {
    const submitted = await createSubmissionIn(app.payload, owner, 'submitted', photos)
    const res = await app.rest('PATCH', `submissions/${submitted.id}`, {
      token: owner.token,
      json: { caption: 'ubah' },
    })
    expect(res.status).toBe(403)
    const accepted = await createSubmissionIn(app.payload, owner, 'accepted', photos)
    const byHead = await app.rest('PATCH', `submissions/${accepted.id}`, {
      token: people['ketua-ppid'].token,
      json: { caption: 'Caption dikoreksi Ketua PPID' },
    })
    expect(byHead.status, JSON.stringify(byHead.body)).toBe(200)
    const byReviewer = await app.rest('PATCH', `submissions/${accepted.id}`, {
      token: people['tim-pertimbangan'].token,
      json: { caption: 'x' },
    })
    expect(byReviewer.status).toBe(403)
  })
})

describe('written responses', () => {
  it.each([
    ['reject', 'submitted', 'tim-pertimbangan'],
    ['return', 'accepted', 'ketua-ppid'],
    ['return', 'verified', 'atasan-ppid'],
    ['decline', 'verified', 'atasan-ppid'],
  ] as const)('%s from %s needs a note', async (action, status, actor) => {
    const s = await createSubmissionIn(app.payload, owner, status, photos)
    const token = people[actor].token
    for (const note of [undefined, '', '   ']) {
      const res = await app.rest('POST', 'reviews', {
        token,
        json: { submission: s.id, action, note },
      })
      expect(res.status).toBe(400)
      expect(res.body.errors[0].message).toContain('wajib disertai tanggapan tertulis')
    }
    expect(await countRows(app, 'reviews', 'submission_id = $1', [s.id])).toBe(0)
    const ok = await app.rest('POST', 'reviews', {
      token,
      json: { submission: s.id, action, note: 'Perbaiki foto ke-2.' },
    })
    expect(ok.status).toBe(201)
    expect(ok.body.doc).toMatchObject({
      note: 'Perbaiki foto ke-2.',
      fromStatus: status,
      actorJabatan: `Jabatan ${actor}`,
    })
  })

  it('reviews are immutable and cannot be forged', async () => {
    const s = await createSubmissionIn(app.payload, owner, 'submitted', photos)
    const res = await app.rest('POST', 'reviews', {
      token: people['tim-pertimbangan'].token,
      json: {
        submission: s.id,
        action: 'accept',
        actor: people.admin.id,
        toStatus: 'published',
        contentHash: 'f'.repeat(64),
      },
    })
    expect(res.status).toBe(201)
    expect(res.body.doc.actor).toMatchObject({ id: people['tim-pertimbangan'].id })
    expect(res.body.doc.toStatus).toBe('accepted')
    expect(res.body.doc.contentHash).not.toBe('f'.repeat(64))
    for (const actor of ['tim-pertimbangan', 'admin'] as const) {
      const patch = await app.rest('PATCH', `reviews/${res.body.doc.id}`, {
        token: people[actor].token,
        json: { note: 'ubah' },
      })
      expect(patch.status).toBe(403)
      const del = await app.rest('DELETE', `reviews/${res.body.doc.id}`, {
        token: people[actor].token,
      })
      expect(del.status).toBe(403)
    }
  })
})

describe('separation of duties', () => {
  it('one person with two approver roles acts in one stage only', async () => {
    const both = await app.payload.create({
      collection: 'users',
      data: {
        email: 'dua-peran@test.lamandaukab.go.id',
        password: 'test-password-123',
        name: 'Dua Peran',
        roles: ['tim-pertimbangan', 'ketua-ppid'],
      } as never,
      overrideAccess: true,
    })
    const { token } = await app.payload.login({
      collection: 'users',
      data: { email: 'dua-peran@test.lamandaukab.go.id', password: 'test-password-123' },
    })
    const s = await createSubmissionIn(app.payload, owner, 'submitted', photos)
    expect(
      (await app.rest('POST', 'reviews', { token, json: { submission: s.id, action: 'accept' } }))
        .status,
    ).toBe(201)
    const second = await app.rest('POST', 'reviews', {
      token,
      json: { submission: s.id, action: 'verify' },
    })
    expect(second.status).toBe(403)
    expect(second.body.errors[0].message).toContain('pemisahan tugas')
    expect(
      (
        await app.rest('POST', 'reviews', {
          token: people['ketua-ppid'].token,
          json: { submission: s.id, action: 'verify' },
        })
      ).status,
    ).toBe(201)
    expect(both.id).toBeDefined()
  })

  it('the submitter never reviews their own content, whatever roles they hold', async () => {
    await app.payload.update({
      collection: 'users',
      id: owner.id,
      data: { roles: ['tim-pelaksana', 'tim-pertimbangan'] } as never,
      overrideAccess: true,
    })
    try {
      const id = await draft({})
      expect((await submit(id)).status).toBe(201)
      const res = await app.rest('POST', 'reviews', {
        token: owner.token,
        lang: 'en',
        json: { submission: id, action: 'accept' },
      })
      expect(res.status).toBe(403)
      expect(res.body.errors[0].message).toContain('may not review or approve their own content')
    } finally {
      await app.payload.update({
        collection: 'users',
        id: owner.id,
        data: { roles: ['tim-pelaksana'] } as never,
        overrideAccess: true,
      })
    }
  })
})
