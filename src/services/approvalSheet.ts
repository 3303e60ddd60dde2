/**
 * Lembar Persetujuan Publikasi: the approved content and the whole chain of written
 * responses and decisions, with the approved SHA-256 content hash and a QR code of the
 * public verification URL. Made at approval, stored in `approval-sheets`, linked from
 * the register's `content` entry.
 */
import fontkit from '@pdf-lib/fontkit'
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib'
import type { Payload, PayloadRequest } from 'payload'
import QRCode from 'qrcode'
import sharp from 'sharp'
import { APPROVAL_SHEETS, idOf, pluginContext, SLUGS, WORKFLOW_CONTEXT } from '../context.js'
import { newsSettings } from '../news/query.js'
import { actionLabels } from '../translations/index.js'
import { isAction } from '../workflow/model.js'
import { formatLocal } from '../workflow/period.js'
import { plainText } from '../workflow/text.js'
import { readStoredFile } from '../files.js'
import { drawable, fontFile, wrap } from '../register/exports.js'

type Doc = Record<string, any>

export { APPROVAL_SHEETS }

export function verificationUrl(payload: Payload, hash: string): string {
  return `${newsSettings(payload).siteUrl}${payload.config.routes.api}/register/verify?hash=${hash}`
}

export async function approvalSheetPdf(
  payload: Payload,
  submissionId: string | number,
  req?: PayloadRequest,
): Promise<{ pdf: Buffer; hash: string; url: string; submission: Doc }> {
  const ctx = pluginContext(payload)
  const tz = ctx.options.timeZone
  const settings = newsSettings(payload)
  const s = (await payload.findByID({
    collection: SLUGS.submissions,
    id: submissionId,
    depth: 1,
    overrideAccess: true,
    req,
    context: { [WORKFLOW_CONTEXT]: true },
  })) as Doc
  const reviews = (
    await payload.find({
      collection: SLUGS.reviews,
      where: { submission: { equals: submissionId } },
      sort: 'createdAt',
      depth: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })
  ).docs as Doc[]
  const approval = [...reviews].reverse().find((r) => r.toStatus === 'approved')
  const hash = String(approval?.contentHash ?? '')
  const url = verificationUrl(payload, hash)

  const doc = await PDFDocument.create()
  doc.registerFontkit(fontkit)
  const font = await doc.embedFont(fontFile('DejaVuSans.ttf'), { subset: true })
  const bold = await doc.embedFont(fontFile('DejaVuSans-Bold.ttf'), { subset: true })
  doc.setTitle(`Lembar Persetujuan Publikasi — ${s.registerNumber ?? ''}`)
  doc.setAuthor(settings.agencyName)
  doc.setLanguage('id-ID')
  const [W, H, M] = [595.28, 841.89, 42] // A4 portrait
  let page: PDFPage = doc.addPage([W, H])
  let y = H - M
  const ensure = (h: number) => {
    if (y - h < M + 20) {
      page = doc.addPage([W, H])
      y = H - M
    }
  }
  const text = (
    t: string,
    opts: { f?: PDFFont; size?: number; x?: number; width?: number; gap?: number } = {},
  ) => {
    const f = opts.f ?? font
    const size = opts.size ?? 9.5
    const x = opts.x ?? M
    for (const line of wrap(f, t, size, opts.width ?? W - 2 * M - (x - M))) {
      ensure(size + 3)
      page.drawText(line, { x, y: y - size, size, font: f })
      y -= size + 3
    }
    y -= opts.gap ?? 2
  }
  const field = (label: string, value: string) => {
    ensure(14)
    page.drawText(label, { x: M, y: y - 9.5, size: 9.5, font: bold })
    const before = y
    text(value || '-', { x: M + 135, width: W - 2 * M - 135 })
    if (y === before) y -= 12
  }

  page.drawText(drawable(bold, settings.agencyName.toUpperCase()), {
    x: M,
    y: y - 13,
    size: 13,
    font: bold,
  })
  y -= 32
  page.drawText('LEMBAR PERSETUJUAN PUBLIKASI', { x: M, y: y - 12, size: 12, font: bold })
  y -= 22
  page.drawLine({ start: { x: M, y }, end: { x: W - M, y }, thickness: 1.2, color: rgb(0, 0, 0) })
  y -= 12
  // QR code of the verification URL, top right.
  const qr = await doc.embedPng(
    await QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 360 }),
  )
  page.drawImage(qr, { x: W - M - 110, y: y - 110, width: 110, height: 110 })
  const left = W - 2 * M - 125
  const fieldNarrow = (label: string, value: string) => {
    page.drawText(label, { x: M, y: y - 9.5, size: 9.5, font: bold })
    text(value || '-', { x: M + 110, width: left - 110 })
  }
  fieldNarrow('Nomor Register', String(s.registerNumber ?? ''))
  fieldNarrow('Judul kegiatan', String(s.title ?? ''))
  fieldNarrow('Tanggal kegiatan', formatLocal(s.activityDate, tz, false))
  fieldNarrow('Tempat', String(s.location ?? ''))
  y = Math.min(y, H - M - 66 - 120)
  field('Caption', String(s.caption ?? ''))
  field('Hash konten (SHA-256)', hash)
  field('Verifikasi', url)

  // Photo thumbnails.
  const photos = ((s.photos ?? []) as Doc[]).filter((p) => p && typeof p === 'object')
  if (photos.length) {
    ensure(110)
    page.drawText('Foto', { x: M, y: y - 9.5, size: 9.5, font: bold })
    y -= 16
    let x = M
    for (const p of photos) {
      try {
        const bytes = await readStoredFile(payload, ctx.slugs.media, p)
        const thumb = await sharp(bytes)
          .resize({ width: 240, height: 180, fit: 'cover' })
          .jpeg({ quality: 75 })
          .toBuffer()
        const img = await doc.embedJpg(thumb)
        if (x + 120 > W - M) {
          x = M
          y -= 98
          ensure(95)
        }
        page.drawImage(img, { x, y: y - 90, width: 120, height: 90 })
        x += 126
      } catch {
        /* a missing file does not stop the sheet */
      }
    }
    y -= 100
  }
  ensure(30)
  page.drawText('Narasi berita', { x: M, y: y - 9.5, size: 9.5, font: bold })
  y -= 14
  text(plainText(s.narrative), { gap: 8 })

  // The chain of written responses and decisions.
  ensure(40)
  page.drawText('Tanggapan tertulis dan keputusan', { x: M, y: y - 10, size: 10, font: bold })
  y -= 18
  for (const r of reviews) {
    const action = isAction(r.action) ? actionLabels[r.action].id : String(r.action)
    text(`${formatLocal(r.createdAt, tz)} WIB — ${action} (${r.fromStatus} → ${r.toStatus})`, {
      f: bold,
      size: 9,
    })
    text(
      `${r.actorName ?? '-'} · ${r.actorJabatan ?? '-'}${r.actorNip ? ` · NIP ${r.actorNip}` : ''}`,
      { size: 9, x: M + 12 },
    )
    if (r.note) text(`Catatan: ${r.note}`, { size: 9, x: M + 12 })
    y -= 4
  }
  const pages = doc.getPages()
  pages.forEach((p, i) => {
    const t = `${s.registerNumber ?? ''} · Halaman ${i + 1} dari ${pages.length}`
    p.drawText(drawable(font, t), {
      x: W - M - font.widthOfTextAtSize(drawable(font, t), 8),
      y: M - 20,
      size: 8,
      font,
    })
  })
  return { pdf: Buffer.from(await doc.save()), hash, url, submission: s }
}

/** Makes and stores the sheet (in the approving action's transaction). */
export async function storeApprovalSheet(
  req: PayloadRequest,
  submissionId: string | number,
): Promise<Doc> {
  const { pdf, hash, submission: s } = await approvalSheetPdf(req.payload, submissionId, req)
  const name = `lembar-persetujuan-${String(s.registerNumber ?? submissionId).replace(/[^\w-]+/g, '-')}-${Date.now()}.pdf`
  return (await req.payload.create({
    collection: APPROVAL_SHEETS,
    data: {
      submission: submissionId,
      contentHash: hash,
      registerNumber: s.registerNumber ?? null,
      submissionOwner: idOf(s.createdBy),
    },
    file: { data: pdf, mimetype: 'application/pdf', name, size: pdf.length },
    overrideAccess: true,
    depth: 0,
    req,
    context: { [WORKFLOW_CONTEXT]: true },
  })) as Doc
}
