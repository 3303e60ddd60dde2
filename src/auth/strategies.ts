/**
 * Checks every auth strategy's answer (Payload's JWT/cookie, API keys, a host's own):
 * - a deactivated user is nobody: existing JWTs and API keys stop working at once;
 * - a state-changing request authenticated only by the session cookie and sent from
 *   another site (CSRF) is anonymous, even when the host app left `csrf` empty.
 * Installed from the plugin's onInit (Payload builds `payload.authStrategies` before it).
 */
import type { Payload, SanitizedConfig } from 'payload'
import { cookieAuthenticated, foreignOrigin, STATE_CHANGING } from './requests.js'

const GUARDED = Symbol.for('sopMedsos.guardedStrategies')

/** This site's origins: Payload's `csrf` list and `serverURL`. */
export const siteOrigins = (config: SanitizedConfig): string[] =>
  [...(config.csrf ?? []), config.serverURL].filter(Boolean) as string[]

/** The foreign origin of a cookie-authenticated state-changing request, or null. */
export function crossSiteCookieRequest(
  headers: Headers,
  method: string | undefined,
  config: SanitizedConfig,
  url?: string,
): string | null {
  if (!method || !STATE_CHANGING.has(method.toUpperCase())) return null
  if (!cookieAuthenticated(headers, config.cookiePrefix)) return null
  return foreignOrigin(headers, siteOrigins(config), url)
}

export function guardAuthStrategies(payload: Payload, usersSlug: string): void {
  const strategies = payload.authStrategies as
    (Payload['authStrategies'] & { [GUARDED]?: true }) | undefined
  if (!strategies || strategies[GUARDED]) return
  const guarded = strategies.map((strategy) => ({
    ...strategy,
    authenticate: async (args: Parameters<typeof strategy.authenticate>[0]) => {
      const req = args.req as { method?: string; url?: string } | undefined
      if (crossSiteCookieRequest(args.headers, req?.method, args.payload.config, req?.url))
        return { user: null }
      const result = await strategy.authenticate(args)
      const user = result.user as
        ({ collection?: string; deactivated?: unknown } & typeof result.user) | null
      if (user && user.collection === usersSlug && user.deactivated === true)
        return { ...result, user: null }
      return result
    },
  })) as typeof strategies
  Object.defineProperty(guarded, GUARDED, { value: true })
  payload.authStrategies = guarded
}
