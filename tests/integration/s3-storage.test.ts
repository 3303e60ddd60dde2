/**
 * Media and approval sheets on S3-compatible storage (`@payloadcms/storage-s3`), against
 * a real S3-compatible server on 127.0.0.1 (@20minutes/s3rver, files in a temp dir):
 * uploads land in the bucket (EXIF stripped, every size), nothing on the local disk; the
 * whole flow to publication reads the photos back from the bucket (posting, approval
 * sheet); files are served through Payload's access control; a storage outage fails
 * cleanly and writes nothing.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import S3rver from '@20minutes/s3rver'
import { S3 } from '@aws-sdk/client-s3'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeJpeg } from '../../dev/demoImages.js'
import { startFakePlatforms, type FakePlatforms } from '../../dev/fakePlatforms.js'
import { findNewsBySlug } from '../../src/news/query.js'
import type { S3Settings } from '../../dev/appConfig.js'
import { createTestApp, type TestApp } from '../helpers/app.js'
import {
  countRows,
  createPeople,
  createSubmissionIn,
  validContent,
  type ActorName,
  type Person,
} from '../helpers/fixtures.js'
import { createAccounts, publishingOptions, TOKEN, WEBHOOK_SECRET } from '../helpers/publishing.js'

const BUCKET = 'ppid-lamandau'
const PREFIX = 'lamandau'
let server: S3rver
let port: number
let dir: string
let s3: S3
let settings: S3Settings
let app: TestApp
let fake: FakePlatforms
let people: Record<ActorName, Person>

async function startS3(listenPort = 0) {
  server = new S3rver({
    address: '127.0.0.1',
    port: listenPort,
    silent: true,
    directory: dir,
    configureBuckets: [{ name: BUCKET }],
  })
  ;({ port } = await server.run())
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sop-s3-'))
  await startS3()
  settings = {
    bucket: BUCKET,
    endpoint: `http://127.0.0.1:${port}`,
    region: 'ap-southeast-3',
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
    prefix: PREFIX,
  }
  s3 = new S3({
    endpoint: settings.endpoint,
    region: settings.region,
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  })
  fake = await startFakePlatforms({ tokens: [TOKEN], webhookSecrets: { portal: WEBHOOK_SECRET } })
  app = await createTestApp('s3', { publishing: publishingOptions(fake) }, undefined, undefined, {
    s3: settings,
  })
  people = await createPeople(app)
  await createAccounts(app, fake, people['admin-medsos'])
})
afterAll(async () => {
  await fake?.close()
  await server?.close()
})

const staticDir = (slug: string) =>
  (app.payload.collections[slug]!.config.upload as { staticDir: string }).staticDir
const localFiles = (slug: string) =>
  fs.existsSync(staticDir(slug))
    ? fs
        .readdirSync(staticDir(slug))
        .filter((f) => fs.statSync(path.join(staticDir(slug), f)).isFile())
    : []
/** The bucket's keys under a prefix, read from the server's store (its list calls reject the SDK's current signatures; the app never lists). */
const keys = async (prefix: string) => {
  const root = path.join(dir, BUCKET)
  const all = fs.existsSync(root) ? (fs.readdirSync(root, { recursive: true }) as string[]) : []
  return all
    .filter((f) => f.endsWith('._S3rver_object'))
    .map((f) => f.slice(0, -'._S3rver_object'.length).split(path.sep).join('/'))
    .filter((k) => k.startsWith(prefix))
    .sort()
}
const object = async (key: string) =>
  Buffer.from(await (await s3.getObject({ Bucket: BUCKET, Key: key })).Body!.transformToByteArray())

async function upload(owner: Person, data: Buffer, name: string) {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(data)], { type: 'image/jpeg' }), name)
  form.append('_payload', JSON.stringify({ alt: name }))
  return app.rest('POST', 'media', { token: owner.token, form })
}

const gpsJpeg = async (label: string) =>
  sharp(await makeJpeg(label, 30, 2000, 1500))
    .withExif({
      IFD0: { Make: 'KameraDinas' },
      IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '1/1 50/1 0/1' },
    })
    .jpeg()
    .toBuffer()

describe('S3-compatible storage', () => {
  const photos: {
    id: number
    filename: string
    sizes: Record<string, { filename: string | null }>
  }[] = []

  it('stores uploads in the bucket under the office prefix, without EXIF, and nothing on the local disk', async () => {
    const owner = people['tim-pelaksana']
    for (let i = 0; i < 4; i++) {
      const res = await upload(
        owner,
        i === 0 ? await gpsJpeg('s3gps') : await makeJpeg(`s3-${i}`, i * 50, 800, 600),
        `kegiatan-${i}.jpg`,
      )
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      photos.push(res.body.doc)
    }
    const expected = photos
      .flatMap((p) => [p.filename, ...Object.values(p.sizes).map((s) => s.filename)])
      .filter(Boolean)
      .map((f) => `${PREFIX}/media/${f}`)
      .sort()
    expect(expected.length).toBeGreaterThanOrEqual(9) // 4 originals, 4 thumbnails, the large size of the 2000 px photo
    expect(await keys(`${PREFIX}/media/`)).toEqual(expected)
    expect(localFiles('media')).toEqual([])
    const first = photos[0]!
    for (const f of [
      first.filename,
      first.sizes.thumbnail!.filename,
      first.sizes.large!.filename,
    ]) {
      const bytes = await object(`${PREFIX}/media/${f}`)
      expect((await sharp(bytes).metadata()).exif, f!).toBeUndefined()
      expect(bytes.includes(Buffer.from('KameraDinas')), f!).toBe(false)
    }
    // The recorded hash is the hash of the bytes in the bucket.
    const doc = await app.payload.findByID({
      collection: 'media',
      id: first.id,
      overrideAccess: true,
    })
    const { createHash } = await import('node:crypto')
    expect(doc.sha256).toBe(
      createHash('sha256')
        .update(await object(`${PREFIX}/media/${first.filename}`))
        .digest('hex'),
    )
    // Served through Payload's access control, from the bucket.
    const mine = await app.get(`media/file/${first.filename}`, {
      Authorization: `JWT ${owner.token}`,
    })
    expect(mine.status).toBe(200)
    expect(
      Buffer.from(await mine.arrayBuffer()).equals(
        await object(`${PREFIX}/media/${first.filename}`),
      ),
    ).toBe(true)
    expect((await app.get(`media/file/${first.filename}`)).status).toBe(403)
  })

  it('runs the flow to publication reading the photos from the bucket: posts, approval sheet, public files', async () => {
    const owner = people['tim-pelaksana']
    const created = await app.rest('POST', 'submissions', {
      token: owner.token,
      json: { ...validContent(photos.map((p) => p.id)), title: 'Panen raya di Desa Bayat' },
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const id = created.body.doc.id as number
    const steps: [ActorName, string][] = [
      ['tim-pelaksana', 'submit'],
      ['tim-pertimbangan', 'accept'],
      ['ketua-ppid', 'verify'],
      ['atasan-ppid', 'approve'],
    ]
    for (const [actor, action] of steps) {
      const res = await app.rest('POST', 'reviews', {
        token: people[actor].token,
        json: { submission: id, action, note: `Tanggapan ${action}` },
      })
      expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(201)
    }
    await app.payload.jobs.run({ queue: 'sop-medsos', limit: 100 })
    const s = await app.payload.findByID({ collection: 'submissions', id, overrideAccess: true })
    expect(s.status).toBe('published')
    // Every platform that takes photos got all four, read back from the bucket.
    expect(fake.posts.map((p) => [p.platform, p.media]).sort()).toEqual(
      [
        ['facebook', 4],
        ['instagram', 4],
        ['webhook', 4],
        ['x', 4],
      ].sort(),
    )

    // The approval sheet is in the bucket, with the four photos drawn from it.
    const sheet = (
      await app.payload.find({
        collection: 'approval-sheets',
        where: { submission: { equals: id } },
        overrideAccess: true,
      })
    ).docs[0]!
    expect(await keys(`${PREFIX}/approval-sheets/`)).toEqual([
      `${PREFIX}/approval-sheets/${sheet.filename}`,
    ])
    expect(localFiles('approval-sheets')).toEqual([])
    const pdf = await object(`${PREFIX}/approval-sheets/${sheet.filename}`)
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    const tmp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sheet-s3-')), 'sheet.pdf')
    fs.writeFileSync(tmp, pdf)
    const images = execFileSync('pdfimages', ['-list', tmp], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .slice(2)
    expect(images.filter((l) => /\bjpeg\b/.test(l)).length).toBeGreaterThanOrEqual(4)
    const served = await app.get(`approval-sheets/file/${sheet.filename}`, {
      Authorization: `JWT ${people['ketua-ppid'].token}`,
    })
    expect(served.status).toBe(200)
    expect(Buffer.from(await served.arrayBuffer()).equals(pdf)).toBe(true)
    expect((await app.get(`approval-sheets/file/${sheet.filename}`)).status).toBe(403)

    // Published: anyone reads the photos (original and sizes) from the bucket.
    for (const p of photos) {
      for (const f of [p.filename, p.sizes.thumbnail!.filename]) {
        const res = await app.get(`media/file/${f}`)
        expect(res.status, f!).toBe(200)
        expect(
          Buffer.from(await res.arrayBuffer()).equals(await object(`${PREFIX}/media/${f}`)),
        ).toBe(true)
      }
    }
    // The public page's and feeds' image URLs (what a reader's browser loads) answer from the bucket.
    const news = await findNewsBySlug(app.payload, String(s.slug))
    expect(news!.photos).toHaveLength(4)
    for (const [i, photo] of news!.photos.entries()) {
      for (const img of [photo.original, photo.thumbnail, photo.large]) {
        expect(img.path.startsWith('/api/media/file/'), img.path).toBe(true)
        const res = await app.get(img.path.slice('/api/'.length))
        expect(res.status, img.path).toBe(200)
        const name = decodeURIComponent(img.path.slice('/api/media/file/'.length).split('?')[0]!)
        expect(
          Buffer.from(await res.arrayBuffer()).equals(await object(`${PREFIX}/media/${name}`)),
          img.path,
        ).toBe(true)
      }
      expect(photo.original.path).toContain(photos[i]!.filename)
    }
    // The public API's URLs point at Payload's file route, not at the bucket.
    const pub = await app.rest('GET', `media/${photos[0]!.id}`)
    expect(pub.status).toBe(200)
    expect(pub.body.url.startsWith(`/api/media/file/${photos[0]!.filename}`)).toBe(true)
    expect(pub.body.prefix).toBeUndefined()
    expect(JSON.stringify(pub.body)).not.toContain(String(port))
  })

  it('deleting an unused upload removes it and its sizes from the bucket; a recorded one stays', async () => {
    const owner = people['tim-pelaksana']
    const res = await upload(owner, await makeJpeg('s3-del', 90, 640, 480), 'salah-pilih.jpg')
    expect(res.status).toBe(201)
    const mine = [res.body.doc.filename, res.body.doc.sizes.thumbnail.filename].map(
      (f: string) => `${PREFIX}/media/${f}`,
    )
    for (const k of mine) expect(await keys(k)).toEqual([k])
    const del = await app.rest('DELETE', `media/${res.body.doc.id}`, { token: owner.token })
    expect(del.status, JSON.stringify(del.body)).toBe(200)
    for (const k of mine) expect(await keys(k)).toEqual([])
    const recorded = await app.rest('DELETE', `media/${photos[1]!.id}`, { token: owner.token })
    expect(recorded.status).toBe(403)
    expect(await keys(`${PREFIX}/media/${photos[1]!.filename}`)).toHaveLength(1)
  })

  it('a storage outage fails the upload cleanly and writes no row; uploads work again when it is back', async () => {
    const owner = people['tim-pelaksana']
    const before = await countRows(app, 'media')
    await server.close()
    const res = await upload(owner, await makeJpeg('s3-down', 120, 640, 480), 'saat-gangguan.jpg')
    expect(res.status).toBe(503)
    expect(res.body.errors[0].message).toContain('Tidak ada yang tersimpan')
    expect(JSON.stringify(res.body)).not.toContain('127.0.0.1')
    expect(await countRows(app, 'media')).toBe(before)
    // An approval during the outage: its approval sheet cannot be stored, so nothing of it is.
    const owner2 = people['tim-pelaksana']
    const counts = async () =>
      Promise.all(
        ['reviews', 'register', 'approval_sheets', 'payload_jobs', 'publications'].map((t) =>
          countRows(app, t),
        ),
      )
    const sub = await createSubmissionIn(
      app.payload,
      owner2,
      'verified',
      photos.map((p) => p.id),
      { title: 'Disetujui saat gangguan' },
    )
    const was = await counts()
    const approve = await app.rest('POST', 'reviews', {
      token: people['atasan-ppid'].token,
      lang: 'en',
      json: { submission: sub.id, action: 'approve', note: 'Setuju' },
    })
    expect(approve.status, JSON.stringify(approve.body)).toBe(503)
    expect(approve.body.errors[0].message).toContain('Nothing was saved')
    expect(await counts()).toEqual(was)
    expect(
      (await app.payload.findByID({ collection: 'submissions', id: sub.id, overrideAccess: true }))
        .status,
    ).toBe('verified')
    await startS3(port)
    const retry = await app.rest('POST', 'reviews', {
      token: people['atasan-ppid'].token,
      json: { submission: sub.id, action: 'approve', note: 'Setuju' },
    })
    expect(retry.status, JSON.stringify(retry.body)).toBe(201)
    const again = await upload(
      owner,
      await makeJpeg('s3-up', 150, 640, 480),
      'setelah-gangguan.jpg',
    )
    expect(again.status, JSON.stringify(again.body)).toBe(201)
    expect(await keys(`${PREFIX}/media/${again.body.doc.filename}`)).toHaveLength(1)
    expect(await countRows(app, 'media')).toBe(before + 1)
  })
})
