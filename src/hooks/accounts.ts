/** Payload glue of the social accounts: sealed credentials, a checked target URL, no deleting a used account. */
import type { CollectionBeforeChangeHook, CollectionBeforeDeleteHook } from 'payload'
import type { PluginContext } from '../context.js'
import { decrypt, encrypt } from '../publishing/crypto.js'
import { adapterOf } from '../publishing/adapters/index.js'
import { badRequest, forbidden } from './errors.js'
import { targetPolicy, urlRefusal } from '../publishing/targets.js'

type Doc = Record<string, any>

/** Moves typed credentials into the sealed field; an empty input keeps what is stored. */
export function sealCredentials(ctx: PluginContext): CollectionBeforeChangeHook {
  return ({ data, originalDoc, operation, req }) => {
    const typed: Record<string, string> = {}
    for (const key of ['accessToken', 'secret'] as const) {
      const v = data[key]
      if (typeof v === 'string' && v.trim()) typed[key] = v.trim()
      delete data[key]
    }
    if (Object.keys(typed).length) {
      let stored: Record<string, string> = {}
      const sealed =
        operation === 'update' ? (originalDoc as Doc | undefined)?.credentials : undefined
      if (sealed) {
        try {
          stored = JSON.parse(decrypt(ctx.credentialsKey!, String(sealed)))
        } catch {
          stored = {}
        }
      }
      data.credentials = encrypt(ctx.credentialsKey!, JSON.stringify({ ...stored, ...typed }))
      data.hasCredentials = true
      data.needsReconnect = false
      data.lastError = null
    } else if (operation === 'update' && originalDoc) {
      // Hidden fields are not sent back by the admin form: keep the sealed value.
      data.credentials = (originalDoc as Doc).credentials ?? null
    }
    const platform = data.platform ?? (originalDoc as Doc | undefined)?.platform
    if (adapterOf(platform)?.needs.url && data.url) {
      if (!/^https?:\/\//i.test(String(data.url))) throw badRequest(req, 'webhookUrl')
      // A literal internal address (or localhost) is refused now; names are checked again
      // when the engine resolves them, for every request.
      const refused = urlRefusal(
        targetPolicy(ctx.options.publishing.allowPrivateHosts),
        String(data.url),
      )
      if (refused?.kind === 'scheme') throw badRequest(req, 'webhookUrl')
      if (refused)
        throw badRequest(req, 'webhookUrlInternal', { host: refused.host, kind: refused.kind })
    }
    return data
  }
}

/**
 * An account that has posting targets is part of the record (which account a post went
 * to): it is disabled, never deleted (403 instead of the foreign key's bare 500).
 */
export function keepAccountsWithPublications(ctx: PluginContext): CollectionBeforeDeleteHook {
  return async ({ id, req }) => {
    const found = await req.payload.count({
      collection: ctx.slugs.publications,
      where: { account: { equals: id } },
      overrideAccess: true,
      req,
    })
    if (found.totalDocs) throw forbidden(req, 'accountHasPublications')
  }
}
