import { PlatformFailure } from './classify.js'
import { BlockedTargetError, guardedFetch, targetPolicy, type TargetPolicy } from './targets.js'
import type { Adapter, Http } from './types.js'

/**
 * The engine's only way out to the network: every request (and redirect) passes the
 * SSRF guard of `targets.ts`. A refused target fails with class `blocked` (nothing was
 * sent), a timeout or network error is transient.
 */
export function createHttp(timeoutMs: number, policy: TargetPolicy = targetPolicy()): Http {
  return {
    async request(url, init = {}) {
      try {
        return await guardedFetch(url, init, policy, AbortSignal.timeout(timeoutMs))
      } catch (e) {
        if (e instanceof BlockedTargetError) {
          throw new PlatformFailure({
            class: 'blocked',
            code: `blocked:${e.kind}`,
            detail: e.message,
          })
        }
        const timeout = (e as Error)?.name === 'TimeoutError' || (e as Error)?.name === 'AbortError'
        throw new PlatformFailure({
          class: 'transient',
          code: timeout ? 'timeout' : 'network',
          detail: timeout ? `no answer within ${timeoutMs} ms` : String((e as Error)?.message ?? e),
        })
      }
    },
  }
}

/** Sends and parses JSON; a non-2xx answer becomes a PlatformFailure classified by the adapter. */
export async function callJson<T = Record<string, unknown>>(
  adapter: Pick<Adapter, 'classify'>,
  http: Http,
  url: string,
  init: RequestInit = {},
): Promise<T> {
  const res = await http.request(url, init)
  const text = await res.text().catch(() => '')
  let body: unknown = null
  try {
    body = text ? JSON.parse(text) : null
  } catch {
    body = { raw: text.slice(0, 300) }
  }
  if (!res.ok) throw new PlatformFailure(adapter.classify(res.status, body, res.headers))
  return body as T
}

export const form = (fields: Record<string, string>) => new URLSearchParams(fields)
