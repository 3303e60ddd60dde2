import type { CollectionConfig } from 'payload'
import type { ResolvedOptions } from '../options.js'

type Override = NonNullable<ResolvedOptions['overrides']['submissions']>

/**
 * An app's additions to a collection the plugin owns (`overrides.submissions`,
 * `overrides.reviews`): more fields, admin settings, labels, hooks. What the SOP relies
 * on is not negotiable: the slug, the access rules, every field of the plugin (same
 * object, so same access, validation and hooks) and the plugin's hooks, which run
 * before the app's. A field the app adds follows the collection's rules (who may change
 * the document in its status) unless it sets its own access, and anonymous readers of
 * published news never see it (only the public fields are served to them).
 */
export function withOverride(
  collection: CollectionConfig,
  override: Override | undefined,
  name: string,
): CollectionConfig {
  if (!override) return collection
  let fields = collection.fields
  if (override.fields) {
    fields = override.fields({ defaultFields: [...collection.fields] })
    if (!Array.isArray(fields))
      throw new Error(`sopMedsosPlugin: overrides.${name}.fields must return an array of fields`)
    const missing = collection.fields
      .filter((f) => !fields.includes(f))
      .map((f) => ('name' in f ? f.name : f.type))
    if (missing.length) {
      throw new Error(
        `sopMedsosPlugin: overrides.${name}.fields must keep every field of the plugin, unchanged (missing or replaced: ${missing.join(', ')}). ` +
          'Return [...defaultFields, yourFields]; the SOP relies on these fields and their access rules.',
      )
    }
  }
  const hooks: NonNullable<CollectionConfig['hooks']> = { ...collection.hooks }
  for (const [kind, list] of Object.entries(override.hooks ?? {}) as [
    keyof typeof hooks,
    unknown[],
  ][]) {
    if (!Array.isArray(list))
      throw new Error(`sopMedsosPlugin: overrides.${name}.hooks.${kind} must be an array of hooks`)
    ;(hooks as Record<string, unknown[]>)[kind] = [
      ...((collection.hooks?.[kind] as unknown[] | undefined) ?? []),
      ...list,
    ]
  }
  return {
    ...collection,
    labels: override.labels ?? collection.labels,
    admin: override.admin ? { ...collection.admin, ...override.admin } : collection.admin,
    fields,
    hooks,
  }
}
