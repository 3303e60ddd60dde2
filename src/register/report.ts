/** The monthly report from the database: facts → monthlyReport (pure) → JSON, SVG or PDF. */
import fontkit from '@pdf-lib/fontkit'
import { PDFDocument } from 'pdf-lib'
import type { Payload, Where } from 'payload'
import sharp from 'sharp'
import { idOf, SLUGS } from '../context.js'
import { newsSettings } from '../news/query.js'
import { monthlyReport, reportChartSvg, type MonthlyReport } from '../workflow/report.js'
import type { Period } from '../workflow/period.js'
import { drawable, fontFile } from './exports.js'

type Doc = Record<string, any>

export async function buildMonthlyReport(
  payload: Payload,
  period: Period,
  timeZone: string,
): Promise<MonthlyReport> {
  const within: Where[] = [
    { createdAt: { greater_than_equal: period.start.toISOString() } },
    { createdAt: { less_than: period.end.toISOString() } },
  ]
  const touched = (
    await payload.find({
      collection: SLUGS.reviews,
      where: { and: within },
      depth: 0,
      pagination: false,
      overrideAccess: true,
      select: { submission: true },
    })
  ).docs as Doc[]
  const pubs = payload.collections[SLUGS.publications]
    ? ((
        await payload.find({
          collection: SLUGS.publications,
          where: {
            and: [
              { status: { equals: 'published' } },
              { publishedAt: { greater_than_equal: period.start.toISOString() } },
              { publishedAt: { less_than: period.end.toISOString() } },
            ],
          },
          depth: 0,
          pagination: false,
          overrideAccess: true,
        })
      ).docs as Doc[])
    : []
  const ids = [...new Set([...touched, ...pubs].map((d) => idOf(d.submission)))]
  const reviews = ids.length
    ? ((
        await payload.find({
          collection: SLUGS.reviews,
          where: { submission: { in: ids } },
          sort: 'createdAt',
          depth: 0,
          pagination: false,
          overrideAccess: true,
        })
      ).docs as Doc[])
    : []
  const subs = ids.length
    ? ((
        await payload.find({
          collection: SLUGS.submissions,
          where: { id: { in: ids } },
          depth: 0,
          pagination: false,
          overrideAccess: true,
          select: { activityDate: true },
        })
      ).docs as Doc[])
    : []
  return monthlyReport(
    period,
    timeZone,
    reviews.map((r) => ({
      submission: idOf(r.submission)!,
      action: r.action,
      fromStatus: r.fromStatus,
      toStatus: r.toStatus,
      at: new Date(r.createdAt),
    })),
    subs.map((s) => ({ id: s.id, activityDate: s.activityDate ? new Date(s.activityDate) : null })),
    pubs.map((p) => ({
      submission: idOf(p.submission)!,
      platform: p.platform,
      publishedAt: new Date(p.publishedAt),
    })),
  )
}

const fmt = (n: number | null) => (n === null ? '-' : String(n).replace('.', ','))

export async function monthlyReportPdf(payload: Payload, report: MonthlyReport): Promise<Buffer> {
  const settings = newsSettings(payload)
  const doc = await PDFDocument.create()
  doc.registerFontkit(fontkit)
  const font = await doc.embedFont(fontFile('DejaVuSans.ttf'), { subset: true })
  const bold = await doc.embedFont(fontFile('DejaVuSans-Bold.ttf'), { subset: true })
  doc.setTitle(`Laporan Bulanan — ${report.period.label}`)
  doc.setLanguage('id-ID')
  const [W, H, M] = [841.89, 595.28, 36]
  const page = doc.addPage([W, H])
  let y = H - M
  const line = (t: string, f = font, size = 9.5, x = M) => {
    page.drawText(drawable(f, t), { x, y: y - size, size, font: f })
    y -= size + 5
  }
  line(settings.agencyName.toUpperCase(), bold, 13)
  line(
    `LAPORAN BULANAN ALUR UNGGAH KONTEN MEDIA SOSIAL — ${report.period.label.toUpperCase()}`,
    bold,
    11,
  )
  y -= 4
  const c = report.counts
  line(
    `Diserahkan ${c.handedIn} · Diterima ${c.accepted} · Dikembalikan ${c.returned} · Disetujui ${c.approved} · Ditolak permanen ${c.declined} · Diunggah ${c.published}`,
  )
  const platforms = Object.entries(report.publishedByPlatform)
    .map(([p, n]) => `${p} ${n}`)
    .join(' · ')
  line(`Diunggah per platform: ${platforms || '-'}`)
  line(
    `Tingkat keterlambatan: ${report.overdueRate === null ? '-' : `${fmt(Math.round(report.overdueRate * 1000) / 10)}%`}`,
    bold,
  )
  y -= 6
  const cols = [260, 70, 110, 110, 90]
  const head = ['Langkah SOP', 'Jumlah', 'Rata-rata (jam)', 'Terlama (jam)', 'Terlambat']
  let x = M
  head.forEach((h, i) => {
    page.drawText(h, { x, y: y - 9, size: 9, font: bold })
    x += cols[i]!
  })
  y -= 16
  for (const s of report.steps) {
    x = M
    ;[
      `${s.step}. ${s.label}`,
      String(s.count),
      fmt(s.averageHours),
      fmt(s.worstHours),
      String(s.overdue),
    ].forEach((v, i) => {
      page.drawText(drawable(font, v), { x, y: y - 9, size: 9, font })
      x += cols[i]!
    })
    y -= 14
  }
  if (report.days.length) {
    const png = await sharp(Buffer.from(reportChartSvg(report)))
      .png()
      .toBuffer()
    const img = await doc.embedPng(png)
    const w = W - 2 * M
    const h = (img.height / img.width) * w
    page.drawImage(img, { x: M, y: Math.max(M, y - h - 10), width: w, height: h })
  }
  return Buffer.from(await doc.save())
}
