/**
 * Before anything is posted: every file still hashes to what was recorded and approved.
 * The stored bytes of each photo and video are read (local disk or the storage adapter)
 * and hashed; the hash must equal the media's `sha256`, and the content hash rebuilt
 * from those hashes must equal the `contentHash` of the approving review (the one on the
 * Lembar Persetujuan and in the register). A file changed on disk or in the bucket, or
 * content changed after approval, fails the target instead of reaching the public.
 */
import { createHash } from 'node:crypto'
import { isServiceOutage } from '../hooks/errors.js'
import type { Payload } from 'payload'
import type { PluginContext } from '../context.js'
import { readStoredFile } from '../files.js'
import { contentHash, type MediaFacts } from '../workflow/content.js'
import type { PlatformError } from './classify.js'

type Doc = Record<string, any>

const short = (h: unknown) => (typeof h === 'string' && h ? `${h.slice(0, 12)}…` : '-')

/** Does the narrative embed other documents (populated with depth, so their form changes with them)? */
function embedsDocuments(narrative: unknown): boolean {
  const visit = (node: unknown): boolean => {
    if (!node || typeof node !== 'object') return false
    const n = node as { type?: unknown; children?: unknown[] }
    if (n.type === 'upload' || n.type === 'relationship') return true
    return Array.isArray(n.children) && n.children.some(visit)
  }
  return visit((narrative as { root?: unknown } | null)?.root)
}

/** `null` when the submission (loaded with depth 1) is exactly what was approved; else why not. */
export async function integrityProblem(
  payload: Payload,
  ctx: PluginContext,
  submission: Doc,
): Promise<PlatformError | null> {
  const facts = async (list: unknown): Promise<MediaFacts[] | PlatformError> => {
    const out: MediaFacts[] = []
    for (const m of (Array.isArray(list) ? list : []) as Doc[]) {
      if (!m || typeof m !== 'object')
        return {
          class: 'integrity',
          code: 'integrity:file-missing',
          detail: `media ${String(m)} not found`,
        }
      let bytes: Buffer
      try {
        bytes = await readStoredFile(payload, ctx.slugs.media, m)
      } catch (e) {
        // Storage unreachable (S3 5xx, a timeout): not evidence of tampering; the run's
        // retry path takes it, as a failed read during prepare would.
        if (isServiceOutage(e)) throw e
        return {
          class: 'integrity',
          code: 'integrity:file-missing',
          detail: `media ${m.id} (${m.filename}): ${(e as Error).message}`,
        }
      }
      const actual = createHash('sha256').update(bytes).digest('hex')
      if (actual !== m.sha256) {
        return {
          class: 'integrity',
          code: 'integrity:file-changed',
          detail: `media ${m.id} (${m.filename}): stored ${short(actual)}, recorded ${short(m.sha256)}`,
        }
      }
      out.push({ id: m.id, mimeType: m.mimeType ?? null, sha256: actual })
    }
    return out
  }
  const photos = await facts(submission.photos)
  if (!Array.isArray(photos)) return photos
  const videos = await facts(submission.videos)
  if (!Array.isArray(videos)) return videos
  const approval = await payload.find({
    collection: ctx.slugs.reviews,
    where: {
      and: [{ submission: { equals: submission.id } }, { toStatus: { equals: 'approved' } }],
    },
    sort: '-createdAt',
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  const approved = (approval.docs[0] as Doc | undefined)?.contentHash
  // A narrative that embeds documents was hashed with them populated (their timestamps
  // included), which changes without the content changing: there the files decide alone.
  if (!approved || embedsDocuments(submission.narrative)) return null
  const now = contentHash({
    title: submission.title,
    narrative: submission.narrative,
    caption: submission.caption,
    photos,
    videos,
  })
  if (now !== approved)
    return {
      class: 'integrity',
      code: 'integrity:content-changed',
      detail: `content hash ${short(now)}, approved ${short(approved)}`,
    }
  return null
}
