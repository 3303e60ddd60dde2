/**
 * Readable, stable URL slugs for published news ("peresmian-jembatan-desa-kujan").
 * Pure: the uniqueness check against the database is the caller's.
 */

export const SLUG_MAX_LENGTH = 80
const FALLBACK = 'berita'

/** Lower-case ASCII words joined by hyphens; diacritics folded (é → e), everything else dropped. */
export function slugify(title: unknown, maxLength = SLUG_MAX_LENGTH): string {
  const words = String(title ?? '')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
  let slug = ''
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word
    if (next.length > maxLength) {
      if (!slug) slug = word.slice(0, maxLength)
      break
    }
    slug = next
  }
  return slug || FALLBACK
}

/** The first of `base`, `base-2`, `base-3`, … that `taken` does not hold. */
export function uniqueSlug(base: string, taken: Iterable<string>): string {
  const used = new Set(taken)
  if (!used.has(base)) return base
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`
    if (!used.has(candidate)) return candidate
  }
}
