import type { ResolvedOptions } from './options.js'
import { isValidID, type Payload, type SanitizedConfig } from 'payload'
import { buildWorkflow, type Workflow } from './workflow/table.js'

/** Collection slugs fixed by the public contract. */
export const SLUGS = {
  submissions: 'submissions',
  reviews: 'reviews',
  register: 'register',
  socialAccounts: 'social-accounts',
  publications: 'publications',
} as const

/** The approval sheets (Lembar Persetujuan Publikasi) and the in-app notices. */
export const APPROVAL_SHEETS = 'approval-sheets'
export const NOTIFICATIONS_SLUG = 'notifications'

/** What every collection, hook and access function of the plugin is built from. */
export interface PluginContext {
  options: ResolvedOptions
  workflow: Workflow
  slugs: typeof SLUGS & { users: string; media: string }
  /** AES-256-GCM key for platform credentials; set when the plugin sees the config. */
  credentialsKey?: Buffer
}

export function createContext(options: ResolvedOptions): PluginContext {
  return {
    options,
    workflow: buildWorkflow(options.stages),
    slugs: { ...SLUGS, users: options.usersCollection, media: options.mediaCollection },
  }
}

/** Where the plugin keeps its context in `config.custom`. */
const CUSTOM_KEY = 'sopMedsos'

/** What `config.custom.sopMedsos` holds (set by sopMedsosPlugin). */
export interface PluginCustom {
  options: ResolvedOptions
  workflow: Workflow
  ctx: PluginContext
}

export function pluginCustom(ctx: PluginContext): PluginCustom {
  return { options: ctx.options, workflow: ctx.workflow, ctx }
}

/** The plugin's context in a config, or undefined when the plugin is not installed. */
export function pluginContextOf(
  config: Pick<SanitizedConfig, 'custom'> | undefined,
): PluginContext | undefined {
  return (config?.custom as Record<string, PluginCustom | undefined> | undefined)?.[CUSTOM_KEY]?.ctx
}

/** The plugin's context of a running Payload; throws when the plugin is not in its config. */
export function pluginContext(payload: Payload): PluginContext {
  const ctx = pluginContextOf(payload.config)
  if (!ctx) throw new Error('sopMedsosPlugin is not in this Payload config')
  return ctx
}

/** Set on Local API calls the workflow itself makes, so guards let them through. */
export const WORKFLOW_CONTEXT = 'sopMedsosWorkflow'

/** The id of a relationship value, whether it was read with depth (a document) or without (an id). */
export function idOf(value: unknown): string | number | null {
  if (value == null) return null
  if (typeof value === 'object' && 'id' in (value as object))
    return (value as { id: string | number }).id
  return value as string | number
}

/**
 * Can the database look this id up? Serial ids are PostgreSQL `integer`: 1 … 2^31−1 in
 * decimal digits (`abc`, `1.5` or `3000000000` would fail the query with a 500). Other id
 * types (text, uuid) are checked by Payload's own `isValidID`.
 */
export function isWellFormedId(id: unknown, idType: string = 'number'): boolean {
  if (id === null || id === undefined || id === '') return false
  if (idType !== 'number') return isValidID(String(id), idType as 'text')
  const text = typeof id === 'number' ? (Number.isInteger(id) ? String(id) : '') : String(id).trim()
  return /^\d{1,10}$/.test(text) && Number(text) >= 1 && Number(text) <= 2_147_483_647
}
