/**
 * The register as the agency's record: public verification of a hash, the chain check
 * an auditor runs (`npm run register:verify`) catching a row changed with SQL, and
 * nothing of the record deletable — admin included.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { HEADERS } from '../../src/register/exports.js'
import { beforeAll, describe, expect, it } from 'vitest'
import { makeJpeg } from '../../dev/demoImages.js'
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
    const res = await app.rest('POST', 'submissions', {
      token: owner.token,
      json: { ...validContent(photos.slice(0, 4)), title: `Kegiatan ${i}` },
    })
    const s = await app.rest('POST', 'reviews', {
      token: owner.token,
      json: { submission: res.body.doc.id, action: 'submit' },
    })
    expect(s.status).toBe(201)
    submitted = res.body.doc.id
  }
  const special = await app.rest('POST', 'submissions', {
    token: owner.token,
    json: {
      ...validContent(photos.slice(0, 4)),
      title: 'Sosialisasi Kafé Désa — Lamandau',
      caption: `Kafé désa 🇮🇩🌉 ${'panjang '.repeat(20)}`.slice(0, 190),
    },
  })
  expect(
    (
      await app.rest('POST', 'reviews', {
        token: owner.token,
        json: { submission: special.body.doc.id, action: 'submit' },
      })
    ).status,
  ).toBe(201)
  draft = (
    await app.rest('POST', 'submissions', {
      token: owner.token,
      json: { ...validContent([photos[4]!]), title: 'Masih draf' },
    })
  ).body.doc.id
})

const verifyCli = () =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/register-verify.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URI: app.databaseUri },
    encoding: 'utf8',
  })

describe('GET /api/register/verify', () => {
  it('finds a hash of the register, says where and when, nothing more; anonymous', async () => {
    const entry = (
      await app.payload.find({
        collection: 'register',
        sort: 'chainIndex',
        limit: 1,
        overrideAccess: true,
      })
    ).docs[0] as any
    for (const hash of [entry.contentHash, entry.hash]) {
      const res = await app.rest('GET', `register/verify?hash=${hash}`)
      expect(res.status).toBe(200)
      expect(res.body.found).toBe(true)
      expect(res.body.entries[0]).toEqual({
        number: entry.number,
        at: entry.at,
        kind: 'documentation',
      })
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
    expect(ok.stdout).toMatch(/^OK: 4 register entries/)
  })

  it('detects a changed row', async () => {
    const [second] = await app.sql<{ id: number; number: string; summary: string }>(
      'select id, number, summary from register order by chain_index offset 1 limit 1',
    )
    // PostgreSQL refuses the edit (trigger); an attacker owning the database disables it first.
    await expect(
      app.sql('update register set summary = $1 where id = $2', ['Diubah diam-diam', second!.id]),
    ).rejects.toThrow(/record rows are immutable/)
    await app.sql('alter table register disable trigger register_immutable_rows')
    await app.sql('update register set summary = $1 where id = $2', [
      'Diubah diam-diam',
      second!.id,
    ])
    const broken = verifyCli()
    expect(broken.status).toBe(1)
    expect(broken.stderr).toContain(`Nomor Register ${second!.number}`)
    expect(broken.stderr).toContain('hash mismatch')
    await app.sql('update register set summary = $1 where id = $2', [second!.summary, second!.id])
    await app.sql('alter table register enable trigger register_immutable_rows')
    expect(verifyCli().status).toBe(0)
  })
})

describe('nothing in the record can be deleted', () => {
  it('register entries: not by anyone, admin included', async () => {
    const entry = (
      await app.payload.find({ collection: 'register', limit: 1, overrideAccess: true })
    ).docs[0]!
    for (const actor of ['admin', 'ketua-ppid', 'tim-pelaksana'] as const) {
      expect(
        (await app.rest('DELETE', `register/${entry.id}`, { token: people[actor].token })).status,
        actor,
      ).toBe(403)
    }
  })

  it('submitted submissions: not by anyone, admin included; the owner may delete a draft', async () => {
    for (const actor of ['admin', 'tim-pelaksana', 'ketua-ppid'] as const) {
      const res = await app.rest('DELETE', `submissions/${submitted}`, {
        token: people[actor].token,
      })
      expect(res.status, actor).not.toBe(200)
    }
    expect(
      await app.payload.findByID({
        collection: 'submissions',
        id: submitted,
        overrideAccess: true,
      }),
    ).toBeTruthy()
    expect(
      (await app.rest('DELETE', `submissions/${draft}`, { token: people['tim-pelaksana'].token }))
        .status,
    ).toBe(200)
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
    expect(
      (
        await app.rest('PATCH', `media/${photos[0]}`, {
          token: people['tim-pelaksana'].token,
          form,
        })
      ).status,
    ).toBe(403)
    const alt = await app.rest('PATCH', `media/${photos[0]}`, {
      token: people['tim-pelaksana'].token,
      json: { alt: 'Bupati meresmikan jembatan' },
    })
    expect(alt.status, JSON.stringify(alt.body)).toBe(200)
    // The draft's photo (its draft now deleted) is still the uploader's to delete.
    expect(
      (await app.rest('DELETE', `media/${photos[4]}`, { token: people['tim-pelaksana'].token }))
        .status,
    ).toBe(200)
  })
})

describe('exports of a period', () => {
  const month = () => {
    const d = new Date(Date.now() + 7 * 3600_000) // WIB
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`
  }
  const entries = async () =>
    (
      await app.payload.find({
        collection: 'register',
        sort: 'chainIndex',
        overrideAccess: true,
        pagination: false,
      })
    ).docs as any[]
  const get = (q: string, actor: ActorName = 'ketua-ppid') =>
    app.get(`register/export?${q}`, { Authorization: `JWT ${people[actor].token}` })

  it('CSV: a real CSV parser reads every entry with Indonesian text intact', async () => {
    const res = await get(`format=csv&period=${month()}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toMatch(
      /attachment; filename="register-.+\.csv"/,
    )
    const rows = parse(await res.text(), { bom: true }) as string[][]
    expect(rows[0]).toEqual(HEADERS)
    const all = await entries()
    expect(rows.slice(1).map((r) => r[1])).toEqual(all.map((e) => e.number))
    const special = rows.find((r) => r[4] === 'Sosialisasi Kafé Désa — Lamandau')!
    expect(special[7]).toContain('Kafé désa 🇮🇩🌉')
    expect(special[5]).toBe('User tim-pelaksana')
    expect(special[6]).toBe('4')
    expect(special[2]).toMatch(/^\d\d\/\d\d\/\d{4} \d\d:\d\d$/)
  })

  it('XLSX: read back by exceljs with a header row and typed date cells', async () => {
    const res = await get(`format=xlsx&period=${month()}`)
    expect(res.status).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never)
    const ws = wb.getWorksheet('Register')!
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS)
    const all = await entries()
    expect(ws.rowCount).toBe(all.length + 1)
    expect(ws.getRow(2).getCell(2).value).toBe(all[0].number)
    expect(ws.getRow(2).getCell(3).value).toBeInstanceOf(Date)
    expect(ws.getRow(2).getCell(3).numFmt).toBe('dd/mm/yyyy hh:mm')
    const texts = Array.from({ length: ws.rowCount }, (_, i) =>
      String(ws.getRow(i + 1).getCell(5).value),
    )
    expect(texts).toContain('Sosialisasi Kafé Désa — Lamandau')
  })

  it('PDF: pdftotext finds the letterhead, every register number, names, page numbers and the signature block', async () => {
    const res = await get(`format=pdf&period=${month()}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'register-pdf-')), 'register.pdf')
    fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()))
    const out = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    expect(out.status, out.stderr).toBe(0)
    const text = out.stdout
    expect(text).toContain('REGISTER DOKUMENTASI DAN KONTEN MEDIA SOSIAL')
    for (const e of await entries()) expect(text).toContain(e.number)
    expect(text).toContain('Kafé Désa')
    expect(text).toContain('User tim-pelaksana')
    expect(text).toMatch(/Halaman 1 dari \d+/)
    expect(text).toContain('User ketua-ppid')
    expect(text).toContain('Jabatan ketua-ppid')
  })

  it('is for the office only; a bad period or format is a 400 in the request language', async () => {
    expect((await get(`format=csv&period=${month()}`, 'tim-pelaksana')).status).toBe(403)
    expect((await app.get(`register/export?format=csv&period=${month()}`)).status).toBe(403)
    const bad = await get('format=csv&period=2026-13')
    expect(bad.status).toBe(400)
    expect(await bad.text()).toContain('Periode tidak valid')
    expect((await get(`format=doc&period=${month()}`)).status).toBe(400)
    const empty = await get('format=csv&period=2001-01')
    expect((parse(await empty.text(), { bom: true }) as string[][]).length).toBe(1)
  })
})
