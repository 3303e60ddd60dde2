import { createHash, randomUUID } from 'node:crypto'
import path from 'node:path'
import sharp from 'sharp'
import type {
  CollectionAfterChangeHook,
  CollectionAfterReadHook,
  CollectionBeforeChangeHook,
  CollectionBeforeOperationHook,
  FieldHook,
  PayloadRequest,
  Where,
} from 'payload'
import { idOf, isWellFormedId, SLUGS, WORKFLOW_CONTEXT, type PluginContext } from '../context.js'
import { badRequest, forbidden } from './errors.js'
import { hasRole } from '../access/roles.js'
import { SOP_UPLOADERS } from '../access/media.js'

const ORIGINAL_NAME_KEY = 'sopMedsosOriginalFilename'
/** 50 megapixels: every phone and camera photo (a 12 MP one is 12), not a bomb. */
export const MAX_IMAGE_PIXELS = 50_000_000

/**
 * What Payload derives from the stored file. Nobody writes them through the API: a new
 * file decides them (they are dropped from a request that carries one); without a file,
 * sending the stored value back is fine (the admin form does) and any other value is
 * refused (403 `mediaFileFacts`). Payload itself already drops `filename`, `url` and
 * `sizes` from every create/update before the hooks run (silently ignored).
 */
export const FILE_FACT_FIELDS = [
  'filename',
  'mimeType',
  'filesize',
  'width',
  'height',
  'url',
  'thumbnailURL',
  'sizes',
] as const

const EXTENSIONS: Record<string, string> = { jpeg: '.jpg', png: '.png', webp: '.webp' }

/**
 * Files are stored under a fresh random name (UUID), never the name the client sent, so
 * two uploads can never write to the same path: the "same name at the same moment" race
 * cannot swap one user's photo for another's. The name the client sent is kept in
 * `originalFilename`.
 */
function storageName(original: string, ext: string): string {
  const fallback = path
    .extname(original)
    .toLowerCase()
    .replace(/[^.a-z0-9]/g, '')
  return `${randomUUID()}${ext || fallback}`
}

/**
 * Every uploaded image is decoded (not trusted by extension or MIME header) and
 * re-encoded without metadata, so EXIF location data never reaches storage.
 */
export const decodeAndStripImage: CollectionBeforeOperationHook = async ({
  args,
  operation,
  req,
}) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file
  req.context[ORIGINAL_NAME_KEY] = file?.data ? file.name : undefined
  if (!file?.data) return args
  let ext = ''
  if (file.mimetype?.startsWith('image/')) {
    let tooLarge: { pixels: number; max: number } | null = null
    try {
      // A small file may declare huge dimensions (a decompression bomb): the header is
      // read first, and nothing over the limit is decoded.
      const { width = 0, height = 0 } = await sharp(file.data, {
        limitInputPixels: false,
      }).metadata()
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
      ext = EXTENSIONS[format] ?? ''
    } catch {
      if (tooLarge) throw badRequest(req, 'imageTooLarge', { filename: file.name, ...tooLarge })
      throw badRequest(req, 'notAnImage', { filename: file.name })
    }
  } else if (file.mimetype === 'video/mp4') ext = '.mp4'
  file.name = storageName(file.name, ext)
  return args
}

/**
 * `sha256` always describes the bytes Payload is about to store: it is computed here
 * (after Payload's own processing, e.g. an `uploadEdits` crop of an unrecorded file,
 * has replaced `req.file`), not from what the client sent.
 */
export const recordFileFacts: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  const bytes = req.file?.data
  if (bytes && bytes.length > 0) {
    data.sha256 = createHash('sha256').update(bytes).digest('hex')
    const original = req.context[ORIGINAL_NAME_KEY]
    if (typeof original === 'string') data.originalFilename = original.slice(0, 255)
  }
  if (operation === 'create' && req.user) {
    data.uploadedBy = req.user.id
    // An upload by a role that uploads for the SOP (the field team; the Ketua PPID
    // correcting) is the SOP's file from the start, before it is attached: an app's
    // public read rule does not show it. The admin's and other staff's uploads are the
    // app's files until a submission holds them (recordAttachedMedia).
    if (hasRole(req.user, ...SOP_UPLOADERS)) data.sopFile = true
  }
  return data
}

/** Files stored before random names existed: their stored name is the original one. */
export const originalFilenameFallback: FieldHook = ({ value, siblingData }) =>
  value ?? (siblingData as { filename?: unknown })?.filename ?? null

/** What an anonymous reader learns of a public file: how to show it, nothing about who or when. */
export const PUBLIC_MEDIA_FIELDS = [
  'id',
  'alt',
  'url',
  'thumbnailURL',
  'filename',
  'mimeType',
  'filesize',
  'width',
  'height',
  'focalX',
  'focalY',
  'sizes',
] as const

export const publicMediaFieldsOnly: CollectionAfterReadHook = ({ doc, req }) => {
  if (req.user || req.payloadAPI === 'local') return doc
  const out: Record<string, unknown> = {}
  for (const key of PUBLIC_MEDIA_FIELDS) if (key in doc) out[key] = doc[key]
  return out
}

type Req = PayloadRequest

/**
 * Is this file part of the record? Once it was attached to a submission that left
 * `draft` (so also every file of a handed-in version) `recordedAt` is set and never
 * cleared; a file attached to a non-draft submission counts even before that (data
 * from before the field existed).
 */
async function inRecord(req: Req, doc: { id: unknown; recordedAt?: unknown }): Promise<boolean> {
  if (doc.recordedAt) return true
  const found = await req.payload.count({
    collection: SLUGS.submissions,
    where: {
      and: [
        { status: { not_equals: 'draft' } },
        { or: [{ photos: { in: [doc.id] } }, { videos: { in: [doc.id] } }] },
      ],
    },
    overrideAccess: true,
    req,
  })
  return found.totalDocs > 0
}

type MediaDoc = Record<string, unknown> & {
  id: string | number
  recordedAt?: unknown
  focalX?: unknown
  focalY?: unknown
}

/** The documents an update or delete will touch (by id or by `where`), with every field. */
async function targetsOf(
  req: Req,
  media: string,
  args: { id?: unknown; where?: unknown },
): Promise<MediaDoc[]> {
  if (args.id !== undefined && args.id !== null) {
    // A malformed id finds nothing: Payload answers it (4xx), not a failed query here.
    const idType = req.payload.collections[media]?.customIDType ?? req.payload.db.defaultIDType
    if (!isWellFormedId(args.id, idType)) return []
    const doc = await req.payload.findByID({
      collection: media,
      id: args.id as string | number,
      depth: 0,
      overrideAccess: true,
      showHiddenFields: true,
      disableErrors: true,
      req,
    })
    return doc ? [doc as unknown as MediaDoc] : []
  }
  if (!args.where) return []
  const found = await req.payload.find({
    collection: media,
    where: args.where as Where,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    showHiddenFields: true,
    req,
  })
  return found.docs as unknown as MediaDoc[]
}

const num = (v: unknown) => (v === undefined || v === null || v === '' ? undefined : Number(v))

/**
 * Would this update rewrite stored bytes? A new file; an `uploadEdits` crop or resize
 * (query string, REST or GraphQL); or a focal point different from the stored one
 * (Payload re-reads the file and regenerates its sizes).
 */
function rewritesBytes(
  req: Req,
  data: Record<string, unknown> | undefined,
  doc: MediaDoc | null,
): boolean {
  if (req.file) return true
  const edits = (req.query as { uploadEdits?: unknown } | undefined)?.uploadEdits
  if (edits && typeof edits === 'object') {
    const e = edits as {
      crop?: unknown
      widthInPixels?: unknown
      heightInPixels?: unknown
      focalPoint?: { x?: unknown; y?: unknown }
    }
    if (e.crop || e.widthInPixels || e.heightInPixels) return true
    if (
      e.focalPoint &&
      (!doc || num(e.focalPoint.x) !== num(doc.focalX) || num(e.focalPoint.y) !== num(doc.focalY))
    )
      return true
  }
  for (const key of ['focalX', 'focalY'] as const) {
    if (
      data &&
      key in data &&
      num(data[key]) !== undefined &&
      (!doc || num(data[key]) !== num(doc[key]))
    )
      return true
  }
  return false
}

const sameFact = (a: unknown, b: unknown): boolean => {
  if (a === undefined || a === null || a === '') return b === undefined || b === null || b === ''
  if (typeof a === 'object') return JSON.stringify(a) === JSON.stringify(b)
  return String(a) === String(b)
}

/**
 * The media collection's guard, before Payload touches any file (it deletes and writes
 * files before the beforeChange hooks run):
 * - a file in the record is never deleted and its bytes never change, for anyone
 *   (admin included), by id, by `where` (bulk) or through GraphQL (403 `mediaInRecord`);
 * - Payload's file facts are read-only (403 `mediaFileFacts`), see FILE_FACT_FIELDS;
 * - the workflow's own metadata updates (`isPublic`, `recordedAt`) never carry a file or
 *   an edit from the request they run in.
 */
export const protectRecordedMedia: CollectionBeforeOperationHook = async ({
  args,
  collection,
  context,
  operation,
  req,
}) => {
  const media = collection.slug
  const a = args as { id?: unknown; where?: unknown; data?: Record<string, unknown> }
  if (operation === 'delete' || operation === 'deleteByID') {
    for (const doc of await targetsOf(req, media, a))
      if (await inRecord(req, doc)) throw forbidden(req, 'mediaInRecord')
    return args
  }
  if (operation !== 'create' && operation !== 'update' && operation !== 'updateByID') return args
  if (context?.[WORKFLOW_CONTEXT] && operation !== 'create') {
    // Server-side metadata updates: whatever file or query the outer request had, it is not for this.
    req.file = undefined
    if (req.query && typeof req.query === 'object')
      delete (req.query as { uploadEdits?: unknown }).uploadEdits
    return args
  }
  const data = a.data
  if (operation === 'create') {
    // Without a file, Payload would fetch one by `url` (a server-side request to any
    // host) or copy a stored one: a new file is always uploaded itself.
    if (!req.file) throw badRequest(req, 'mediaFileRequired')
    // The uploaded file decides these.
    if (data) for (const key of FILE_FACT_FIELDS) delete data[key]
    return args
  }
  const targets = await targetsOf(req, media, a)
  for (const doc of targets) {
    if (rewritesBytes(req, data, doc) && (await inRecord(req, doc)))
      throw forbidden(req, 'mediaInRecord')
  }
  if (data) {
    for (const key of FILE_FACT_FIELDS) {
      if (!(key in data)) continue
      if (!req.file) {
        const changed =
          targets.length === 0
            ? !sameFact(data[key], undefined)
            : targets.some((doc) => !sameFact(data[key], doc[key]))
        if (changed) throw forbidden(req, 'mediaFileFacts', { field: key })
      }
      delete data[key]
    }
  }
  return args
}

/**
 * A file becomes part of the record as soon as a submission that left `draft` holds it
 * (every handed-in version, the Ketua PPID's corrections in `accepted` included):
 * `recordedAt` is set once and never cleared, so removing the file from the submission
 * later (while `returned`) does not make it deletable.
 */
export function recordAttachedMedia(ctx: PluginContext): CollectionAfterChangeHook {
  return async ({ doc, req }) => {
    if (!doc) return doc
    const ids = [...(doc.photos ?? []), ...(doc.videos ?? [])]
      .map(idOf)
      .filter((m): m is string | number => m != null)
    if (!ids.length) return doc
    // Attached to a submission, even a draft: a file of the SOP (see `sopFile`).
    await req.payload.update({
      collection: ctx.slugs.media,
      where: { and: [{ id: { in: ids } }, { sopFile: { not_equals: true } }] },
      data: { sopFile: true },
      overrideAccess: true,
      depth: 0,
      req,
      context: { [WORKFLOW_CONTEXT]: true },
    })
    if (doc.status === 'draft') return doc
    await req.payload.update({
      collection: ctx.slugs.media,
      where: { and: [{ id: { in: ids } }, { recordedAt: { exists: false } }] },
      data: { recordedAt: new Date().toISOString() },
      overrideAccess: true,
      depth: 0,
      req,
      context: { [WORKFLOW_CONTEXT]: true },
    })
    return doc
  }
}
