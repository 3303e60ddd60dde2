/**
 * Lembar Persetujuan Publikasi: made at approval, stored, linked from the content
 * register entry; its text read back with pdftotext and its QR code decoded (jsQR) to
 * the public verification URL, which finds the approved hash.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import jsQR from 'jsqr'
import sharp from 'sharp'
import { beforeAll, expect, it } from 'vitest'
import { verificationUrl } from '../../src/services/approvalSheet.js'
import { createTestApp, type TestApp } from '../helpers/app.js'
import {
  createPeople,
  createPhotos,
  createSubmissionIn,
  type ActorName,
  type Person,
} from '../helpers/fixtures.js'

let app: TestApp
let people: Record<ActorName, Person>
let id: number
let sheet: any

beforeAll(async () => {
  app = await createTestApp('approval_sheet', {
    news: { siteUrl: 'https://ppid.lamandaukab.go.id', agencyName: 'PPID Kabupaten Lamandau' },
  })
  people = await createPeople(app)
  await app.payload.update({
    collection: 'users',
    id: people['atasan-ppid'].id,
    data: { nip: '197001011995031001' } as never,
    overrideAccess: true,
  })
  await app.payload.create({
    collection: 'social-accounts',
    data: { label: 'TikTok manual', platform: 'manual' } as never,
    overrideAccess: true,
  })
  const photos = await createPhotos(app.payload, people['tim-pelaksana'], 4)
  // The flow up to verified, through the real actions.
  const doc = await app.rest('POST', 'submissions', {
    token: people['tim-pelaksana'].token,
    json: {
      title: 'Festival Babukung — Désa Kujan',
      activityDate: new Date().toISOString(),
      location: 'Nanga Bulik',
      caption: 'Festival budaya 🎭 Babukung',
      narrative: {
        root: {
          type: 'root',
          version: 1,
          direction: 'ltr',
          format: '',
          indent: 0,
          children: [
            {
              type: 'paragraph',
              version: 1,
              direction: 'ltr',
              format: '',
              indent: 0,
              textFormat: 0,
              children: [
                {
                  type: 'text',
                  version: 1,
                  text: 'Ribuan warga menyaksikan tarian topeng.',
                  format: 0,
                  detail: 0,
                  mode: 'normal',
                  style: '',
                },
              ],
            },
          ],
        },
      },
      photos,
    },
  })
  id = doc.body.doc.id
  for (const [actor, action, note] of [
    ['tim-pelaksana', 'submit'],
    ['tim-pertimbangan', 'accept', 'Lengkap.'],
    ['ketua-ppid', 'verify', 'Sudah diperiksa.'],
    ['atasan-ppid', 'approve', 'Setuju untuk diunggah.'],
  ] as const) {
    const res = await app.rest('POST', 'reviews', {
      token: people[actor].token,
      json: { submission: id, action, note },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
  }
  sheet = (
    await app.payload.find({
      collection: 'approval-sheets',
      where: { submission: { equals: id } },
      overrideAccess: true,
    })
  ).docs[0]
})

it('is stored at approval with the approved hash', async () => {
  expect(sheet).toBeTruthy()
  const approve = (
    await app.payload.find({
      collection: 'reviews',
      where: { and: [{ submission: { equals: id } }, { action: { equals: 'approve' } }] },
      overrideAccess: true,
    })
  ).docs[0] as any
  expect(sheet.contentHash).toBe(approve.contentHash)
  expect(sheet.mimeType).toBe('application/pdf')
})

it('reads back: content, every decision with name, jabatan, NIP, WIB time and note; the QR decodes to the verification URL', async () => {
  const res = await app.get(`approval-sheets/file/${sheet.filename}`, {
    Authorization: `JWT ${people['ketua-ppid'].token}`,
  })
  expect(res.status).toBe(200)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sheet-'))
  const file = path.join(dir, 'sheet.pdf')
  fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()))
  const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout
  expect(text).toContain('LEMBAR PERSETUJUAN PUBLIKASI')
  expect(text).toContain('Festival Babukung — Désa Kujan')
  expect(text).toContain('Ribuan warga menyaksikan tarian topeng.')
  expect(text).toContain(sheet.registerNumber)
  expect(text).toContain(sheet.contentHash.slice(0, 32))
  for (const actor of ['tim-pelaksana', 'tim-pertimbangan', 'ketua-ppid', 'atasan-ppid']) {
    expect(text).toContain(`User ${actor}`)
    expect(text).toContain(`Jabatan ${actor}`)
  }
  expect(text).toContain('NIP 197001011995031001')
  expect(text).toContain('Setuju untuk diunggah.')
  expect(text).toMatch(/\d\d\/\d\d\/\d{4} \d\d:\d\d WIB — Setujui/)

  spawnSync('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', file, path.join(dir, 'page')])
  const png = fs.readdirSync(dir).find((f) => f.endsWith('.png'))!
  const { data, info } = await sharp(path.join(dir, png))
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  const code = jsQR(new Uint8ClampedArray(data), info.width, info.height)
  const url = verificationUrl(app.payload, sheet.contentHash)
  expect(code?.data).toBe(url)
  expect(url).toBe(`https://ppid.lamandaukab.go.id/api/register/verify?hash=${sheet.contentHash}`)
  const verify = await app.rest('GET', `register/verify?hash=${sheet.contentHash}`)
  expect(verify.body.found).toBe(true)
})

it('is linked from the content register entry once published; readable by the office only', async () => {
  const target = (
    await app.payload.find({
      collection: 'publications',
      where: { submission: { equals: id } },
      overrideAccess: true,
      depth: 0,
    })
  ).docs[0] as any
  const res = await app.rest('POST', 'reviews', {
    token: people['admin-medsos'].token,
    json: {
      submission: id,
      action: 'confirm',
      publication: target.id,
      url: 'https://www.tiktok.com/@pemkab/video/9',
    },
  })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  const entry = (
    await app.payload.find({
      collection: 'register',
      where: { and: [{ submission: { equals: id } }, { kind: { equals: 'content' } }] },
      overrideAccess: true,
      depth: 0,
    })
  ).docs[0] as any
  expect(entry.approvalSheet).toBe(sheet.id)
  expect((await app.rest('GET', 'approval-sheets')).status).toBe(403)
  expect((await app.get(`approval-sheets/file/${sheet.filename}`)).status).toBe(403)
  expect(
    (await app.rest('GET', 'approval-sheets', { token: people['atasan-ppid'].token })).body
      .totalDocs,
  ).toBe(1)
})

it('the monthly report counts the flow, per platform, with its chart, as JSON, SVG and PDF', async () => {
  const d = new Date(Date.now() + 7 * 3600_000)
  const period = `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`
  const auth = { Authorization: `JWT ${people['ketua-ppid'].token}` }
  const json = await (await app.get(`register/report?period=${period}&format=json`, auth)).json()
  expect(json.counts).toEqual({
    handedIn: 1,
    accepted: 1,
    returned: 0,
    approved: 1,
    declined: 0,
    published: 1,
  })
  expect(json.publishedByPlatform).toEqual({ manual: 1 })
  expect(json.steps.map((s: { count: number }) => s.count)).toEqual([1, 1, 1, 1, 1])
  expect(json.overdueRate).toBe(0)
  const svg = await app.get(`register/report?period=${period}&format=svg`, auth)
  expect(svg.headers.get('content-type')).toContain('image/svg+xml')
  expect((await svg.text()).match(/class="handed-in"/g)!.length).toBe(json.days.length)
  const pdf = await app.get(`register/report?period=${period}&format=pdf`, auth)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-'))
  fs.writeFileSync(path.join(dir, 'r.pdf'), Buffer.from(await pdf.arrayBuffer()))
  const text = spawnSync('pdftotext', ['-layout', path.join(dir, 'r.pdf'), '-'], {
    encoding: 'utf8',
  }).stdout
  expect(text).toContain('LAPORAN BULANAN')
  expect(text).toContain('Diserahkan 1')
  expect(text).toContain('Diunggah per platform: manual 1')
  expect(text).toContain('Tingkat keterlambatan: 0%')
  expect(
    (
      await app.get(`register/report?period=${period}`, {
        Authorization: `JWT ${people['tim-pelaksana'].token}`,
      })
    ).status,
  ).toBe(403)
  expect((await app.get(`register/report?period=${period}`)).status).toBe(403)
})
