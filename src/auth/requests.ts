/**
 * What a request says about where it comes from: its client address (for the sign-in
 * limit) and its origin (for CSRF).
 */

/** The request is authenticated by the session cookie (a browser sends it by itself), not by a header. */
export function cookieAuthenticated(headers: Headers, cookiePrefix: string): boolean {
  // A header (JWT, Bearer or an API key) is what the client itself chose to send: no CSRF.
  if (headers.get('authorization')) return false
  const cookie = headers.get('cookie') ?? ''
  const name = `${cookiePrefix}-token=`
  return cookie
    .split(';')
    .some((part) => part.trim().startsWith(name) && part.trim().length > name.length)
}

export const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

const originOf = (value: string): string | null => {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null
  } catch {
    return null
  }
}

/**
 * The origin a browser says the request comes from, when it is not this site: not in
 * `allowed` (Payload's `csrf` list and `serverURL`) and not the host the request was sent
 * to (`Host`, the request URL Next.js built from it, or `X-Forwarded-Host` set by the
 * proxy or by Next.js; a cross-site form or fetch cannot set either). Origin, else Referer, else `Sec-Fetch-Site: cross-site`.
 * Non-browser clients send none of these: null.
 */
export function foreignOrigin(
  headers: Headers,
  allowed: readonly string[],
  requestUrl?: string,
): string | null {
  const raw = headers.get('origin')
  let origin: string | null = null
  if (raw && raw !== 'null') {
    origin = originOf(raw)
    if (!origin) return raw.slice(0, 200)
  } else if (raw === 'null') {
    return 'null' // an opaque origin: sandboxed frame, data: or file: page
  } else {
    const referer = headers.get('referer')
    if (referer) origin = originOf(referer)
    if (!origin) return headers.get('sec-fetch-site') === 'cross-site' ? 'cross-site' : null
  }
  for (const a of allowed) if (a && originOf(a) === origin) return null
  const host = new URL(origin).host.toLowerCase()
  const urlHost = requestUrl ? new URL(requestUrl).host : null
  const own = [headers.get('host'), urlHost, ...(headers.get('x-forwarded-host') ?? '').split(',')]
    .map((h) => h?.trim().toLowerCase())
    .filter(Boolean)
  if (own.includes(host)) return null
  return origin
}

/**
 * The client's address. Next.js route handlers do not expose the socket: Next.js puts
 * its address into X-Forwarded-For when the request has none. With `trustProxy` hops
 * the client is the entry the outermost trusted proxy appended.
 */
export function clientAddress(headers: Headers, trustProxy: number): string {
  const list = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  if (!list.length) return 'unknown'
  const index = trustProxy > 0 ? Math.max(0, list.length - trustProxy) : list.length - 1
  return list[index]!.slice(0, 100).toLowerCase()
}
