/**
 * The public side through the real REST/GraphQL handlers and the feed endpoints:
 * slugs, anonymous reads, public files, RSS/Atom/JSON Feed parsed by real parsers,
 * conditional GET, and hostile titles/captions/narratives reaching readers as text.
 */
import { XMLParser } from 'fast-xml-parser'
import { parseDocument, DomUtils } from 'htmlparser2'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { WORKFLOW_CONTEXT } from '../../src/context.js'
import { makeJpeg } from '../../dev/demoImages.js'
import { PUBLIC_FIELDS } from '../../src/hooks/submissions.js'
import { createTestApp, type TestApp } from '../helpers/app.js'
import {
  createPeople,
  createPhotos,
  createSubmissionIn,
  richText,
  type ActorName,
  type Person,
} from '../helpers/fixtures.js'

const SITE = 'https://ppid.example.go.id'
const XSS_TITLE = '<script>alert("judul")</script> Rapat & evaluasi ]]> selesai'
const XSS_CAPTION = '<img src=x onerror=alert(1)> caption javascript:alert(2)'
const XSS_NARRATIVE = {
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
            text: '<script>alert("narasi")</script> teks biasa ',
            format: 0,
            detail: 0,
            mode: 'normal',
            style: '',
          },
          {
            type: 'link',
            version: 3,
            direction: 'ltr',
            format: '',
            indent: 0,
            fields: { url: 'javascript:alert(3)', newTab: false, linkType: 'custom' },
            children: [
              {
                type: 'text',
                version: 1,
                text: 'tautan jahat',
                format: 0,
                detail: 0,
                mode: 'normal',
                style: '',
              },
            ],
          },
        ],
      },
    ],
  },
}

let app: TestApp
let people: Record<ActorName, Person>
let owner: Person
const published: { id: number; title: string }[] = []
let draftId: number
let approvedId: number
let draftPhotos: number[]
let publicPhotos: number[]

async function publish(id: number, at: Date) {
  return app.payload.update({
    collection: 'submissions',
    id,
    data: {
      status: 'published',
      publishedAt: at.toISOString(),
      statusChangedAt: at.toISOString(),
    } as never,
    overrideAccess: true,
    context: { [WORKFLOW_CONTEXT]: true },
  })
}

async function publishNew(title: string, minutesAgo: number, extra: Record<string, unknown> = {}) {
  const photos = await createPhotos(app.payload, owner, 4, `pub${published.length}`)
  const n = published.length + 1
  const doc = await createSubmissionIn(app.payload, owner, 'approved', photos, {
    title,
    registerNumber: `${String(n).padStart(3, '0')}/DOK/PPID/XI/2026`,
    ...extra,
  })
  await publish(doc.id as number, new Date(Date.now() - minutesAgo * 60_000))
  published.push({ id: doc.id as number, title })
  return { id: doc.id as number, photos }
}

beforeAll(async () => {
  app = await createTestApp('news', { news: { siteUrl: SITE, agencyName: 'PPID Kabupaten Uji' } })
  people = await createPeople(app)
  owner = people['tim-pelaksana']
  publicPhotos = (await publishNew('Peresmian Jembatan Desa Kujan', 30)).photos
  await publishNew('Peresmian Jembatan Desa Kujan', 20, { location: 'Desa Kujan, Bulik' })
  await publishNew(XSS_TITLE, 10, { caption: XSS_CAPTION, narrative: XSS_NARRATIVE })
  draftPhotos = await createPhotos(app.payload, owner, 4, 'draft')
  draftId = (
    await createSubmissionIn(app.payload, owner, 'draft', draftPhotos, {
      title: 'Rahasia draf internal',
    })
  ).id as number
  approvedId = (
    await createSubmissionIn(app.payload, owner, 'approved', draftPhotos, {
      title: 'Menunggu unggah internal',
    })
  ).id as number
})

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  cdataPropName: '#cdata',
  processEntities: true,
})
const asArray = <T>(v: T | T[] | undefined): T[] =>
  v === undefined ? [] : Array.isArray(v) ? v : [v]
/** Decodes the HTML entities a reader would decode in a type="html" element. */
const decodeHtmlText = (s: string) =>
  s
    .replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
const cdata = (node: unknown): string => {
  if (typeof node === 'string') return node
  const n = node as Record<string, unknown>
  return String(n?.['#cdata'] ?? n?.['#text'] ?? '')
}
/** Markup that would run in a reader, found by parsing the HTML: script/iframe elements, on* handlers, javascript: URLs. */
const hasActiveMarkup = (html: string) =>
  DomUtils.findAll(
    (el) =>
      ['script', 'iframe', 'object', 'embed', 'style'].includes(el.name) ||
      Object.entries(el.attribs).some(
        ([k, v]) => /^on/i.test(k) || /^\s*(javascript|data|vbscript):/i.test(v),
      ),
    parseDocument(html).children,
  ).length > 0

describe('slug', () => {
  it('is given on publication, readable and unique', async () => {
    const docs = await Promise.all(
      published.map((p) => app.payload.findByID({ collection: 'submissions', id: p.id })),
    )
    expect(docs.map((d) => d.slug)).toEqual([
      'peresmian-jembatan-desa-kujan',
      'peresmian-jembatan-desa-kujan-2',
      'script-alert-judul-script-rapat-evaluasi-selesai',
    ])
    const draft = await app.payload.findByID({ collection: 'submissions', id: draftId })
    expect(draft.slug ?? null).toBeNull()
  })

  it('is kept when the title is corrected later', async () => {
    const id = published[0]!.id
    await app.payload.update({
      collection: 'submissions',
      id,
      data: { title: 'Peresmian Jembatan Gantung Desa Kujan' } as never,
      overrideAccess: true,
      context: { [WORKFLOW_CONTEXT]: true },
    })
    const doc = await app.payload.findByID({ collection: 'submissions', id })
    expect(doc.slug).toBe('peresmian-jembatan-desa-kujan')
    await app.payload.update({
      collection: 'submissions',
      id,
      data: { title: 'Peresmian Jembatan Desa Kujan' } as never,
      overrideAccess: true,
      context: { [WORKFLOW_CONTEXT]: true },
    })
  })

  it('cannot be set through the API', async () => {
    const res = await app.rest('PATCH', `submissions/${draftId}`, {
      token: owner.token,
      json: { slug: 'pilihan-saya' },
    })
    expect(res.status).toBe(403)
    expect(JSON.stringify(res.body)).toContain('slug')
  })
})

describe('anonymous REST and GraphQL', () => {
  it('lists published items only, newest first, public fields only', async () => {
    const res = await app.rest('GET', 'submissions?limit=10')
    expect(res.status).toBe(200)
    expect(res.body.docs.map((d: { id: number }) => d.id)).toEqual(
      published.map((p) => p.id).reverse(),
    )
    for (const doc of res.body.docs) {
      for (const key of Object.keys(doc)) expect(PUBLIC_FIELDS as readonly string[]).toContain(key)
      expect(doc).not.toHaveProperty('status')
      expect(doc).not.toHaveProperty('createdBy')
    }
    expect(JSON.stringify(res.body)).not.toContain('internal')
  })

  it('paginates', async () => {
    const res = await app.rest('GET', 'submissions?limit=2&page=2')
    expect(res.body.totalDocs).toBe(3)
    expect(res.body.totalPages).toBe(2)
    expect(res.body.docs.map((d: { id: number }) => d.id)).toEqual([published[0]!.id])
  })

  it('refuses a sort on an internal field (no ordering oracle: 400 queryNotPublic)', async () => {
    const res = await app.rest('GET', 'submissions?sort=dueAt')
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.rule).toBe('queryNotPublic')
    // A public field outside the public sorts still falls back to newest first.
    const byNumber = await app.rest('GET', 'submissions?sort=registerNumber')
    expect(byNumber.status).toBe(200)
    expect(byNumber.body.docs.map((d: { id: number }) => d.id)).toEqual(
      published.map((p) => p.id).reverse(),
    )
  })

  it('cannot filter on internal fields or reach unpublished items by id or slug', async () => {
    expect((await app.rest('GET', `submissions/${draftId}`)).status).toBe(404)
    expect((await app.rest('GET', `submissions/${approvedId}`)).status).toBe(404)
    const byStatus = await app.rest('GET', 'submissions?where[status][equals]=draft')
    expect(byStatus.status).toBe(400)
    expect(byStatus.body.errors[0].data.rule).toBe('queryNotPublic')
    const byTitle = await app.rest('GET', 'submissions?where[title][like]=internal')
    expect(byTitle.body.docs).toHaveLength(0)
  })

  it('gives photos with public URLs and web sizes, and nothing internal about them', async () => {
    const res = await app.rest('GET', `submissions/${published[0]!.id}?depth=1`)
    expect(res.status).toBe(200)
    const photos = res.body.photos as Record<string, any>[]
    expect(photos).toHaveLength(4)
    for (const p of photos) {
      expect(p.url).toMatch(/^\/api\/media\/file\//)
      expect(p.sizes.thumbnail.url).toMatch(/^\/api\/media\/file\/.+-400x300\.jpg$/)
      expect(p.sizes.large.url).toMatch(/^\/api\/media\/file\//)
      expect(p).not.toHaveProperty('uploadedBy')
      expect(p).not.toHaveProperty('sha256')
      expect(p).not.toHaveProperty('isPublic')
    }
  })

  it('GraphQL: published only, internal fields null or refused', async () => {
    const res = await app.graphql(
      '{ Submissions(limit: 50) { docs { id title slug status createdBy { id } } } }',
    )
    const docs = res.body.data?.Submissions?.docs ?? []
    expect(docs.map((d: { id: number }) => d.id).sort()).toEqual(published.map((p) => p.id).sort())
    for (const d of docs) {
      expect(d.status ?? null).toBeNull()
      expect(d.createdBy ?? null).toBeNull()
    }
    const single = await app.graphql(`{ Submission(id: ${draftId}) { id title } }`)
    expect(single.body.data?.Submission ?? null).toBeNull()
  })
})

describe('files', () => {
  it("anonymous users read public photos and their sizes, not drafts' photos", async () => {
    const pub = await app.payload.findByID({ collection: 'media', id: publicPhotos[0]! })
    const priv = await app.payload.findByID({ collection: 'media', id: draftPhotos[0]! })
    expect(pub.isPublic).toBe(true)
    expect(priv.isPublic).toBe(false)
    const original = await app.get(`media/file/${pub.filename}`)
    expect(original.status).toBe(200)
    const thumb = await app.get(`media/file/${(pub.sizes as any).thumbnail.filename}`)
    expect(thumb.status).toBe(200)
    expect((await sharp(Buffer.from(await thumb.arrayBuffer())).metadata()).width).toBe(400)
    expect((await app.get(`media/file/${priv.filename}`)).status).toBe(403)
    expect((await app.get(`media/file/${(priv.sizes as any).thumbnail.filename}`)).status).toBe(403)
    expect((await app.rest('GET', `media/${priv.id}`)).status).not.toBe(200)
    const list = await app.rest('GET', 'media?limit=100')
    const ids = list.body.docs.map((d: { id: number }) => d.id)
    expect(ids).toContain(pub.id)
    expect(ids).not.toContain(priv.id)
    // Office staff read it: the same photos are in a handed-in (approved) submission.
    expect(
      (
        await app.get(`media/file/${priv.filename}`, {
          Authorization: `JWT ${people['tim-pertimbangan'].token}`,
        })
      ).status,
    ).toBe(200)
  })

  it('published photos and all their sizes carry no EXIF location', async () => {
    const withGps = await sharp(await makeJpeg('gps', 10, 2000, 1500))
      .withExif({
        IFD0: { Make: 'KameraDinas' },
        IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '1/1 50/1 0/1' },
      })
      .jpeg()
      .toBuffer()
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(withGps)], { type: 'image/jpeg' }), 'gps.jpg')
    form.append('_payload', JSON.stringify({ alt: 'Foto dengan GPS' }))
    const up = await app.rest('POST', 'media', { token: owner.token, form })
    expect(up.status, JSON.stringify(up.body)).toBe(201)
    const others = await createPhotos(app.payload, owner, 3, 'gpsrest')
    const { id } = await (async () => {
      const doc = await createSubmissionIn(
        app.payload,
        owner,
        'approved',
        [up.body.doc.id, ...others],
        { title: 'Foto berlokasi' },
      )
      await publish(doc.id as number, new Date())
      return doc
    })()
    published.push({ id: id as number, title: 'Foto berlokasi' })
    const media = await app.payload.findByID({ collection: 'media', id: up.body.doc.id })
    const files = [
      media.filename,
      (media.sizes as any).thumbnail.filename,
      (media.sizes as any).large.filename,
    ]
    for (const f of files) {
      const res = await app.get(`media/file/${f}`)
      expect(res.status, f).toBe(200)
      const bytes = Buffer.from(await res.arrayBuffer())
      expect((await sharp(bytes).metadata()).exif, f).toBeUndefined()
      expect(bytes.includes(Buffer.from('KameraDinas')), f).toBe(false)
    }
    expect((media.sizes as any).large.width).toBe(1600)
  })

  it('a published photo can no longer be replaced or deleted by its uploader', async () => {
    const res = await app.rest('DELETE', `media/${publicPhotos[1]}`, { token: owner.token })
    expect(res.status).not.toBe(200)
    expect(
      await app.payload.findByID({
        collection: 'media',
        id: publicPhotos[1]!,
        disableErrors: true,
      }),
    ).not.toBeNull()
  })
})

async function feed(path: string, headers: Record<string, string> = {}) {
  const res = await app.get(`news/${path}`, headers)
  return { res, text: res.status === 200 ? await res.text() : '' }
}

describe('feeds', () => {
  it('RSS 2.0 parses and carries every published item with its facts', async () => {
    const { res, text } = await feed('rss.xml')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('application/rss+xml')
    expect(res.headers.get('cache-control')).toMatch(/public, max-age=\d+/)
    const doc = parser.parse(text)
    const channel = doc.rss.channel
    expect(doc.rss['@version']).toBe('2.0')
    expect(cdata(channel.title)).toBe('Berita PPID Kabupaten Uji')
    expect(channel.language).toBe('id')
    expect(channel.link).toBe(`${SITE}/berita`)
    const items = asArray(channel.item) as Record<string, any>[]
    expect(items).toHaveLength(published.length)
    const titles = items.map((i) => decodeHtmlText(cdata(i.title)))
    expect(titles.sort()).toEqual(published.map((p) => p.title).sort())
    expect(titles).not.toContain('Rahasia draf internal')
    const kujan = items.find((i) =>
      String(i.link).endsWith('/berita/peresmian-jembatan-desa-kujan-2'),
    )!
    expect(kujan.link).toBe(`${SITE}/berita/peresmian-jembatan-desa-kujan-2`)
    expect(kujan.enclosure['@url']).toMatch(new RegExp(`^${SITE}/api/media/file/`))
    expect(kujan.enclosure['@type']).toBe('image/jpeg')
    const content = cdata(kujan['content:encoded'])
    expect(content.match(/<img /g)).toHaveLength(4)
    expect(content).toContain('Desa Kujan, Bulik')
    expect(content).toMatch(/Nomor Register:<\/strong> \S+/)
    expect(content).toContain('Tanggal kegiatan:')
    expect(content).toContain('Bupati Lamandau meninjau pembangunan jembatan.')
    expect(decodeHtmlText(cdata(kujan.description))).toBe('Bupati meninjau jembatan Desa Kujan 🌉')
  })

  it('Atom 1.0 parses with entries, links and enclosures', async () => {
    const { res, text } = await feed('atom.xml')
    expect(res.headers.get('content-type')).toContain('application/atom+xml')
    const doc = parser.parse(text)
    expect(doc.feed['@xmlns']).toBe('http://www.w3.org/2005/Atom')
    const entries = asArray(doc.feed.entry) as Record<string, any>[]
    expect(entries).toHaveLength(published.length)
    for (const e of entries) {
      const links = asArray(e.link) as Record<string, string>[]
      expect(links.find((l) => !l['@rel'])?.['@href']).toMatch(
        new RegExp(`^${SITE}/berita/[a-z0-9-]+$`),
      )
      expect(links.find((l) => l['@rel'] === 'enclosure')?.['@href']).toMatch(/^https:\/\//)
      expect(e.updated).toMatch(/^\d{4}-\d\d-\d\dT/)
    }
  })

  it('JSON Feed 1.1 parses with the required members', async () => {
    const { res, text } = await feed('feed.json')
    expect(res.headers.get('content-type')).toContain('application/feed+json')
    const doc = JSON.parse(text)
    expect(doc.version).toBe('https://jsonfeed.org/version/1.1')
    expect(doc.title).toBe('Berita PPID Kabupaten Uji')
    expect(doc.language).toBe('id')
    expect(doc.home_page_url).toBe(`${SITE}/berita`)
    expect(doc.feed_url).toBe(`${SITE}/api/news/feed.json`)
    expect(doc.items).toHaveLength(published.length)
    for (const item of doc.items) {
      expect(item.id).toBeTruthy()
      expect(item.url).toMatch(new RegExp(`^${SITE}/berita/`))
      expect(item.content_html).toBeTruthy()
      expect(item.image).toMatch(/^https:\/\//)
      expect(item.date_published).toMatch(/^\d{4}-/)
      expect(item._ppid).toHaveProperty('register_number')
      expect(item.attachments.length).toBeGreaterThanOrEqual(4)
    }
  })

  it('hostile titles, captions and narratives arrive as text in all three', async () => {
    const rss = parser.parse((await feed('rss.xml')).text)
    const item = (asArray(rss.rss.channel.item) as Record<string, any>[]).find(
      (i) => decodeHtmlText(cdata(i.title)) === XSS_TITLE,
    )!
    expect(item).toBeDefined()
    expect(cdata(item.title)).not.toContain('<')
    expect(decodeHtmlText(cdata(item.description))).toBe(XSS_CAPTION)
    expect(cdata(item.description)).not.toContain('<')
    const html = cdata(item['content:encoded'])
    expect(hasActiveMarkup(html)).toBe(false)
    expect(html).toContain('&lt;script&gt;alert("narasi")&lt;/script&gt;')
    expect(html).toContain('tautan jahat')

    const atom = parser.parse((await feed('atom.xml')).text)
    const entry = (asArray(atom.feed.entry) as Record<string, any>[]).find(
      (e) => decodeHtmlText(cdata(e.title)) === XSS_TITLE,
    )!
    expect(entry.title['@type']).toBe('html')
    expect(cdata(entry.title)).not.toContain('<')
    expect(hasActiveMarkup(cdata(entry.content))).toBe(false)

    const json = JSON.parse((await feed('feed.json')).text)
    const j = json.items.find((i: { title: string }) => i.title === XSS_TITLE)
    expect(j.summary).toBe(XSS_CAPTION)
    expect(hasActiveMarkup(j.content_html)).toBe(false)
  })

  it('answers 304 to a matching If-None-Match or If-Modified-Since, 200 otherwise', async () => {
    for (const file of ['rss.xml', 'atom.xml', 'feed.json']) {
      const first = await feed(file)
      const etag = first.res.headers.get('etag')!
      const lastModified = first.res.headers.get('last-modified')!
      expect(etag).toMatch(/^"[\w-]+"$/)
      expect(lastModified).toMatch(/GMT$/)
      const again = await feed(file, { 'If-None-Match': etag })
      expect(again.res.status).toBe(304)
      expect(again.res.headers.get('etag')).toBe(etag)
      expect((await feed(file, { 'If-None-Match': `W/"other", ${etag}` })).res.status).toBe(304)
      expect((await feed(file, { 'If-None-Match': '"stale"' })).res.status).toBe(200)
      expect((await feed(file, { 'If-Modified-Since': lastModified })).res.status).toBe(304)
      expect(
        (await feed(file, { 'If-Modified-Since': 'Mon, 01 Jan 2001 00:00:00 GMT' })).res.status,
      ).toBe(200)
    }
  })

  it('a new publication changes the ETag and appears first', async () => {
    const before = (await feed('feed.json')).res.headers.get('etag')!
    await publishNew('Berita terbaru hari ini', 0)
    const after = await feed('feed.json', { 'If-None-Match': before })
    expect(after.res.status).toBe(200)
    expect(JSON.parse(after.text).items[0].title).toBe('Berita terbaru hari ini')
  })
})
