/**
 * Headers on files served through Payload (`/api/<upload collection>/file/…`, local disk
 * or S3): `nosniff` (a browser never runs an upload as HTML or script whatever it
 * contains) and, for media, a CSP that lets the browser show the image or video and
 * nothing else. next.config.mjs adds the same site-wide headers to every route.
 */
import type { CollectionConfig } from 'payload'

export const MEDIA_FILE_CSP =
  "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'; sandbox"

export function withFileHeaders(collection: CollectionConfig, csp?: string): CollectionConfig {
  const upload = collection.upload
  if (!upload) return collection
  const base = typeof upload === 'object' ? upload : {}
  const previous = base.modifyResponseHeaders
  return {
    ...collection,
    upload: {
      ...base,
      modifyResponseHeaders: ({ headers }) => {
        const out = (previous?.({ headers }) || headers) as Headers
        out.set('X-Content-Type-Options', 'nosniff')
        if (csp) out.set('Content-Security-Policy', csp)
        return out
      },
    },
  }
}
