/**
 * A size limit in front of every API route (issue 13, item 15): Payload's own endpoints
 * (`forgot-password`, `login`, GraphQL…) read whatever body they are sent. The Next.js
 * route handlers wrap Payload's with `limitBody`:
 *
 *   export const POST = limitBody(REST_POST(config), config)
 *
 * - a declared `Content-Length` over the limit → 413 before anything is read;
 * - otherwise the body is read while counting and cut off at the limit → 413 (chunked
 *   bodies without a length, or a lying one);
 * - uploads (POST/PATCH/PUT on an upload collection) get the upload limit
 *   (`upload.limits.fileSize` plus room for the multipart envelope), everything else
 *   the plugin's `security.maxBodyBytes` (default 2 MB; JSON data itself stops at 1 MB).
 */
import { getRequestLanguage, parseCookies, type SanitizedConfig } from 'payload'
import { localI18n, sopText } from '../translations/index.js'
import { pluginContextOf } from '../context.js'

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
const MULTIPART_ROOM = 1024 * 1024
const DEFAULT_MAX = 2 * 1024 * 1024
const DEFAULT_UPLOAD_MAX = 100 * 1024 * 1024

export interface BodyLimits {
  maxBytes: number
  uploadBytes: number
  apiRoute: string
  uploadSlugs: Set<string>
}

export function bodyLimits(config: SanitizedConfig): BodyLimits {
  const fileSize = (config.upload as { limits?: { fileSize?: number } } | undefined)?.limits
    ?.fileSize
  return {
    maxBytes: pluginContextOf(config)?.options.security?.maxBodyBytes ?? DEFAULT_MAX,
    uploadBytes:
      typeof fileSize === 'number' && Number.isFinite(fileSize)
        ? fileSize + MULTIPART_ROOM
        : DEFAULT_UPLOAD_MAX,
    apiRoute: config.routes?.api ?? '/api',
    uploadSlugs: new Set(config.collections.filter((c) => c.upload).map((c) => c.slug)),
  }
}

/** The limit for this request: the upload limit on an upload collection's create/update, else the general one. */
export function limitFor(request: Request, limits: BodyLimits): number {
  if (request.method === 'DELETE') return limits.maxBytes
  const path = new URL(request.url).pathname
  const rest = path.startsWith(limits.apiRoute + '/') ? path.slice(limits.apiRoute.length + 1) : ''
  const [slug, id, extra] = rest.split('/')
  const isDocRoute =
    slug && (id === undefined || id === '' || (extra === undefined && id !== 'file'))
  return isDocRoute && limits.uploadSlugs.has(decodeURIComponent(slug))
    ? Math.max(limits.uploadBytes, limits.maxBytes)
    : limits.maxBytes
}

const megabytes = (n: number) => `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`

/**
 * 413 in the reader's language. No PayloadRequest exists yet (the body is refused before
 * Payload sees it): the language is Payload's own choice for these headers (its cookie,
 * then Accept-Language), the words come from its i18n.
 */
export async function tooLarge(
  request: Request,
  max: number,
  config: SanitizedConfig,
): Promise<Response> {
  const language = getRequestLanguage({
    config,
    cookies: parseCookies(request.headers),
    headers: request.headers,
  })
  const message = sopText(await localI18n(config, language), 'bodyTooLarge', {
    max: megabytes(max),
  })
  // The client may still be sending: tell it the connection will not take more.
  return Response.json(
    { errors: [{ message, data: { rule: 'bodyTooLarge', max } }] },
    { status: 413, headers: { connection: 'close' } },
  )
}

type Handler<C extends unknown[]> = (request: Request, ...rest: C) => Promise<Response> | Response

/** Wraps a route handler: bodies over the limit get 413 and never reach Payload. */
export function limitBody<C extends unknown[]>(
  handler: Handler<C>,
  config: SanitizedConfig | Promise<SanitizedConfig>,
): (request: Request, ...rest: C) => Promise<Response> {
  let limits: BodyLimits | undefined
  return async (request, ...rest) => {
    if (!WITH_BODY.has(request.method) || !request.body) return handler(request, ...rest)
    const sanitized = await config
    limits ??= bodyLimits(sanitized)
    const max = limitFor(request, limits)
    const declared = request.headers.get('content-length')
    if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > max) {
      await request.body.cancel().catch(() => {})
      return tooLarge(request, max, sanitized)
    }
    const reader = request.body.getReader()
    const chunks: Uint8Array[] = []
    let total = 0
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      total += value.byteLength
      if (total > max) {
        await reader.cancel().catch(() => {})
        return tooLarge(request, max, sanitized)
      }
      chunks.push(value)
    }
    const body = Buffer.concat(chunks)
    const copy = new Request(request.url, {
      method: request.method,
      headers: request.headers,
      body,
      signal: request.signal,
      duplex: 'half',
    } as RequestInit)
    return handler(copy, ...rest)
  }
}
