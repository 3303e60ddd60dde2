/**
 * A submission as the workflow reads and moves it: loading it with its media facts,
 * the stages a user already acted in, its posting targets, and settling its status
 * from those targets (plus the register's `content` entry when all are published).
 */
import type { Payload, PayloadRequest } from 'payload'
import {
  APPROVAL_SHEETS,
  idOf,
  pluginContext,
  WORKFLOW_CONTEXT,
  type PluginContext,
} from '../context.js'
import { contentHash, type MediaFacts } from '../workflow/content.js'
import { outcome, SETTLING_STATUSES } from '../workflow/publication.js'
import type { Stage } from '../workflow/table.js'
import { postsByHand } from '../publishing/adapters/index.js'
import { lockDocument } from './locks.js'
import { appendRegisterEntry } from './register.js'
import { inTransaction } from './transaction.js'

type Doc = Record<string, any>

function mediaFacts(list: unknown): MediaFacts[] {
  if (!Array.isArray(list)) return []
  return list.map((item) =>
    item && typeof item === 'object'
      ? {
          id: (item as { id: string | number }).id,
          mimeType: (item as { mimeType?: string }).mimeType ?? null,
          sha256: (item as { sha256?: string }).sha256 ?? null,
        }
      : { id: item as string | number, mimeType: null, sha256: null },
  )
}

/** Loads a submission with its media, as the workflow sees it (inside the transaction). */
export async function loadSubmission(req: PayloadRequest, ctx: PluginContext, id: string | number) {
  const doc = await req.payload.findByID({
    collection: ctx.slugs.submissions,
    id,
    depth: 1,
    overrideAccess: true,
    showHiddenFields: true,
    disableErrors: true,
    req,
    context: { [WORKFLOW_CONTEXT]: true },
  })
  if (!doc) return null
  const record = doc as unknown as Record<string, unknown>
  const content = {
    title: record.title as string | null,
    narrative: record.narrative,
    caption: record.caption as string | null,
    photos: mediaFacts(record.photos),
    videos: mediaFacts(record.videos),
  }
  return { doc: record, content }
}

/** The stages in which this user already acted on this submission (separation of duties). */
export async function priorStagesOf(
  req: PayloadRequest,
  ctx: PluginContext,
  submissionId: string | number,
  userId: string | number,
): Promise<Stage[]> {
  const prior = await req.payload.find({
    collection: ctx.slugs.reviews,
    where: { and: [{ submission: { equals: submissionId } }, { actor: { equals: userId } }] },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return [
    ...new Set(prior.docs.map((r) => (r as { stage?: Stage }).stage).filter(Boolean)),
  ] as Stage[]
}

export async function publicationsOf(
  req: PayloadRequest,
  ctx: PluginContext,
  submissionId: string | number,
): Promise<Doc[]> {
  const res = await req.payload.find({
    collection: ctx.slugs.publications,
    where: { submission: { equals: submissionId } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return res.docs as Doc[]
}

/** The submission status its targets call for (see workflow/publication.ts). */
export const outcomeOf = (pubs: Doc[]) => outcome(pubs, postsByHand)

/** Brings the submission's status in line with its targets (caller holds the row lock, in `req`'s transaction). */
export async function settle(
  req: PayloadRequest,
  ctx: PluginContext,
  submissionId: string | number,
): Promise<string | null> {
  const loaded = await loadSubmission(req, ctx, submissionId)
  if (!loaded) return null
  const status = loaded.doc.status as string
  if (!(SETTLING_STATUSES as readonly string[]).includes(status)) return status
  const pubs = await publicationsOf(req, ctx, submissionId)
  const next = outcomeOf(pubs)
  if (!next || next === status) return status
  const now = new Date().toISOString()
  const data: Doc = { status: next, statusChangedAt: now }
  if (next === 'published') {
    data.publishedAt = now
    const links = pubs.map((p) => `${p.platform}: ${p.permalink ?? p.postId ?? '-'}`).join('; ')
    const sheet = await req.payload.find({
      collection: APPROVAL_SHEETS,
      where: { submission: { equals: submissionId } },
      sort: '-createdAt',
      limit: 1,
      depth: 0,
      overrideAccess: true,
      req,
    })
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
  await req.payload.update({
    collection: ctx.slugs.submissions,
    id: submissionId,
    data,
    depth: 0,
    overrideAccess: true,
    req,
    context: { [WORKFLOW_CONTEXT]: true },
  })
  return next
}

/** Sets the submission from its targets: all published → `published` (+ register `content` entry); any failed/unconfirmed and none running → `publish_failed`. */
export async function settleSubmission(
  payload: Payload,
  submissionId: string | number,
  outer?: PayloadRequest,
): Promise<string | null> {
  const ctx = pluginContext(payload)
  const run = async (req: PayloadRequest) => {
    await lockDocument(req, ctx.slugs.submissions, submissionId)
    return settle(req, ctx, submissionId)
  }
  return outer ? run(outer) : inTransaction(payload, run)
}
