/**
 * The SOP's content rules (step 1, Kelengkapan) and the content hash that proves
 * which version each reviewer saw.
 */
import { createHash } from 'node:crypto'
import { canonicalJson } from './canonical.js'

import { countCharacters } from './text.js'

export { countCharacters, lexicalText } from './text.js'

/** Does a Lexical editor state hold any visible content (text or an embedded node)? */
export function richTextHasContent(value: unknown): boolean {
  const root = (value as { root?: unknown } | null | undefined)?.root
  if (!root) return typeof value === 'string' ? value.trim().length > 0 : false
  const visit = (node: unknown): boolean => {
    if (!node || typeof node !== 'object') return false
    const n = node as { type?: string; text?: string; children?: unknown[] }
    if (typeof n.text === 'string' && n.text.trim().length > 0) return true
    if (n.type && ['upload', 'relationship', 'block', 'inlineBlock'].includes(n.type)) return true
    return Array.isArray(n.children) && n.children.some(visit)
  }
  return visit(root)
}

export interface MediaFacts {
  id: string | number
  mimeType?: string | null
  sha256?: string | null
}

export interface SubmissionContent {
  title?: string | null
  narrative?: unknown
  caption?: string | null
  photos?: readonly MediaFacts[]
  videos?: readonly MediaFacts[]
}

export type RuleBroken =
  | { rule: 'minPhotos'; min: number; actual: number }
  | { rule: 'photosNotImages'; ids: (string | number)[] }
  | { rule: 'narrativeRequired' }
  | { rule: 'captionRequired' }
  | { rule: 'captionTooLong'; max: number; actual: number }
  | { rule: 'titleRequired' }

export interface ContentRules {
  minPhotos: number
  captionMaxLength: number
}

const isImage = (m: MediaFacts) =>
  typeof m.mimeType === 'string' && m.mimeType.startsWith('image/') && !!m.sha256

/** Every SOP rule the content breaks, for the refusal of a `submit`. */
export function checkSubmissionRules(
  content: SubmissionContent,
  rules: ContentRules,
): RuleBroken[] {
  const broken: RuleBroken[] = []
  if (!content.title || !content.title.trim()) broken.push({ rule: 'titleRequired' })
  const photos = content.photos ?? []
  const notImages = photos.filter((p) => !isImage(p))
  const images = photos.length - notImages.length
  if (images < rules.minPhotos)
    broken.push({ rule: 'minPhotos', min: rules.minPhotos, actual: images })
  if (notImages.length) broken.push({ rule: 'photosNotImages', ids: notImages.map((p) => p.id) })
  if (!richTextHasContent(content.narrative)) broken.push({ rule: 'narrativeRequired' })
  const length = countCharacters(content.caption?.trim())
  if (length === 0) broken.push({ rule: 'captionRequired' })
  else if (length > rules.captionMaxLength)
    broken.push({ rule: 'captionTooLong', max: rules.captionMaxLength, actual: length })
  return broken
}

/** SHA-256 over the content a reviewer decides on: title, narrative, caption, photo and video ids with file hashes. */
export function contentHash(content: SubmissionContent): string {
  const media = (list?: readonly MediaFacts[]) =>
    (list ?? []).map((m) => ({ id: String(m.id), sha256: m.sha256 ?? null }))
  const canonical = canonicalJson({
    title: content.title ?? '',
    narrative: content.narrative ?? null,
    caption: content.caption ?? '',
    photos: media(content.photos),
    videos: media(content.videos),
  })
  return createHash('sha256').update(canonical).digest('hex')
}
