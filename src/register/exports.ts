/**
 * The register of a period as the SOP's register book: rows (one per entry, with the
 * submission's facts) and three renderings — CSV, XLSX (typed date cells) and a
 * printable A4-landscape PDF with letterhead, page numbers and the PPID head's
 * signature block.
 */
import fs from 'node:fs'
import fontkit from '@pdf-lib/fontkit'
import { stringify } from 'csv-stringify/sync'
import ExcelJS from 'exceljs'
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib'
import type { Payload } from 'payload'
import { idOf, pluginContextOf, SLUGS } from '../context.js'
import { newsSettings } from '../news/query.js'
import { statusLabels } from '../translations/index.js'
import { formatLocal, wallClock, type Period } from '../workflow/period.js'
import { isStatus } from '../workflow/model.js'

export interface RegisterRow {
  no: number
  number: string
  at: Date
  kind: 'documentation' | 'content'
  activity: string
  team: string
  photos: number
  caption: string
  status: string
  publishedAt: Date | null
  links: string[]
}

export interface Signatory {
  name: string
  nip: string
  jabatan: string
}

type Doc = Record<string, any>

export async function registerRows(
  payload: Payload,
  period: Period,
  kind?: 'documentation' | 'content',
): Promise<RegisterRow[]> {
  const where: Doc = {
    and: [
      { at: { greater_than_equal: period.start.toISOString() } },
      { at: { less_than: period.end.toISOString() } },
    ],
  }
  if (kind) where.and.push({ kind: { equals: kind } })
  const entries = (
    await payload.find({
      collection: SLUGS.register,
      where,
      sort: 'chainIndex',
      depth: 0,
      pagination: false,
      overrideAccess: true,
    })
  ).docs as Doc[]
  const ids = [...new Set(entries.map((e) => idOf(e.submission)))]
  const subs = ids.length
    ? ((
        await payload.find({
          collection: SLUGS.submissions,
          where: { id: { in: ids } },
          depth: 1,
          pagination: false,
          overrideAccess: true,
          select: {
            title: true,
            caption: true,
            photos: true,
            status: true,
            publishedAt: true,
            createdBy: true,
          },
        })
      ).docs as Doc[])
    : []
  const byId = new Map(subs.map((s) => [String(s.id), s]))
  const links = new Map<string, string[]>()
  if (ids.length && payload.collections[SLUGS.publications]) {
    const pubs = (
      await payload.find({
        collection: SLUGS.publications,
        where: { and: [{ submission: { in: ids } }, { status: { equals: 'published' } }] },
        depth: 0,
        pagination: false,
        overrideAccess: true,
      })
    ).docs as Doc[]
    for (const p of pubs)
      if (p.permalink)
        links.set(String(idOf(p.submission)), [
          ...(links.get(String(idOf(p.submission))) ?? []),
          p.permalink,
        ])
  }
  return entries.map((e, i) => {
    const s = byId.get(String(idOf(e.submission))) ?? {}
    const status = isStatus(s.status)
      ? statusLabels[s.status as keyof typeof statusLabels].id
      : String(s.status ?? '')
    return {
      no: i + 1,
      number: String(e.number),
      at: new Date(e.at),
      kind: e.kind,
      activity: String(s.title ?? ''),
      // The name as of the act (snapshot); entries written before the snapshot existed read the live user.
      team: String(e.ownerName ?? (s.createdBy as Doc | undefined)?.name ?? ''),
      photos: Array.isArray(s.photos) ? s.photos.length : 0,
      caption: String(s.caption ?? ''),
      status,
      publishedAt: s.publishedAt ? new Date(s.publishedAt) : null,
      links: links.get(String(idOf(e.submission))) ?? [],
    }
  })
}

/** The PPID head who signs: the first active user with the ketua-ppid role. */
export async function signatory(payload: Payload): Promise<Signatory | null> {
  const users = pluginContextOf(payload.config)?.slugs.users ?? 'users'
  const found = await payload.find({
    collection: users,
    where: { roles: { contains: 'ketua-ppid' } },
    sort: 'createdAt',
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  const u = found.docs[0] as Doc | undefined
  return u
    ? {
        name: String(u.name ?? ''),
        nip: String(u.nip ?? ''),
        jabatan: String(u.jabatan ?? 'Ketua PPID'),
      }
    : null
}

export const HEADERS = [
  'No',
  'Nomor Register',
  'Tanggal',
  'Jenis',
  'Kegiatan',
  'Tim Pelaksana',
  'Jumlah Foto',
  'Caption',
  'Status',
  'Tanggal Unggah',
  'Tautan',
]
const KIND_LABEL = { documentation: 'Dokumentasi', content: 'Konten' } as const

/**
 * A text cell a spreadsheet program would read as a formula (OWASP "CSV injection"):
 * starting with = + - @, a tab or a carriage return. Prefixed with a single quote so it
 * stays text (`=HYPERLINK(…)` → `'=HYPERLINK(…)`). Numbers and dates are not text cells.
 */
export function neutralizeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

const text = (value: string) => neutralizeCell(value)

export function registerCsv(rows: RegisterRow[], timeZone: string): string {
  const records = rows.map((r) => [
    r.no,
    text(r.number),
    formatLocal(r.at, timeZone),
    KIND_LABEL[r.kind],
    text(r.activity),
    text(r.team),
    r.photos,
    text(r.caption),
    text(r.status),
    formatLocal(r.publishedAt, timeZone),
    text(r.links.join(' ')),
  ])
  // BOM: spreadsheet programs then read the file as UTF-8 (é, emoji).
  return '\uFEFF' + stringify([HEADERS, ...records], { record_delimiter: 'windows' })
}

export async function registerXlsx(
  rows: RegisterRow[],
  timeZone: string,
  title: string,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'payload-plugin-sop-medsos'
  const ws = wb.addWorksheet('Register')
  ws.columns = [
    { header: HEADERS[0], key: 'no', width: 5 },
    { header: HEADERS[1], key: 'number', width: 28 },
    { header: HEADERS[2], key: 'at', width: 17, style: { numFmt: 'dd/mm/yyyy hh:mm' } },
    { header: HEADERS[3], key: 'kind', width: 12 },
    { header: HEADERS[4], key: 'activity', width: 40 },
    { header: HEADERS[5], key: 'team', width: 22 },
    { header: HEADERS[6], key: 'photos', width: 8 },
    { header: HEADERS[7], key: 'caption', width: 50 },
    { header: HEADERS[8], key: 'status', width: 16 },
    { header: HEADERS[9], key: 'publishedAt', width: 17, style: { numFmt: 'dd/mm/yyyy hh:mm' } },
    { header: HEADERS[10], key: 'links', width: 50 },
  ]
  ws.getRow(1).font = { bold: true }
  ws.views = [{ state: 'frozen', ySplit: 1 }]
  for (const r of rows) {
    // String cells are never formulas in the file itself; the prefix keeps them text when
    // someone edits the cell or saves the sheet again as CSV.
    ws.addRow({
      ...r,
      number: text(r.number),
      activity: text(r.activity),
      team: text(r.team),
      caption: text(r.caption),
      status: text(r.status),
      at: wallClock(r.at, timeZone),
      publishedAt: r.publishedAt ? wallClock(r.publishedAt, timeZone) : null,
      kind: KIND_LABEL[r.kind],
      links: text(r.links.join('\n')),
    })
  }
  wb.title = title
  return Buffer.from(await wb.xlsx.writeBuffer())
}

// ---------------------------------------------------------------- PDF

// Resolved at run time by Node, out of the bundler's sight (Next's webpack would try to
// bundle the font files as modules).
const nodeRequire = (
  process.getBuiltinModule('node:module') as typeof import('node:module')
).createRequire(import.meta.url)
export const fontFile = (name: string) =>
  fs.readFileSync(nodeRequire.resolve(['dejavu-fonts-ttf', 'ttf', name].join('/')))

/** Characters the font cannot draw (emoji) become "□" instead of breaking the document. */
export function drawable(font: PDFFont, text: string): string {
  const set = new Set(font.getCharacterSet())
  return [...text].map((ch) => (set.has(ch.codePointAt(0)!) ? ch : ch.trim() ? '□' : ' ')).join('')
}

export function wrap(font: PDFFont, text: string, size: number, width: number): string[] {
  const lines: string[] = []
  for (const para of drawable(font, text).split('\n')) {
    let line = ''
    for (const word of para.split(/\s+/).filter(Boolean)) {
      let w = word
      while (font.widthOfTextAtSize(w, size) > width) {
        let cut = w.length - 1
        while (cut > 1 && font.widthOfTextAtSize(w.slice(0, cut), size) > width) cut--
        if (line) {
          lines.push(line)
          line = ''
        }
        lines.push(w.slice(0, cut))
        w = w.slice(cut)
      }
      const next = line ? `${line} ${w}` : w
      if (font.widthOfTextAtSize(next, size) > width) {
        lines.push(line)
        line = w
      } else line = next
    }
    lines.push(line)
  }
  return lines.length ? lines : ['']
}

export async function registerPdf(
  payload: Payload,
  rows: RegisterRow[],
  period: Period,
  timeZone: string,
): Promise<Buffer> {
  const settings = newsSettings(payload)
  const sign = await signatory(payload)
  const doc = await PDFDocument.create()
  doc.registerFontkit(fontkit)
  const font = await doc.embedFont(fontFile('DejaVuSans.ttf'), { subset: true })
  const bold = await doc.embedFont(fontFile('DejaVuSans-Bold.ttf'), { subset: true })
  doc.setTitle(`Register Dokumentasi dan Konten — ${period.label}`)
  doc.setAuthor(settings.agencyName)
  doc.setLanguage('id-ID')
  const [W, H] = [841.89, 595.28] // A4 landscape
  const M = 36
  const cols = [20, 118, 58, 56, 110, 86, 26, 110, 56, 58, 0]
  const pdfHeaders = [
    'No',
    'Nomor Register',
    'Tanggal',
    'Jenis',
    'Kegiatan',
    'Tim Pelaksana',
    'Foto',
    'Caption',
    'Status',
    'Tanggal Unggah',
    'Tautan',
  ]
  cols[10] = W - 2 * M - cols.slice(0, 10).reduce((a, b) => a + b, 0)
  const size = 7.5
  const lineH = 9.5
  const pages: PDFPage[] = []
  let page!: PDFPage
  let y = 0
  const header = () => {
    page = doc.addPage([W, H])
    pages.push(page)
    y = H - M
    page.drawText(drawable(bold, settings.agencyName.toUpperCase()), {
      x: M,
      y: y - 12,
      size: 13,
      font: bold,
    })
    page.drawText('REGISTER DOKUMENTASI DAN KONTEN MEDIA SOSIAL', {
      x: M,
      y: y - 28,
      size: 10.5,
      font: bold,
    })
    page.drawText(drawable(font, `Periode: ${period.label} (WIB)`), {
      x: M,
      y: y - 42,
      size: 9,
      font,
    })
    page.drawLine({
      start: { x: M, y: y - 50 },
      end: { x: W - M, y: y - 50 },
      thickness: 1.2,
      color: rgb(0, 0, 0),
    })
    y -= 66
    let x = M
    pdfHeaders.forEach((h, i) => {
      const lines = wrap(bold, h, size, cols[i]! - 4)
      lines.forEach((l, j) => page.drawText(l, { x: x + 2, y: y - j * lineH, size, font: bold }))
      x += cols[i]!
    })
    y -= 2 * lineH + 2
    page.drawLine({ start: { x: M, y: y + 6 }, end: { x: W - M, y: y + 6 }, thickness: 0.6 })
  }
  header()
  for (const r of rows) {
    const cells = [
      String(r.no),
      r.number,
      formatLocal(r.at, timeZone),
      KIND_LABEL[r.kind],
      r.activity,
      r.team,
      String(r.photos),
      r.caption,
      r.status,
      formatLocal(r.publishedAt, timeZone),
      r.links.join('\n'),
    ]
    const wrapped = cells.map((c, i) => wrap(font, c, size, cols[i]! - 4))
    const height = Math.max(...wrapped.map((w) => w.length)) * lineH + 4
    if (y - height < M + 24) header()
    let x = M
    wrapped.forEach((lines, i) => {
      lines.forEach((l, j) => page.drawText(l, { x: x + 2, y: y - j * lineH, size, font }))
      x += cols[i]!
    })
    y -= height
    page.drawLine({
      start: { x: M, y: y + 6 },
      end: { x: W - M, y: y + 6 },
      thickness: 0.3,
      color: rgb(0.6, 0.6, 0.6),
    })
  }
  if (!rows.length) {
    page.drawText('Tidak ada entri pada periode ini.', { x: M, y, size: 9, font })
    y -= 20
  }
  // Signature block of the PPID head, bottom right.
  if (y < M + 110) header()
  const sx = W - M - 230
  const today = formatLocal(new Date(), timeZone, false)
  const block = [
    `${today}`,
    sign?.jabatan ?? 'Ketua PPID',
    '',
    '',
    '',
    sign?.name ?? '(nama)',
    sign?.nip ? `NIP ${sign.nip}` : 'NIP',
  ]
  block.forEach((l, i) =>
    page.drawText(drawable(i === 5 ? bold : font, l), {
      x: sx,
      y: y - 14 - i * 12,
      size: 9,
      font: i === 5 ? bold : font,
    }),
  )
  pages.forEach((p, i) => {
    const text = `Halaman ${i + 1} dari ${pages.length}`
    p.drawText(text, { x: W - M - font.widthOfTextAtSize(text, 8), y: M - 16, size: 8, font })
  })
  return Buffer.from(await doc.save())
}
