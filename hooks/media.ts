import { createHash } from 'node:crypto'
import sharp from 'sharp'
import type { CollectionAfterReadHook, CollectionBeforeChangeHook, CollectionBeforeOperationHook } from 'payload'
import { SLUGS } from '../src/context.js'
import { badRequest, forbidden } from './errors.js'

const HASH_KEY = 'sopMedsosFileSha256'
/** 50 megapixels: every phone and camera photo (a 12 MP one is 12), not a bomb. */
export const MAX_IMAGE_PIXELS = 50_000_000

/**
 * Every uploaded image is decoded (not trusted by extension or MIME header) and
 * re-encoded without metadata, so EXIF location data never reaches storage; the
 * SHA-256 of the stored bytes goes into the content hash of reviews.
 */
export const decodeAndStripImage: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file
  if (!file?.data) return args
  if (file.mimetype?.startsWith('image/')) {
    let tooLarge: { pixels: number; max: number } | null = null
    try {
      // A small file may declare huge dimensions (a decompression bomb): the header is
      // read first, and nothing over the limit is decoded.
      const { width = 0, height = 0 } = await sharp(file.data, { limitInputPixels: false }).metadata()
      if (width * height > MAX_IMAGE_PIXELS) {
        tooLarge = { pixels: Math.round((width * height) / 1e6), max: MAX_IMAGE_PIXELS / 1e6 }
        throw new Error('too many pixels')
      }
      const image = sharp(file.data, { failOn: 'error', limitInputPixels: MAX_IMAGE_PIXELS })
      const { format } = await image.metadata()
      // rotate() applies the EXIF orientation before the metadata is dropped.
      let pipeline = image.rotate().keepIccProfile()
      if (format === 'jpeg') pipeline = pipeline.jpeg({ quality: 90, mozjpeg: false })
      else if (format === 'webp') pipeline = pipeline.webp({ quality: 90 })
      else if (format === 'png') pipeline = pipeline.png()
      else throw new Error(`unsupported image format ${format}`)
      const data = await pipeline.toBuffer()
      file.data = data
      file.size = data.length
    } catch {
      if (tooLarge) throw badRequest(req, 'imageTooLarge', { filename: file.name, ...tooLarge })
      throw badRequest(req, 'notAnImage', { filename: file.name })
    }
  }
  req.context[HASH_KEY] = createHash('sha256').update(file.data).digest('hex')
  return args
}

export const recordFileFacts: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  const hash = req.context[HASH_KEY]
  if (typeof hash === 'string') data.sha256 = hash
  if (operation === 'create' && req.user) data.uploadedBy = req.user.id
  return data
}

/** What an anonymous reader learns of a public file: how to show it, nothing about who or when. */
export const PUBLIC_MEDIA_FIELDS = ['id', 'alt', 'url', 'thumbnailURL', 'filename', 'mimeType', 'filesize', 'width', 'height', 'focalX', 'focalY', 'sizes'] as const

export const publicMediaFieldsOnly: CollectionAfterReadHook = ({ doc, req }) => {
  if (req.user || req.payloadAPI === 'local') return doc
  const out: Record<string, unknown> = {}
  for (const key of PUBLIC_MEDIA_FIELDS) if (key in doc) out[key] = doc[key]
  return out
}

/** Is this file part of a submission that left `draft` (the record)? */
async function inRecord(req: Parameters<CollectionBeforeOperationHook>[0]['req'], id: unknown): Promise<boolean> {
  if (id === undefined || id === null) return false
  const found = await req.payload.count({
    collection: SLUGS.submissions,
    where: { and: [{ status: { not_equals: 'draft' } }, { or: [{ photos: { in: [id] } }, { videos: { in: [id] } }] }] },
    overrideAccess: true,
    req,
  })
  return found.totalDocs > 0
}

/**
 * A file handed in with a submission is evidence: nobody (admin included) deletes it or
 * swaps its bytes. Changing its alt text stays possible.
 */
export const protectRecordedMedia: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  const id = (args as { id?: unknown }).id
  if (operation === 'delete' || operation === 'deleteByID') {
    if (await inRecord(req, id)) throw forbidden(req, 'mediaInRecord')
    const where = (args as { where?: unknown }).where
    if (id === undefined && where) {
      const targets = await req.payload.find({ collection: 'media', where: where as never, depth: 0, pagination: false, overrideAccess: true, req })
      for (const doc of targets.docs) if (await inRecord(req, doc.id)) throw forbidden(req, 'mediaInRecord')
    }
  }
  if ((operation === 'update' || operation === 'updateByID') && req.file?.data && (await inRecord(req, id))) {
    throw forbidden(req, 'mediaInRecord')
  }
  return args
}
