/**
 * A corpus of bad inputs through the real REST handlers: each gets a clear 4xx (with the
 * rule named where the plugin decides), nothing is written (every table's row count is
 * unchanged), and the server still serves afterwards. A few inputs that are legitimate
 * but look dangerous (SQL-looking text) are checked to be stored verbatim and harmless.
 */
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { makeJpeg } from '../../dev/demoImages.js'
import { createTestApp, type TestApp } from '../helpers/app.js'
import {
  countRows,
  createPeople,
  createPhotos,
  createSubmissionIn,
  validContent,
  type ActorName,
  type Person,
} from '../helpers/fixtures.js'

let app: TestApp
let people: Record<ActorName, Person>
let photos: number[]
let draftId: number
let otherDraftId: number
let jpeg: Buffer
let png: Buffer

const TABLES = [
  'submissions',
  'media',
  'reviews',
  'register',
  'notifications',
  'payload_jobs',
  'users',
  'publications',
  'social_accounts',
]

async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const t of TABLES) out[t] = await countRows(app, t)
  return out
}

type Send = () => Promise<{ status: number; body: any }>
interface Case {
  name: string
  send: Send
  status: number
  /** The plugin's rule (errors[0].data.rule), when the plugin decides. */
  rule?: string
  /** Text the message must contain (in Indonesian: the tests send Accept-Language: id). */
  says?: RegExp
}

const asOwner = () => people['tim-pelaksana'].token

type Lazy<T> = () => T
type Who = ActorName | 'anonymous'
const tokenOf = (who: Who) => (who === 'anonymous' ? undefined : people[who].token)

/** Request builders: everything is evaluated when the case runs (after beforeAll). */
function upload(name: string, data: Lazy<Buffer>, type: string, who: Who = 'tim-pelaksana'): Send {
  return () => {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(data())], { type }), name)
    form.append('_payload', JSON.stringify({ alt: 'uji' }))
    return app.rest('POST', 'media', { token: tokenOf(who), form })
  }
}
const post =
  (path: Lazy<string>, json: Lazy<unknown>, who: Who = 'tim-pelaksana'): Send =>
  () =>
    app.rest('POST', path(), { token: tokenOf(who), json: json() })
const patch =
  (path: Lazy<string>, json: Lazy<unknown>, who: Who = 'tim-pelaksana'): Send =>
  () =>
    app.rest('PATCH', path(), { token: tokenOf(who), json: json() })
const get =
  (path: Lazy<string>, who: Who = 'tim-pelaksana'): Send =>
  () =>
    app.rest('GET', path(), { token: tokenOf(who) })
const content = (extra: Record<string, unknown>) => () => ({ ...validContent(photos), ...extra })
const at = (path: string) => () => path
const json = (value: unknown) => () => value

/** A PNG whose header declares `w`×`h` pixels: a few hundred bytes that would decode to gigabytes. */
function bomb(w: number, h: number): Buffer {
  const b = Buffer.from(png)
  b.writeUInt32BE(w, 16)
  b.writeUInt32BE(h, 20)
  return b
}

function deepNarrative(levels: number) {
  let node: any = { type: 'text', text: 'x', version: 1 }
  for (let i = 0; i < levels; i++) node = { type: 'paragraph', version: 1, children: [node] }
  return { root: { type: 'root', version: 1, children: [node] } }
}

beforeAll(async () => {
  app = await createTestApp('badinputs')
  people = await createPeople(app)
  photos = await createPhotos(app.payload, people['tim-pelaksana'], 4)
  draftId = (await createSubmissionIn(app.payload, people['tim-pelaksana'], 'draft', photos))
    .id as number
  otherDraftId = (
    await createSubmissionIn(app.payload, people['tim-pelaksana-other'], 'draft', photos, {
      title: 'Draf rahasia orang lain',
    })
  ).id as number
  jpeg = await makeJpeg('bad', 30, 64, 48)
  png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#0a0' } })
    .png()
    .toBuffer()
})

const svg = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>',
)
const CASES: Case[] = (() => {
  const html = Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>')
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF')
  const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(512, 1)])
  const jpegWithComment = () =>
    Buffer.concat([
      jpeg.subarray(0, 2),
      Buffer.from([0xff, 0xfe, 0x00, 0x2a]),
      Buffer.from('<script>alert(document.cookie)</script>'.padEnd(40)),
      jpeg.subarray(2),
    ])
  const bigJpeg = () => Buffer.concat([jpeg, Buffer.alloc(26 * 1024 * 1024)])
  const draft =
    (suffix = '') =>
    () =>
      `submissions/${draftId}${suffix}`
  const othersDraft = () => `submissions/${otherDraftId}`
  return [
    // ---- uploads
    {
      name: 'oversize upload (26 MB > 25 MB)',
      send: upload('besar.jpg', bigJpeg, 'image/jpeg'),
      status: 413,
    },
    {
      name: 'decompression bomb 100000×100000 PNG',
      send: upload('bom.png', () => bomb(100_000, 100_000), 'image/png'),
      status: 400,
      rule: 'imageTooLarge',
      says: /megapiksel/,
    },
    {
      name: 'decompression bomb 20000×20000 PNG',
      send: upload('bom2.png', () => bomb(20_000, 20_000), 'image/png'),
      status: 400,
      rule: 'imageTooLarge',
    },
    {
      name: 'decompression bomb 8000×8000 (64 MP) PNG',
      send: upload('bom3.png', () => bomb(8000, 8000), 'image/png'),
      status: 400,
      rule: 'imageTooLarge',
    },
    { name: 'SVG with script', send: upload('x.svg', () => svg, 'image/svg+xml'), status: 400 },
    { name: 'SVG sent as image/jpeg', send: upload('x.jpg', () => svg, 'image/jpeg'), status: 400 },
    { name: 'SVG renamed .png', send: upload('x.png', () => svg, 'image/png'), status: 400 },
    {
      name: 'JPEG/HTML polyglot (HTML appended)',
      send: upload('p.jpg', () => Buffer.concat([jpeg, html]), 'image/jpeg'),
      status: 400,
      rule: 'fileHasMarkup',
    },
    {
      name: 'JPEG with a script in a comment segment',
      send: upload('c.jpg', jpegWithComment, 'image/jpeg'),
      status: 400,
      rule: 'fileHasMarkup',
    },
    {
      name: 'HTML sent as image/jpeg',
      send: upload('h.jpg', () => html, 'image/jpeg'),
      status: 400,
    },
    { name: 'PDF sent as image/jpeg', send: upload('d.jpg', () => pdf, 'image/jpeg'), status: 400 },
    {
      name: 'PDF as application/pdf',
      send: upload('d.pdf', () => pdf, 'application/pdf'),
      status: 400,
    },
    {
      name: 'plain text file',
      send: upload('t.txt', () => Buffer.from('halo'), 'text/plain'),
      status: 400,
    },
    {
      name: 'Windows executable as image/png',
      send: upload('e.png', () => exe, 'image/png'),
      status: 400,
    },
    {
      name: 'GIF (type not accepted)',
      send: upload(
        'g.gif',
        () =>
          Buffer.from(
            'GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;',
            'latin1',
          ),
        'image/gif',
      ),
      status: 400,
    },
    {
      name: 'empty file',
      send: upload('kosong.jpg', () => Buffer.alloc(0), 'image/jpeg'),
      status: 400,
    },
    {
      name: 'truncated JPEG',
      send: upload('potong.jpg', () => jpeg.subarray(0, Math.floor(jpeg.length / 2)), 'image/jpeg'),
      status: 400,
      rule: 'notAnImage',
    },
    {
      name: 'PNG with a script in a text chunk',
      send: upload(
        's.png',
        () => Buffer.concat([png, Buffer.from('<script>alert(1)</script>')]),
        'image/png',
      ),
      status: 400,
      rule: 'fileHasMarkup',
    },
    {
      name: 'upload by a role that may not upload (anonymous)',
      send: upload('a.jpg', () => jpeg, 'image/jpeg', 'anonymous'),
      status: 403,
    },
    {
      name: 'media created without a file',
      send: post(at('media'), json({ alt: 'tanpa berkas' })),
      status: 400,
    },
    // ---- JSON bodies
    {
      name: '10 MB JSON body (junk field)',
      send: post(at('submissions'), content({ junk: 'x'.repeat(10 * 1024 * 1024) })),
      status: 413,
      rule: 'bodyTooLarge',
    },
    {
      name: '10 MB JSON body (huge title)',
      send: post(at('submissions'), content({ title: 'judul '.repeat(2_000_000) })),
      status: 413,
      rule: 'bodyTooLarge',
    },
    {
      name: '10 MB review note',
      send: post(at('reviews'), () => ({
        submission: draftId,
        action: 'submit',
        note: 'n'.repeat(10 * 1024 * 1024),
      })),
      status: 413,
      rule: 'bodyTooLarge',
    },
    {
      name: 'narrative is a string',
      send: post(at('submissions'), content({ narrative: 'bukan editor' })),
      status: 400,
      rule: 'narrativeInvalid',
    },
    {
      name: 'narrative is a number',
      send: post(at('submissions'), content({ narrative: 42 })),
      status: 400,
      rule: 'narrativeInvalid',
    },
    {
      name: 'narrative is a list',
      send: post(at('submissions'), content({ narrative: [] })),
      status: 400,
      rule: 'narrativeInvalid',
    },
    {
      name: 'narrative root is not an object',
      send: post(at('submissions'), content({ narrative: { root: 5 } })),
      status: 400,
      rule: 'narrativeInvalid',
    },
    {
      name: 'narrative children is a string',
      send: post(
        at('submissions'),
        content({ narrative: { root: { type: 'root', children: 'x' } } }),
      ),
      status: 400,
      rule: 'narrativeInvalid',
    },
    {
      name: 'narrative node without type',
      send: post(
        at('submissions'),
        content({ narrative: { root: { type: 'root', children: [{ children: [] }] } } }),
      ),
      status: 400,
      rule: 'narrativeInvalid',
    },
    {
      name: 'narrative text node with a non-string text',
      send: post(
        at('submissions'),
        content({
          narrative: {
            root: {
              type: 'root',
              children: [{ type: 'paragraph', children: [{ type: 'text', text: { $gt: '' } }] }],
            },
          },
        }),
      ),
      status: 400,
      rule: 'narrativeInvalid',
    },
    {
      name: 'narrative nested 1000 levels deep',
      send: post(at('submissions'), content({ narrative: deepNarrative(1000) })),
      status: 400,
      rule: 'narrativeInvalid',
    },
    {
      name: 'narrative with 50,000 nodes',
      send: post(
        at('submissions'),
        content({
          narrative: {
            root: {
              type: 'root',
              children: Array.from({ length: 50_000 }, () => ({ type: 'linebreak', version: 1 })),
            },
          },
        }),
      ),
      status: 400,
      rule: 'narrativeInvalid',
    },
    {
      name: 'NUL byte in caption',
      send: post(at('submissions'), content({ caption: 'Rapat\u0000evaluasi' })),
      status: 400,
      rule: 'textNul',
    },
    {
      name: 'NUL byte in title',
      send: post(at('submissions'), content({ title: 'Rapat\u0000' })),
      status: 400,
      rule: 'textNul',
    },
    {
      name: 'NUL byte in location',
      send: post(at('submissions'), content({ location: '\u0000' })),
      status: 400,
      rule: 'textNul',
    },
    {
      name: 'NUL byte inside the narrative text',
      send: post(
        at('submissions'),
        content({
          narrative: {
            root: {
              type: 'root',
              children: [{ type: 'paragraph', children: [{ type: 'text', text: 'a\u0000b' }] }],
            },
          },
        }),
      ),
      status: 400,
      rule: 'textNul',
    },
    {
      name: 'NUL byte in a review note',
      send: post(at('reviews'), () => ({
        submission: draftId,
        action: 'submit',
        note: 'ok\u0000',
      })),
      status: 400,
      rule: 'textNul',
    },
    {
      name: 'right-to-left override in caption',
      send: post(at('submissions'), content({ caption: 'Foto kegiatan \u202Egpj.exe' })),
      status: 400,
      rule: 'textBidi',
    },
    {
      name: 'right-to-left isolate in title',
      send: post(at('submissions'), content({ title: 'Rapat \u2067abc\u2069' })),
      status: 400,
      rule: 'textBidi',
    },
    {
      name: 'left-to-right embedding in a PATCHed caption',
      send: patch(draft(), json({ caption: '\u202Aabc' })),
      status: 400,
      rule: 'textBidi',
    },
    {
      name: 'NUL in the user name (PATCH own account)',
      send: patch(() => `users/${people['tim-pelaksana'].id}`, json({ name: 'Rina\u0000' })),
      status: 400,
      rule: 'textNul',
    },
    {
      name: 'caption of 201 characters',
      send: post(at('submissions'), content({ caption: 'é'.repeat(201) })),
      status: 400,
    },
    {
      name: 'activity date that is not a date',
      send: post(at('submissions'), content({ activityDate: 'kemarin sore' })),
      status: 400,
    },
    {
      name: 'photo id that is not an id',
      send: post(at('submissions'), content({ photos: ["1' OR '1'='1"] })),
      status: 400,
    },
    {
      name: 'photo id that does not exist',
      send: post(at('submissions'), content({ photos: [99_999_999] })),
      status: 400,
    },
    {
      name: 'photos as an object',
      send: post(at('submissions'), content({ photos: { $in: [1] } })),
      status: 400,
    },
    {
      name: 'body that is a JSON list',
      send: post(at('submissions'), () => [content({})()]),
      status: 400,
    },
    {
      name: 'status set on create',
      send: post(at('submissions'), content({ status: 'published' })),
      status: 403,
      rule: 'forbiddenServerField',
    },
    {
      name: 'createdBy as a nested user with roles',
      send: post(at('submissions'), () => ({
        ...content({})(),
        createdBy: { id: people.admin.id, roles: ['admin'] },
      })),
      status: 403,
      rule: 'forbiddenServerField',
    },
    {
      name: 'registerNumber set on PATCH',
      send: patch(draft(), json({ registerNumber: '0001/REG-MEDSOS/I/2099' })),
      status: 403,
      rule: 'forbiddenServerField',
    },
    {
      name: 'unknown workflow action',
      send: post(at('reviews'), () => ({ submission: draftId, action: 'publishNow' })),
      status: 400,
      rule: 'unknownAction',
    },
    {
      name: 'review of another member’s draft',
      send: post(at('reviews'), () => ({ submission: otherDraftId, action: 'submit' })),
      status: 403,
      rule: 'forbiddenOwner',
    },
    {
      name: 'PATCH of another member’s draft',
      send: patch(othersDraft, json({ title: 'diambil alih' })),
      status: 403,
    },
    {
      name: 'role change of another user',
      send: patch(() => `users/${people.admin.id}`, json({ roles: ['tim-pelaksana'] })),
      status: 403,
    },
    {
      name: 'creating a user as the field team',
      send: post(
        at('users'),
        json({ email: 'baru@contoh.id', password: 'rahasia-123', name: 'Baru', roles: ['admin'] }),
      ),
      status: 403,
    },
    {
      name: 'creating a notification through the API',
      send: post(at('notifications'), () => ({
        recipient: people.admin.id,
        kind: 'queue',
        params: {},
      })),
      status: 403,
    },
    {
      name: 'register entry through the API (admin)',
      send: post(
        at('register'),
        () => ({ number: 'X', kind: 'content', submission: draftId }),
        'admin',
      ),
      status: 403,
    },
    {
      name: 'social account created by the field team',
      send: post(
        at('social-accounts'),
        json({ label: 'Palsu', platform: 'webhook', url: 'http://127.0.0.1:9/' }),
      ),
      status: 403,
    },
    {
      name: 'webhook account with a javascript: URL',
      send: post(
        at('social-accounts'),
        json({ label: 'Jahat', platform: 'webhook', url: 'javascript:alert(1)' }),
        'admin-medsos',
      ),
      status: 400,
    },
    // ---- queries
    {
      name: 'absurd limit',
      send: get(at('submissions?limit=100000000')),
      status: 400,
      rule: 'paginationInvalid',
    },
    {
      name: 'negative page',
      send: get(at('submissions?page=-1')),
      status: 400,
      rule: 'paginationInvalid',
    },
    {
      name: 'page zero',
      send: get(at('submissions?page=0')),
      status: 400,
      rule: 'paginationInvalid',
    },
    {
      name: 'page 10^12',
      send: get(at('submissions?page=1000000000000')),
      status: 400,
      rule: 'paginationInvalid',
    },
    {
      name: 'limit that is not a number',
      send: get(at('submissions?limit=semua')),
      status: 400,
      rule: 'paginationInvalid',
    },
    {
      name: 'anonymous limit above 100',
      send: get(at('submissions?limit=500'), 'anonymous'),
      status: 400,
      rule: 'paginationInvalid',
    },
    {
      name: 'where on the password hash',
      send: get(at('users?where[hash][exists]=true')),
      status: 400,
    },
    {
      name: 'where on the password salt',
      send: get(at('users?where[salt][exists]=true')),
      status: 400,
    },
    {
      name: 'where on a reset token',
      send: get(at('users?where[resetPasswordToken][exists]=true')),
      status: 400,
    },
    {
      name: 'where on a field that does not exist',
      send: get(at('submissions?where[nonexistent][equals]=1')),
      status: 400,
    },
    {
      name: 'SQL in a where path',
      send: get(at('submissions?where[id;drop table users][equals]=1')),
      status: 400,
    },
    {
      name: 'unknown where operator',
      send: get(at('submissions?where[title][bogus]=1')),
      status: 400,
    },
    {
      name: 'where on a hidden field (pending corrections)',
      send: get(at('submissions?where[pendingCorrections][exists]=true')),
      status: 400,
    },
    {
      name: 'where on a notification key',
      send: get(at('notifications?where[key][exists]=true')),
      status: 400,
    },
    { name: 'anonymous list of reviews', send: get(at('reviews'), 'anonymous'), status: 403 },
    { name: 'anonymous list of users', send: get(at('users'), 'anonymous'), status: 403 },
    { name: 'anonymous read of a draft by id', send: get(othersDraft, 'anonymous'), status: 404 },
    { name: 'a draft of another member by id', send: get(othersDraft), status: 404 },
  ]
})()

describe('bad inputs: a clear 4xx, nothing written, still serving', () => {
  it('has at least 50 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(50)
  })

  it.each(CASES)('$name → $status', async (c) => {
    const before = await counts()
    const res = await c.send()
    expect(res.status, `${c.name}: ${JSON.stringify(res.body).slice(0, 300)}`).toBe(c.status)
    const error = res.body?.errors?.[0]
    expect(typeof error?.message, c.name).toBe('string')
    expect(error.message.length, c.name).toBeGreaterThan(5)
    if (c.rule) expect(error.data?.rule, c.name).toBe(c.rule)
    if (c.says) expect(error.message, c.name).toMatch(c.says)
    expect(await counts(), `${c.name} wrote something`).toEqual(before)
  })

  it('still serves afterwards, and nothing of the corpus reached the database', async () => {
    expect((await app.rest('GET', 'submissions?limit=5', { token: asOwner() })).status).toBe(200)
    expect((await app.get('news/feed.json')).status).toBe(200)
    const res = await app.rest('POST', 'submissions', {
      token: asOwner(),
      json: validContent(photos),
    })
    expect(res.status).toBe(201)
    const bad = await app.sql<{ n: string }>(
      "select count(*)::text as n from submissions where title like 'judul judul%' or caption like '%evaluasi%'",
    )
    expect(bad[0]!.n).toBe('0')
  })

  it('stores SQL-looking text verbatim and harmlessly (it is legitimate text)', async () => {
    const title = 'Rapat\'; DROP TABLE submissions; -- " OR 1=1'
    const res = await app.rest('POST', 'submissions', {
      token: asOwner(),
      json: content({ title, caption: "' UNION SELECT password FROM users --" })(),
    })
    expect(res.status).toBe(201)
    const [row] = await app.sql<{ title: string }>('select title from submissions where id = $1', [
      res.body.doc.id,
    ])
    expect(row!.title).toBe(title)
    expect(await countRows(app, 'users')).toBe(Object.keys(people).length)
    const found = await app.rest(
      'GET',
      `submissions?where[title][equals]=${encodeURIComponent(title)}`,
      { token: asOwner() },
    )
    expect(found.body.docs.map((d: any) => d.id)).toEqual([res.body.doc.id])
  })

  it('ignores a user’s attempt to raise their own role (CONTRACT: "the change is ignored")', async () => {
    const me = people['tim-pelaksana']
    const res = await app.rest('PATCH', `users/${me.id}`, {
      token: me.token,
      json: { roles: ['admin'] },
    })
    expect(res.status).toBe(200)
    const [row] = await app.sql<{ n: string }>(
      "select count(*)::text as n from users_roles where parent_id = $1 and value = 'admin'",
      [me.id],
    )
    expect(row!.n).toBe('0')
  })
})
