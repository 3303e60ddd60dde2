/**
 * Issue 13, the files: what an attacker, a race or an admin could do to a photo that is
 * part of the record, and who reads or attaches whose files. Every refusal is checked
 * with its exact status and rule, and with nothing changed: row counts and the bytes of
 * every stored file (media and approval sheets).
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeJpeg } from '../../dev/demoImages.js'
import { startFakePlatforms, type FakePlatforms } from '../../dev/fakePlatforms.js'
import { findNewsBySlug } from '../../src/news/query.js'
import { parseOptions, storageDirs } from '../../src/options.js'
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
import { createAccounts, publishingOptions, TOKEN, WEBHOOK_SECRET } from '../helpers/publishing.js'

let app: TestApp
let fake: FakePlatforms
let people: Record<ActorName, Person>
let owner: Person
let other: Person
let mediaDir: string
let sheetsDir: string

const TABLES = ['media', 'submissions', 'reviews', 'register', 'approval_sheets', 'publications']
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')

function walk(dir: string, base = dir, out: Record<string, string> = {}): Record<string, string> {
  if (!fs.existsSync(dir)) return out
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) walk(p, base, out)
    else out[`${path.basename(base)}/${path.relative(base, p)}`] = sha(fs.readFileSync(p))
  }
  return out
}

/** Row counts of the record's tables and the SHA-256 of every stored file. */
async function state() {
  const counts: Record<string, number> = {}
  for (const t of TABLES) counts[t] = await countRows(app, t)
  return { counts, files: { ...walk(mediaDir), ...walk(sheetsDir) } }
}

const media = (id: number) =>
  app.payload.findByID({
    collection: 'media',
    id,
    overrideAccess: true,
    showHiddenFields: true,
  }) as Promise<Record<string, any>>
const onDisk = async (id: number) =>
  fs.readFileSync(path.join(mediaDir, (await media(id)).filename))
const rule = (res: { body: any }) => res.body?.errors?.[0]?.data?.rule
const gqlStatus = (res: { body: any }) => res.body?.errors?.[0]?.extensions?.statusCode

function fileForm(data: Buffer, name: string, payload: Record<string, unknown> = {}) {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(data)], { type: 'image/jpeg' }), name)
  form.append('_payload', JSON.stringify(payload))
  return form
}

/** Photos handed in through the real workflow: created, submitted (so recorded). */
async function handedIn(tag: string, count = 4) {
  const ids = await createPhotos(app.payload, owner, count, tag)
  const res = await app.rest('POST', 'submissions', {
    token: owner.token,
    json: { ...validContent(ids), title: `Kegiatan ${tag}` },
  })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  const submit = await app.rest('POST', 'reviews', {
    token: owner.token,
    json: { submission: res.body.doc.id, action: 'submit' },
  })
  expect(submit.status, JSON.stringify(submit.body)).toBe(201)
  return { ids, submission: res.body.doc.id as number }
}

const runJobs = () => app.payload.jobs.run({ queue: 'sop-medsos', limit: 100 })

beforeAll(async () => {
  fake = await startFakePlatforms({ tokens: [TOKEN], webhookSecrets: { portal: WEBHOOK_SECRET } })
  app = await createTestApp('secmedia', { publishing: publishingOptions(fake) })
  people = await createPeople(app)
  owner = people['tim-pelaksana']
  other = people['tim-pelaksana-other']
  mediaDir = (app.payload.collections.media!.config.upload as { staticDir: string }).staticDir
  sheetsDir = (app.payload.collections['approval-sheets']!.config.upload as { staticDir: string })
    .staticDir
  await createAccounts(app, fake, people['admin-medsos'], ['facebook', 'webhook'])
})
afterAll(async () => fake?.close())

describe('item 1: a recorded file is never replaced, by any path, by anyone', () => {
  let ids: number[]
  beforeAll(async () => {
    ids = (await handedIn('rec1')).ids
  })

  it.each(['tim-pelaksana', 'admin'] as const)(
    'bulk PATCH /api/media?where[id][equals]=… with a new file, as %s → 403 mediaInRecord',
    async (actor) => {
      const before = await state()
      const res = await app.rest('PATCH', `media?where[id][equals]=${ids[0]}`, {
        token: people[actor].token,
        form: fileForm(await makeJpeg('ganti', 200, 320, 240), 'ganti.jpg'),
      })
      expect(res.status, JSON.stringify(res.body)).toBe(403)
      expect(rule(res)).toBe('mediaInRecord')
      expect(await state()).toEqual(before)
    },
  )

  it('PATCH by id with a new file, as admin → 403 mediaInRecord', async () => {
    const before = await state()
    const res = await app.rest('PATCH', `media/${ids[1]}`, {
      token: people.admin.token,
      form: fileForm(await makeJpeg('ganti', 100, 320, 240), 'ganti.jpg'),
    })
    expect(res.status).toBe(403)
    expect(rule(res)).toBe('mediaInRecord')
    expect(await state()).toEqual(before)
  })

  it('GraphQL updateMedia moving the focal point (Payload re-reads and rewrites the file) → 403, bytes unchanged', async () => {
    const before = await state()
    const res = await app.graphql(
      `mutation { updateMedia(id: ${ids[2]}, data: { focalX: 10, focalY: 90 }) { id focalX } }`,
      { token: owner.token },
    )
    expect(gqlStatus(res), JSON.stringify(res.body)).toBe(403)
    expect(res.body.errors[0].message).toContain('tidak dapat diganti atau dihapus')
    expect(await state()).toEqual(before)
  })

  it('bulk DELETE by where, as admin → 403 mediaInRecord', async () => {
    const before = await state()
    const res = await app.rest('DELETE', `media?where[id][in]=${ids.join(',')}`, {
      token: people.admin.token,
    })
    expect(res.status).toBe(403)
    expect(rule(res)).toBe('mediaInRecord')
    expect(await state()).toEqual(before)
  })

  it('alt text of a recorded file can still be corrected', async () => {
    const before = await state()
    const res = await app.rest('PATCH', `media/${ids[3]}`, {
      token: owner.token,
      json: { alt: 'Bupati meresmikan jembatan' },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect((await state()).files).toEqual(before.files)
  })
})

describe('item 2: uploadEdits and the hashes before posting', () => {
  const crop =
    'uploadEdits[crop][x]=0&uploadEdits[crop][y]=0&uploadEdits[crop][width]=50&uploadEdits[crop][height]=50&uploadEdits[widthInPixels]=200&uploadEdits[heightInPixels]=150'

  it.each(['tim-pelaksana', 'admin'] as const)(
    'uploadEdits crop of a recorded photo, as %s → 403 mediaInRecord, bytes and sha256 unchanged',
    async (actor) => {
      const { ids } = await handedIn(`crop-${actor}`)
      const before = await state()
      const doc = await media(ids[0]!)
      const res = await app.rest('PATCH', `media/${ids[0]}?${crop}`, {
        token: people[actor].token,
        json: {},
      })
      expect(res.status, JSON.stringify(res.body)).toBe(403)
      expect(rule(res)).toBe('mediaInRecord')
      expect(await state()).toEqual(before)
      expect((await media(ids[0]!)).sha256).toBe(doc.sha256)
      expect(sha(await onDisk(ids[0]!))).toBe(doc.sha256)
    },
  )

  it('uploadEdits crop of an unrecorded photo: allowed, and sha256 follows the new bytes', async () => {
    const [id] = await createPhotos(app.payload, owner, 1, 'crop-free')
    const old = await media(id!)
    const res = await app.rest('PATCH', `media/${id}?${crop}`, { token: owner.token, json: {} })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const bytes = await onDisk(id!)
    const meta = await sharp(bytes).metadata()
    expect([meta.width, meta.height]).toEqual([200, 150])
    const now = await media(id!)
    expect(now.sha256).not.toBe(old.sha256)
    expect(now.sha256).toBe(sha(bytes))
  })

  async function approved(tag: string) {
    const ids = await createPhotos(app.payload, owner, 4, tag)
    const doc = await createSubmissionIn(app.payload, owner, 'verified', ids, {
      title: `Unggah ${tag}`,
    })
    const res = await app.rest('POST', 'reviews', {
      token: people['atasan-ppid'].token,
      json: { submission: doc.id, action: 'approve' },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    return { ids, id: doc.id as number }
  }
  const targets = async (id: number) =>
    (
      await app.payload.find({
        collection: 'publications',
        where: { submission: { equals: id } },
        overrideAccess: true,
        pagination: false,
        depth: 0,
      })
    ).docs as any[]

  it('a file changed in storage after approval: every target fails with the reason, nothing is posted', async () => {
    fake.reset()
    const { ids, id } = await approved('tamper')
    // Someone with access to the disk (or the bucket) swaps the bytes; sha256 in the database stays.
    fs.writeFileSync(
      path.join(mediaDir, (await media(ids[1]!)).filename),
      await makeJpeg('palsu', 300, 320, 240),
    )
    await runJobs()
    const ts = await targets(id)
    expect(ts).toHaveLength(2)
    for (const t of ts) {
      expect(t.status).toBe('failed')
      expect(t.errorClass).toBe('integrity')
      expect(t.errorCode).toBe('integrity:file-changed')
      expect(t.errorMessage).toContain('Tidak diunggah')
      expect(t.errorMessage).toContain(`media ${ids[1]}`)
      // Stored as a code and its parameter; the words follow the reader's language.
      expect(t.errorDetail).toContain(`media ${ids[1]}`)
      const en = await app.rest('GET', `publications/${t.id}`, {
        token: people['admin-medsos'].token,
        lang: 'en',
      })
      expect(en.status).toBe(200)
      expect(en.body.errorMessage).toContain('Not posted')
      expect(en.body.errorMessage).toContain(`media ${ids[1]}`)
    }
    expect(fake.posts).toHaveLength(0)
    expect(
      (await app.payload.findByID({ collection: 'submissions', id, overrideAccess: true })).status,
    ).toBe('publish_failed')
  })

  it('content changed after approval (SQL): targets fail with integrity:content-changed', async () => {
    fake.reset()
    const { id } = await approved('sqltitle')
    await app.sql('update submissions set title = $1 where id = $2', ['Judul yang diganti', id])
    await runJobs()
    const ts = await targets(id)
    for (const t of ts)
      expect([t.status, t.errorCode]).toEqual(['failed', 'integrity:content-changed'])
    expect(fake.posts).toHaveLength(0)
  })

  it('untouched: posts as before', async () => {
    fake.reset()
    const { id } = await approved('utuh')
    await runJobs()
    expect((await targets(id)).map((t) => t.status)).toEqual(['published', 'published'])
    expect(fake.posts).toHaveLength(2)
  })
})

describe('item 3: same-name uploads at the same moment never overwrite each other', () => {
  const TRIALS = 8
  it(`${TRIALS} trials of two users uploading different photos named IMG_RACE_n.jpg at once`, async () => {
    for (let n = 0; n < TRIALS; n++) {
      const name = `IMG_RACE_${n}.jpg`
      const sources = [await makeJpeg(`A${n}`, 0, 320, 240), await makeJpeg(`B${n}`, 220, 320, 240)]
      const [a, b] = await Promise.all([
        app.rest('POST', 'media', {
          token: owner.token,
          form: fileForm(sources[0]!, name, { alt: 'a' }),
        }),
        app.rest('POST', 'media', {
          token: other.token,
          form: fileForm(sources[1]!, name, { alt: 'b' }),
        }),
      ])
      expect([a.status, b.status], JSON.stringify([a.body, b.body])).toEqual([201, 201])
      const docs = [await media(a.body.doc.id), await media(b.body.doc.id)]
      expect(docs[0]!.filename).not.toBe(docs[1]!.filename)
      for (const [i, doc] of docs.entries()) {
        expect(doc.originalFilename).toBe(name)
        const bytes = fs.readFileSync(path.join(mediaDir, doc.filename))
        expect(sha(bytes), `trial ${n} doc ${i}`).toBe(doc.sha256)
        // Its own photo: red (hue 0) for the first user, blue (hue 220) for the second.
        const { channels } = await sharp(bytes).stats()
        const [r, , bl] = channels.map((c) => c.mean)
        expect(i === 0 ? r! > bl! : bl! > r!, `trial ${n} doc ${i}`).toBe(true)
      }
      expect(docs[0]!.sha256).not.toBe(docs[1]!.sha256)
    }
  })
})

describe('item 7: a file of a handed-in version can never be deleted', () => {
  it('returned, the owner removes a handed-in photo from the submission, then deletes it → 403 mediaInRecord', async () => {
    const { ids, submission } = await handedIn('ret', 5)
    const reject = await app.rest('POST', 'reviews', {
      token: people['tim-pertimbangan'].token,
      json: { submission, action: 'reject', note: 'Foto pertama buram.' },
    })
    expect(reject.status, JSON.stringify(reject.body)).toBe(201)
    const [extra] = await createPhotos(app.payload, owner, 1, 'ret-new')
    const edit = await app.rest('PATCH', `submissions/${submission}`, {
      token: owner.token,
      json: { photos: [...ids.slice(1, 4), extra] },
    })
    expect(edit.status, JSON.stringify(edit.body)).toBe(200)
    const before = await state()
    for (const actor of ['tim-pelaksana', 'admin'] as const) {
      const res = await app.rest('DELETE', `media/${ids[0]}`, { token: people[actor].token })
      expect(res.status, actor).toBe(403)
      expect(rule(res)).toBe('mediaInRecord')
    }
    const bulk = await app.rest('DELETE', `media?where[id][equals]=${ids[0]}`, {
      token: owner.token,
    })
    expect(bulk.status).toBe(403)
    expect(await state()).toEqual(before)
    expect((await media(ids[0]!)).recordedAt).toBeTruthy()
  })
})

describe("item 8: approval sheets are not under the media route; narratives use the reader's access", () => {
  let sheet: Record<string, any>
  beforeAll(async () => {
    const ids = await createPhotos(app.payload, owner, 4, 'sheet')
    const doc = await createSubmissionIn(app.payload, owner, 'verified', ids, {
      title: 'Lembar persetujuan',
    })
    // Manual posting mode is not needed: approval alone writes the sheet.
    expect(
      (
        await app.rest('POST', 'reviews', {
          token: people['atasan-ppid'].token,
          json: { submission: doc.id, action: 'approve' },
        })
      ).status,
    ).toBe(201)
    sheet = (
      await app.payload.find({
        collection: 'approval-sheets',
        where: { submission: { equals: doc.id } },
        overrideAccess: true,
      })
    ).docs[0] as Record<string, any>
  })

  it('start-up refuses an approval sheets folder inside the media folder', () => {
    expect(() =>
      parseOptions({
        mediaDir: '/srv/ppid/media',
        approvalSheetsDir: '/srv/ppid/media/approval-sheets',
      }),
    ).toThrow('option "approvalSheetsDir"')
    expect(() =>
      parseOptions({ mediaDir: '/srv/ppid/media', approvalSheetsDir: '/srv/ppid/media' }),
    ).toThrow('option "approvalSheetsDir"')
    expect(storageDirs({ mediaDir: '/srv/ppid/media' }).sheets).toBe(
      '/srv/ppid/media-approval-sheets',
    )
  })

  it('the sheets have their own root, outside the media folder', () => {
    const rel = path.relative(mediaDir, sheetsDir)
    expect(rel.startsWith('..')).toBe(true)
    expect(fs.existsSync(path.join(sheetsDir, sheet.filename))).toBe(true)
    expect(fs.existsSync(path.join(mediaDir, 'approval-sheets'))).toBe(false)
  })

  it.each([
    ['a sheet through the media route', () => `media/file/approval-sheets%2F${sheet.filename}`],
    ['the media route with the folder name', () => 'media/file/approval-sheets'],
    ['a sheet name under the media route', () => `media/file/${sheet.filename}`],
  ])('%s → 403 for field team and admin, never the PDF, never 500', async (_name, route) => {
    for (const actor of ['tim-pelaksana', 'tim-pertimbangan', 'admin'] as const) {
      const res = await app.get(route(), { Authorization: `JWT ${people[actor].token}` })
      expect(res.status, `${actor} ${route()}`).toBe(403)
      expect(res.headers.get('content-type') ?? '').not.toContain('pdf')
    }
  })

  it('a narrative upload node pointing at an approval sheet shows nothing on the public page', async () => {
    const ids = await createPhotos(app.payload, owner, 4, 'leak')
    const narrative = richText('Berita dengan lampiran.') as any
    narrative.root.children.push({
      type: 'upload',
      version: 3,
      format: '',
      id: 'leak1',
      fields: null,
      relationTo: 'approval-sheets',
      value: sheet.id,
    })
    const doc = await createSubmissionIn(app.payload, owner, 'published', ids, {
      title: 'Bocor lembar',
      narrative,
      publishedAt: new Date().toISOString(),
    })
    const slug = (
      await app.payload.findByID({ collection: 'submissions', id: doc.id, overrideAccess: true })
    ).slug as string
    const item = await findNewsBySlug(app.payload, slug)
    expect(item).not.toBeNull()
    expect(item!.narrativeHtml).toContain('Berita dengan lampiran.')
    expect(item!.narrativeHtml).not.toContain(sheet.filename)
    expect(item!.narrativeHtml).not.toContain('approval-sheets')
    expect(item!.photos).toHaveLength(4)
    const page = await (await app.get(`news/rss.xml`)).text()
    expect(page).not.toContain(sheet.filename)
  })
})

describe('item 13: only your own uploads can be attached', () => {
  let ownersDraftPhotos: number[]
  beforeAll(async () => {
    ownersDraftPhotos = await createPhotos(app.payload, owner, 4, 'private')
    await createSubmissionIn(app.payload, owner, 'draft', ownersDraftPhotos, {
      title: 'Draf pribadi',
    })
  })

  it("another field-team member creates a submission with someone else's draft photos → 403 mediaNotOwn", async () => {
    const before = await state()
    const res = await app.rest('POST', 'submissions', {
      token: other.token,
      json: validContent(ownersDraftPhotos),
    })
    expect(res.status, JSON.stringify(res.body)).toBe(403)
    expect(rule(res)).toBe('mediaNotOwn')
    expect(await state()).toEqual(before)
  })

  it('…or adds one to their own draft → 403 mediaNotOwn', async () => {
    const mine = await createPhotos(app.payload, other, 3, 'mine')
    const draft = await app.rest('POST', 'submissions', {
      token: other.token,
      json: validContent(mine),
    })
    expect(draft.status).toBe(201)
    const before = await state()
    const res = await app.rest('PATCH', `submissions/${draft.body.doc.id}`, {
      token: other.token,
      json: { photos: [...mine, ownersDraftPhotos[0]] },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(403)
    expect(rule(res)).toBe('mediaNotOwn')
    expect(await state()).toEqual(before)
    expect(
      (
        await app.payload.findByID({
          collection: 'submissions',
          id: draft.body.doc.id,
          overrideAccess: true,
          depth: 0,
        })
      ).photos,
    ).toEqual(mine)
  })

  it("the Ketua PPID correcting in accepted attaches their own upload; not the field team's", async () => {
    const ids = await createPhotos(app.payload, owner, 4, 'acc')
    const doc = await createSubmissionIn(app.payload, owner, 'accepted', ids, {
      title: 'Dikoreksi Ketua',
    })
    const [ketuaPhoto] = await createPhotos(app.payload, people['ketua-ppid'], 1, 'ketua')
    const ok = await app.rest('PATCH', `submissions/${doc.id}`, {
      token: people['ketua-ppid'].token,
      json: { photos: [...ids, ketuaPhoto] },
    })
    expect(ok.status, JSON.stringify(ok.body)).toBe(200)
    const before = await state()
    const res = await app.rest('PATCH', `submissions/${doc.id}`, {
      token: people['ketua-ppid'].token,
      json: { photos: [...ids, ketuaPhoto, ownersDraftPhotos[1]] },
    })
    expect(res.status).toBe(403)
    expect(rule(res)).toBe('mediaNotOwn')
    expect(await state()).toEqual(before)
    // Returned to the owner: the Ketua's photo stays valid in the owner's edits.
    const ret = await app.rest('POST', 'reviews', {
      token: people['ketua-ppid'].token,
      json: { submission: doc.id, action: 'return', note: 'Perbaiki caption.' },
    })
    expect(ret.status, JSON.stringify(ret.body)).toBe(201)
    const edit = await app.rest('PATCH', `submissions/${doc.id}`, {
      token: owner.token,
      json: { caption: 'Caption diperbaiki', photos: [...ids, ketuaPhoto] },
    })
    expect(edit.status, JSON.stringify(edit.body)).toBe(200)
  })
})

describe('item 19: nobody but the uploader (and admin) reads a never-submitted file', () => {
  let draftPhoto: number
  let loose: number
  let recorded: number
  beforeAll(async () => {
    const ids = await createPhotos(app.payload, owner, 5, 'read')
    await createSubmissionIn(app.payload, owner, 'draft', ids.slice(0, 4), { title: 'Draf baca' })
    draftPhoto = ids[0]!
    loose = ids[4]!
    recorded = (await handedIn('read-rec')).ids[0]!
  })

  it.each([
    'tim-pelaksana-other',
    'tim-pertimbangan',
    'ketua-ppid',
    'atasan-ppid',
    'admin-medsos',
  ] as const)(
    "%s: others' draft and unattached files are not readable (REST, list, file, GraphQL); handed-in ones are",
    async (actor) => {
      const token = people[actor].token
      for (const id of [draftPhoto, loose]) {
        expect((await app.rest('GET', `media/${id}`, { token })).status, `${actor} ${id}`).toBe(404)
        const doc = await media(id)
        expect(
          (await app.get(`media/file/${doc.filename}`, { Authorization: `JWT ${token}` })).status,
        ).toBe(403)
        expect(
          (
            await app.get(`media/file/${doc.sizes.thumbnail.filename}`, {
              Authorization: `JWT ${token}`,
            })
          ).status,
        ).toBe(403)
        const gql = await app.graphql(`{ Media(id: ${id}) { id filename } }`, { token })
        expect(gql.body.data?.Media ?? null).toBeNull()
      }
      const list = await app.rest(
        'GET',
        `media?where[id][in]=${draftPhoto},${loose},${recorded}&limit=10`,
        { token },
      )
      expect(list.body.docs.map((d: { id: number }) => d.id)).toEqual([recorded])
      const doc = await media(recorded)
      expect(
        (await app.get(`media/file/${doc.filename}`, { Authorization: `JWT ${token}` })).status,
      ).toBe(200)
    },
  )

  it('the uploader and the admin read them', async () => {
    for (const actor of ['tim-pelaksana', 'admin'] as const) {
      expect(
        (await app.rest('GET', `media/${draftPhoto}`, { token: people[actor].token })).status,
        actor,
      ).toBe(200)
      expect(
        (
          await app.get(`media/file/${(await media(loose)).filename}`, {
            Authorization: `JWT ${people[actor].token}`,
          })
        ).status,
        actor,
      ).toBe(200)
    }
  })
})

describe('item 20: what Payload derives from the file is read-only', () => {
  let id: number
  let original: Record<string, any>
  beforeAll(async () => {
    id = (await createPhotos(app.payload, owner, 1, 'facts'))[0]!
    original = await media(id)
  })

  const unchanged = async () => {
    const now = await media(id)
    for (const key of [
      'mimeType',
      'width',
      'height',
      'filesize',
      'filename',
      'url',
      'thumbnailURL',
      'sizes',
      'sha256',
    ])
      expect(now[key], key).toEqual(original[key])
  }

  it.each([
    ['mimeType', 'text/html'],
    ['width', 1],
    ['height', 99999],
    ['filesize', 1],
    ['thumbnailURL', 'https://evil.example/x.jpg'],
  ])('PATCH %s as the owner → 403 mediaFileFacts, row and file unchanged', async (field, value) => {
    const before = await state()
    const res = await app.rest('PATCH', `media/${id}`, {
      token: owner.token,
      json: { [field]: value },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(403)
    expect(rule(res)).toBe('mediaFileFacts')
    expect(await state()).toEqual(before)
    await unchanged()
  })

  // Payload 3.90 drops these three from every API write before any hook runs.
  it.each([
    ['filename', 'lain.jpg'],
    ['url', 'https://evil.example/x.jpg'],
    ['sizes', { thumbnail: { filename: 'lain.jpg', width: 1 } }],
  ])('PATCH %s as the owner → ignored, row and file unchanged', async (field, value) => {
    const before = await state()
    const res = await app.rest('PATCH', `media/${id}`, {
      token: owner.token,
      json: { [field]: value },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(await state()).toEqual(before)
    await unchanged()
  })

  it('bulk PATCH of mimeType, and GraphQL, are refused too', async () => {
    const before = await state()
    const bulk = await app.rest('PATCH', `media?where[id][equals]=${id}`, {
      token: owner.token,
      json: { mimeType: 'text/html' },
    })
    expect(bulk.status).toBe(403)
    expect(rule(bulk)).toBe('mediaFileFacts')
    const gql = await app.graphql(
      `mutation { updateMedia(id: ${id}, data: { width: 1, mimeType: "text/html" }) { id width } }`,
      { token: owner.token },
    )
    expect(gql.body.errors?.length, JSON.stringify(gql.body)).toBeGreaterThan(0)
    expect(await state()).toEqual(before)
    expect((await media(id)).width).toBe(original.width)
  })

  it('sending the stored values back (as the admin form does) is fine', async () => {
    const res = await app.rest('PATCH', `media/${id}`, {
      token: owner.token,
      json: {
        alt: 'baru',
        mimeType: original.mimeType,
        width: original.width,
        filename: original.filename,
      },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
  })

  it("a file record without a file, pointing at someone else's stored file by url → 400, nothing created", async () => {
    const victim = await media(ownersPhoto())
    const before = await state()
    const res = await app.rest('POST', 'media', {
      token: other.token,
      json: {
        alt: 'salinan',
        filename: victim.filename,
        url: `/api/media/file/${victim.filename}`,
      },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(400)
    expect(rule(res)).toBe('mediaFileRequired')
    const remote = await app.rest('POST', 'media', {
      token: other.token,
      json: {
        alt: 'dari url',
        filename: 'x.jpg',
        url: 'http://169.254.169.254/latest/meta-data/x.jpg',
      },
    })
    expect(remote.status).toBe(400)
    expect(rule(remote)).toBe('mediaFileRequired')
    expect(await state()).toEqual(before)
  })
  const ownersPhoto = () => id
})

describe('malformed targets still get a 4xx', () => {
  it.each([
    ['PATCH', 'media/abc', { alt: 'x' }],
    // (DELETE media/abc is a bare 500 inside Payload's deleteByID itself: item 21, not here.)
    ['PATCH', 'media/999999', { alt: 'x' }],
  ] as const)('%s %s', async (method, route, json) => {
    const before = await state()
    const res = await app.rest(method, route, { token: owner.token, json })
    expect(res.status, JSON.stringify(res.body)).toBeGreaterThanOrEqual(400)
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(500)
    expect(await state()).toEqual(before)
  })

  it('a bulk DELETE whose where matches nothing deletes nothing', async () => {
    const before = await state()
    const res = await app.rest('DELETE', "media?where[id][equals]=1' OR '1'='1", {
      token: owner.token,
    })
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(500)
    expect(await state()).toEqual(before)
  })
})
