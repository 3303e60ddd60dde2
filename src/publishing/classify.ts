/**
 * What a platform's error means for us (pure; the table in
 * shared/research/social-platforms.md): retry before the publishing call, reconnect the
 * account, fail with the reason, defer to a person, or "outcome unknown".
 */
/**
 * `integrity`: our own check before posting found a file or the content no longer as approved;
 * `blocked`: the target address is internal (SSRF guard) and was never contacted.
 */
export type ErrorClass =
  'transient' | 'reconnect' | 'content' | 'policy' | 'unknown' | 'integrity' | 'blocked'

export interface PlatformError {
  class: ErrorClass
  /** The platform's code, e.g. "graph:190", "http:503", "x:429", "timeout". */
  code: string
  /** Platform's own message, for the log and the Admin Medsos. */
  detail: string
  /** Seconds to wait before trying again, when the platform says. */
  retryAfter?: number
}

export class PlatformFailure extends Error {
  constructor(public readonly info: PlatformError) {
    super(`${info.class} ${info.code}: ${info.detail}`)
    this.name = 'PlatformFailure'
  }
}

const TRANSIENT_GRAPH = new Set([1, 2, 4, 17, 32, 341, 613])
const RECONNECT_GRAPH = new Set([190, 102, 10])
const CONTENT_GRAPH = new Set([100, 506, 1609005])
const POLICY_GRAPH = new Set([368])

interface GraphErrorBody {
  error?: { code?: number; error_subcode?: number; is_transient?: boolean; message?: string }
}

/** A Graph API (Facebook/Instagram) error response. */
export function classifyGraph(status: number, body: unknown, headers?: Headers): PlatformError {
  const err = (body as GraphErrorBody | null)?.error
  const code = err?.code
  const sub = err?.error_subcode
  const detail = err?.message ?? `HTTP ${status}`
  const id = `graph:${code ?? status}${sub ? `/${sub}` : ''}`
  const retryAfter = graphBackoff(headers)
  if (sub === 1404078) return { class: 'reconnect', code: id, detail }
  if (sub && sub >= 2207000 && sub < 2208000) {
    if (sub === 2207042 || sub === 2207051) return { class: 'policy', code: id, detail }
    return { class: 'content', code: id, detail }
  }
  if (code !== undefined) {
    if (RECONNECT_GRAPH.has(code) || (code >= 200 && code <= 299))
      return { class: 'reconnect', code: id, detail }
    if (TRANSIENT_GRAPH.has(code) || err?.is_transient)
      return { class: 'transient', code: id, detail, retryAfter }
    if (CONTENT_GRAPH.has(code)) return { class: 'content', code: id, detail }
    if (POLICY_GRAPH.has(code)) return { class: 'policy', code: id, detail }
  }
  if (status >= 500) return { class: 'transient', code: `http:${status}`, detail, retryAfter }
  if (status === 401) return { class: 'reconnect', code: id, detail }
  return { class: 'content', code: id, detail }
}

/** Meta's usage headers: estimated_time_to_regain_access is in minutes. */
function graphBackoff(headers?: Headers): number | undefined {
  if (!headers) return undefined
  for (const name of ['x-business-use-case-usage', 'x-app-usage']) {
    const raw = headers.get(name)
    if (!raw) continue
    try {
      const json = JSON.parse(raw) as Record<string, unknown>
      const entries = Array.isArray(json) ? json : Object.values(json).flat()
      for (const e of [json, ...entries] as Record<string, unknown>[]) {
        const minutes = Number(e?.estimated_time_to_regain_access)
        if (minutes > 0) return minutes * 60
      }
    } catch {
      /* not JSON: ignore */
    }
  }
  return undefined
}

/** An X API v2 error response. */
export function classifyX(status: number, body: unknown, headers?: Headers): PlatformError {
  const b = body as { detail?: string; title?: string; errors?: { message?: string }[] } | null
  const detail = b?.detail ?? b?.title ?? b?.errors?.[0]?.message ?? `HTTP ${status}`
  const code = `x:${status}`
  if (status === 429 || status === 503 || status >= 500) {
    const reset = Number(headers?.get('x-rate-limit-reset'))
    const retryAfter = reset > 0 ? Math.max(0, reset - Math.floor(Date.now() / 1000)) : undefined
    return { class: 'transient', code, detail, retryAfter }
  }
  if (status === 401) return { class: 'reconnect', code, detail }
  return { class: 'content', code, detail }
}

/** Our own webhook receiver: 5xx/429 transient, 401/403 reconnect (bad secret), other 4xx content. */
export function classifyWebhook(status: number, text: string): PlatformError {
  const code = `http:${status}`
  const detail = text.slice(0, 300) || `HTTP ${status}`
  if (status >= 500 || status === 429 || status === 408) return { class: 'transient', code, detail }
  if (status === 401 || status === 403) return { class: 'reconnect', code, detail }
  return { class: 'content', code, detail }
}

/**
 * The words an Admin Medsos reads for a target: a translation key and its parameters,
 * stored as the target's `errorClass` / `errorCode` / `errorDetail` and put into words in
 * the reader's language when it is read (collections/publications.ts).
 */
export function explainKey(target: {
  errorClass?: string | null
  errorCode?: string | null
  errorDetail?: string | null
}): { key: `publicationError_${ErrorClass | 'manual'}`; vars: { detail: string } } | null {
  const vars = { detail: target.errorDetail ?? '' }
  if (target.errorCode === 'manual' && !target.errorClass)
    return { key: 'publicationError_manual', vars }
  const known: ErrorClass[] = [
    'transient',
    'reconnect',
    'content',
    'policy',
    'unknown',
    'integrity',
    'blocked',
  ]
  return known.includes(target.errorClass as ErrorClass)
    ? { key: `publicationError_${target.errorClass as ErrorClass}`, vars }
    : null
}
