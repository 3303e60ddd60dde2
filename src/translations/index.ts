/**
 * The plugin's words, one file per language (as Payload's own plugins ship them), merged
 * into the app's `i18n.translations` by the plugin. Read them through Payload's i18n:
 *
 * - server, with a request: `sopText(req, 'bodyTooLarge', { max })` (that is `req.t`);
 * - server, without one (jobs): `await localI18n(payload.config)`, Payload's `getLocalI18n` in
 *   the agency's language, then `sopText(i18n, …)`;
 * - admin components: `useTranslation<SopMedsosTranslations, SopMedsosTranslationKeys>()`.
 *
 * Labels of options (statuses, actions, roles) stay `{ id, en }` objects in labels.ts:
 * Payload reads those itself. Client code imports labels.ts and types.ts, not this file
 * (it imports `payload`).
 */
import type { AcceptedLanguages, TFunction } from '@payloadcms/translations'
import { getLocalI18n, type SanitizedConfig } from 'payload'
import { en } from './languages/en.js'
import { id } from './languages/id.js'
import type { SopMedsosTranslationKeys, SopMessageKey } from './types.js'

export const translations = { id, en }

export type { SopMedsosTranslationKeys, SopMedsosTranslations, SopMessageKey } from './types.js'
export * from './labels.js'

/** The language the office works in: jobs and messages without a reader use it. */
export const DEFAULT_LANGUAGE = 'id' satisfies AcceptedLanguages

/** Anything carrying Payload's `t`: a request (`req`), or an i18n object. */
type HasT = { t: unknown }

/**
 * A plugin message through Payload's i18n (the app's overrides of our words included).
 * An app whose admin speaks a language we ship no words for gets English rather than
 * the bare key.
 */
export function sopText(
  from: HasT,
  key: SopMessageKey,
  vars: Record<string, unknown> = {},
): string {
  const path = `sopMedsos:${key}` as const
  const text = (from.t as TFunction<SopMedsosTranslationKeys>)(path, vars)
  if (text !== path) return text
  return en.sopMedsos[key].replace(/{{\s*(\w+)\s*}}/g, (whole, name: string) =>
    vars[name] == null ? whole : String(vars[name]),
  )
}

/**
 * Payload's i18n for work done without a request (jobs), in `language` (default: the
 * office's). Payload refuses a language the app does not support; that one falls back
 * to the app's own fallback language.
 */
export function localI18n(config: SanitizedConfig, language: AcceptedLanguages = DEFAULT_LANGUAGE) {
  const supported = language in (config.i18n?.supportedLanguages ?? {})
  return getLocalI18n({
    config,
    language: supported ? language : (config.i18n.fallbackLanguage as AcceptedLanguages),
  })
}
