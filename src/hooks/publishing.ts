/** Payload glue of the publishing engine: credentials, the step-5 review actions, settling a submission. */
import type { CollectionBeforeChangeHook, CollectionBeforeDeleteHook, PayloadRequest } from 'payload'
import { idOf, WORKFLOW_CONTEXT, type PluginContext } from '../context.js'
import { decrypt, encrypt } from '../publishing/crypto.js'
import { OPEN_STATUSES } from '../publishing/engine.js'
import { contentHash } from '../workflow/content.js'
import { badRequest, forbidden } from './errors.js'
import { targetPolicy, urlRefusal } from '../publishing/targets.js'
import { appendRegisterEntry } from './register.js'
import { loadSubmission } from './reviews.js'

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
      const sealed = operation === 'update' ? (originalDoc as Doc | undefined)?.credentials : undefined
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
    if (platform === 'webhook' && data.url) {
      if (!/^https?:\/\//i.test(String(data.url))) throw badRequest(req, 'webhookUrl')
      // A literal internal address (or localhost) is refused now; names are checked again
      // when the engine resolves them, for every request.
      const refused = urlRefusal(targetPolicy(ctx.options.publishing.allowPrivateHosts), String(data.url))
      if (refused?.kind === 'scheme') throw badRequest(req, 'webhookUrl')
      if (refused) throw badRequest(req, 'webhookUrlInternal', { host: refused.host, kind: refused.kind })
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
    const found = await req.payload.count({ collection: ctx.slugs.publications, where: { account: { equals: id } }, overrideAccess: true, req })
    if (found.totalDocs) throw forbidden(req, 'accountHasPublications')
  }
}

export async function publicationsOf(req: PayloadRequest, ctx: PluginContext, submissionId: string | number): Promise<Doc[]> {
  const res = await req.payload.find({ collection: ctx.slugs.publications, where: { submission: { equals: submissionId } }, pagination: false, depth: 0, overrideAccess: true, req })
  return res.docs as Doc[]
}

/** Waiting for a person (a manual account), not for a worker. */
const waitingForPerson = (p: Doc) => p.status === 'queued' && p.platform === 'manual'

export function outcome(pubs: Doc[]): 'published' | 'publish_failed' | 'publishing' | null {
  if (!pubs.length) return null
  if (pubs.every((p) => p.status === 'published')) return 'published'
  const running = pubs.some((p) => OPEN_STATUSES.includes(p.status) && !waitingForPerson(p))
  if (running) return 'publishing'
  if (pubs.some((p) => p.status === 'failed' || p.status === 'unconfirmed')) return 'publish_failed'
  return 'publishing'
}

/** Brings the submission's status in line with its targets (caller holds the row lock, in `req`'s transaction). */
export async function settle(req: PayloadRequest, ctx: PluginContext, submissionId: string | number): Promise<string | null> {
  const loaded = await loadSubmission(req, ctx, submissionId)
  if (!loaded) return null
  const status = loaded.doc.status as string
  if (!['approved', 'publishing', 'publish_failed'].includes(status)) return status
  const pubs = await publicationsOf(req, ctx, submissionId)
  const next = outcome(pubs)
  if (!next || next === status) return status
  const now = new Date().toISOString()
  const data: Doc = { status: next, statusChangedAt: now }
  if (next === 'published') {
    data.publishedAt = now
    const links = pubs.map((p) => `${p.platform}: ${p.permalink ?? p.postId ?? '-'}`).join('; ')
    const sheet = await req.payload.find({ collection: 'approval-sheets', where: { submission: { equals: submissionId } }, sort: '-createdAt', limit: 1, depth: 0, overrideAccess: true, req })
    await appendRegisterEntry(req, ctx, {
      kind: 'content',
      submissionId,
      ownerId: idOf(loaded.doc.createdBy) ?? null,
      actorId: null,
      summary: `${loaded.doc.title ?? ''} — ${links}`.slice(0, 2000),
      contentHash: contentHash(loaded.content),
      approvalSheet: sheet.docs[0]?.id ?? null,
    })
  }
  await req.payload.update({ collection: ctx.slugs.submissions, id: submissionId, data, depth: 0, overrideAccess: true, req, context: { [WORKFLOW_CONTEXT]: true } })
  return next
}
