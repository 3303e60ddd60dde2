/**
 * sopMedsosPlugin: the social media upload SOP of an Indonesian PPID office as a
 * Payload plugin. `(options) => (config) => config`; options are checked once, here.
 */
import type { CollectionConfig, Config } from 'payload'
import { deepMergeSimple } from 'payload/shared'
import { createContext, pluginCustom } from './context.js'
import { parseOptions, type SopMedsosOptions } from './options.js'
import { translations } from './translations/index.js'
import { submissionsCollection } from './collections/submissions.js'
import { reviewsCollection } from './collections/reviews.js'
import { withOverride } from './collections/overrides.js'
import { registerCollection } from './collections/register.js'
import { withStaffUsers } from './collections/users.js'
import { withCheckedMedia } from './collections/media.js'
import { newsEndpoints } from './news/endpoints.js'
import { socialAccountsCollection } from './collections/socialAccounts.js'
import { publicationsCollection } from './collections/publications.js'
import { approvalSheetsCollection } from './collections/approvalSheets.js'
import { resolveKey } from './publishing/crypto.js'
import { publishingEndpoints } from './publishing/endpoints.js'
import { notificationsCollection } from './collections/notifications.js'
import { jobTasks } from './jobs/index.js'
import { workbenchEndpoints } from './admin/endpoints.js'
import { adminComponents } from './admin/components.js'
import { inputGuards, refuseMarkupInFiles, type PublicQueryMap } from './hooks/guards.js'
import { PUBLIC_FIELDS } from './hooks/submissions.js'
import { PUBLIC_MEDIA_FIELDS } from './hooks/media.js'
import { recordRowImmutable, serviceUnavailable } from './hooks/errors.js'
import { guardAuthStrategies } from './auth/strategies.js'
import { MEDIA_FILE_CSP, withFileHeaders } from './http/headers.js'
import { installRecordImmutability, pushesSchema } from './register/immutable.js'
import { withRegisterSchema } from './register/schema.js'
import { escapeControls } from './workflow/text.js'

export type { SopMedsosOptions } from './options.js'
export { parseOptions } from './options.js'
export { recordImmutabilitySql, dropRecordImmutabilitySql } from './register/immutable.js'
export { limitBody } from './http/bodyLimit.js'
export { SLUGS, WORKFLOW_CONTEXT } from './context.js'
export { APPROVAL_SHEETS } from './context.js'
export { findNewsBySlug, findPublishedNews, newsSettings } from './news/query.js'
export type { PublicNewsItem, PublicPhoto, NewsSettings } from './news/query.js'

export function sopMedsosPlugin(input: SopMedsosOptions = {}) {
  const options = parseOptions(input)
  const ctx = createContext(options)
  return (config: Config): Config => {
    const collections = [...(config.collections ?? [])]
    const take = (slug: string): CollectionConfig | undefined => {
      const index = collections.findIndex((c) => c.slug === slug)
      return index < 0 ? undefined : collections.splice(index, 1)[0]
    }
    // Non-enumerable: the key never travels with a serialised config.
    Object.defineProperty(ctx, 'credentialsKey', {
      value: resolveKey(process.env, config.secret),
      enumerable: false,
      writable: true,
    })
    for (const slug of [
      ctx.slugs.submissions,
      ctx.slugs.reviews,
      ctx.slugs.register,
      ctx.slugs.socialAccounts,
      ctx.slugs.publications,
    ]) {
      if (collections.some((c) => c.slug === slug)) {
        throw new Error(
          `sopMedsosPlugin: the config already has a collection "${slug}", a slug this plugin owns`,
        )
      }
    }
    const users = withStaffUsers(ctx, take(ctx.slugs.users))
    const media = withCheckedMedia(ctx, take(ctx.slugs.media))
    // What anonymous readers may filter and sort by: the public fields (CONTRACT).
    const publicQuery: PublicQueryMap = {
      [ctx.slugs.submissions]: {
        fields: PUBLIC_FIELDS,
        relations: { photos: ctx.slugs.media, videos: ctx.slugs.media },
      },
      [ctx.slugs.media]: { fields: PUBLIC_MEDIA_FIELDS },
    }
    // Every collection the plugin owns or extends refuses bad input with a clear 4xx first.
    const guarded = (
      c: CollectionConfig,
      extra: NonNullable<NonNullable<CollectionConfig['hooks']>['beforeOperation']> = [],
    ): CollectionConfig => ({
      ...c,
      hooks: {
        ...c.hooks,
        beforeOperation: [
          inputGuards({
            richTextFields: c.slug === ctx.slugs.submissions ? ['narrative'] : [],
            slug: c.slug,
            publicQuery,
          }),
          ...extra,
          ...(c.hooks?.beforeOperation ?? []),
        ],
      },
    })
    return {
      ...config,
      admin: adminComponents(config.admin, users.slug),
      db: withRegisterSchema(config.db, ctx.slugs.register.replace(/-/g, '_')),
      collections: [
        guarded(users),
        guarded(withFileHeaders(media, MEDIA_FILE_CSP), [refuseMarkupInFiles]),
        ...collections,
        ...[
          withOverride(submissionsCollection(ctx), options.overrides.submissions, 'submissions'),
          withOverride(reviewsCollection(ctx), options.overrides.reviews, 'reviews'),
          registerCollection(ctx),
          socialAccountsCollection(ctx),
          publicationsCollection(ctx),
          withFileHeaders(approvalSheetsCollection(ctx)),
          notificationsCollection(ctx),
        ].map((c) => guarded(c)),
      ],
      jobs: {
        ...config.jobs,
        tasks: [...(config.jobs?.tasks ?? []), ...jobTasks(ctx)],
      },
      endpoints: [
        ...(config.endpoints ?? []),
        ...newsEndpoints(),
        ...publishingEndpoints(),
        ...workbenchEndpoints(),
      ],
      i18n: {
        ...config.i18n,
        translations: deepMergeSimple(translations, config.i18n?.translations ?? {}),
      },
      loggingLevels: { WorkflowError: 'info', ...config.loggingLevels } as Config['loggingLevels'],
      hooks: {
        ...config.hooks,
        afterError: [...(config.hooks?.afterError ?? []), serviceUnavailable, recordRowImmutable],
      },
      onInit: async (payload) => {
        // A database restart makes every idle pooled connection emit 'error'; without a
        // listener on the pool that is an uncaught exception that kills the app. With
        // one, the pool drops the dead connections and opens new ones on demand.
        // A connection checked out at that moment (an open transaction) emits 'error' on
        // itself: every client the pool creates gets a listener too.
        type Emitter = { on?: (event: string, fn: (arg: never) => void) => void }
        const pool = (payload.db as unknown as { pool?: Emitter & { _clients?: Emitter[] } }).pool
        const lost = (error: Error) =>
          payload.logger.warn({
            msg: `sop-medsos: a PostgreSQL connection was lost (the pool reconnects): ${escapeControls(String(error.message))}`,
          })
        pool?.on?.('error', lost)
        pool?.on?.('connect', (client: Emitter) => client.on?.('error', lost))
        // …and the clients opened before this hook (schema push, start-up queries).
        for (const client of pool?._clients ?? []) client.on?.('error', lost)
        // Deactivated users and cross-site cookie requests are nobody, whatever the strategy.
        guardAuthStrategies(payload, ctx.slugs.users)
        // PostgreSQL refuses any change to register and review rows. Installed (if missing)
        // on every start, so an app that only runs `payload migrate:create` and `migrate`
        // has them too; a migration may install them as well (the demo's does).
        if (pushesSchema(payload)) await installRecordImmutability(payload, ctx.slugs)
        else {
          await installRecordImmutability(payload, ctx.slugs).catch((error: Error) =>
            payload.logger.error({
              msg: `sop-medsos: could not install the record's immutability triggers (${escapeControls(String(error.message))}). Run recordImmutabilitySql() in a migration as the tables' owner (README).`,
            }),
          )
        }
        await config.onInit?.(payload)
      },
      custom: { ...config.custom, sopMedsos: pluginCustom(ctx) },
    }
  }
}

export default sopMedsosPlugin
