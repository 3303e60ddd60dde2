/**
 * Creating a review is how a workflow action is taken. beforeChange decides (state
 * table, roles, separation of duties, SOP rules) under a row lock on the submission;
 * afterChange advances the submission and appends the register, in the same transaction.
 */
import type { PayloadRequest } from 'payload'
import { idOf, WORKFLOW_CONTEXT, type PluginContext } from '../context.js'
import { checkSubmissionRules, contentHash, type RuleBroken } from '../workflow/content.js'
import { isAction, isStatus, type Status } from '../workflow/model.js'
import { isConfirmable, isRetryable } from '../workflow/publication.js'
import { decide } from '../workflow/table.js'
import { rolesOf } from '../access/roles.js'
import { actionLabels, roleLabels, statusLabels } from '../translations/index.js'
import { badRequest, forbidden, message, notFound } from '../hooks/errors.js'
import { postsByHand } from '../publishing/adapters/index.js'
import { storeApprovalSheet } from './approvalSheet.js'
import { lockDocument } from './locks.js'
import { enqueuePublishing } from './publishing.js'
import { appendRegisterEntry } from './register.js'
import { loadSubmission, outcomeOf, priorStagesOf, publicationsOf, settle } from './submissions.js'

type Doc = Record<string, any>

const LOADED_KEY = 'sopMedsosReviewedSubmission'

const lang = (req: PayloadRequest): 'id' | 'en' => (req.i18n?.language === 'en' ? 'en' : 'id')

function describeRule(req: PayloadRequest, broken: RuleBroken): string {
  switch (broken.rule) {
    case 'minPhotos':
      return message(req, 'ruleMinPhotos', { min: broken.min, actual: broken.actual })
    case 'photosNotImages':
      return message(req, 'rulePhotosNotImages', { ids: broken.ids.join(', ') })
    case 'captionTooLong':
      return message(req, 'ruleCaptionTooLong', { max: broken.max, actual: broken.actual })
    case 'narrativeRequired':
      return message(req, 'ruleNarrativeRequired')
    case 'captionRequired':
      return message(req, 'ruleCaptionRequired')
    case 'titleRequired':
      return message(req, 'ruleTitleRequired')
  }
}

/**
 * Decides a new review (a workflow action) under a row lock on its submission: state
 * table, roles, separation of duties, SOP rules. Returns the review as it is stored.
 */
export async function decideReview(
  req: PayloadRequest,
  ctx: PluginContext,
  data: Doc,
): Promise<Doc> {
  const user = req.user
  if (!user) throw forbidden(req, 'forbiddenRole', { action: String(data.action), role: '-' })
  if (!isAction(data.action))
    throw badRequest(req, 'unknownAction', { action: String(data.action) })
  const action = data.action
  const submissionId = idOf(data.submission)
  if (submissionId == null) throw notFound(req, 'submissionNotFound')

  await lockDocument(req, ctx.slugs.submissions, submissionId)
  const loaded = await loadSubmission(req, ctx, submissionId)
  if (!loaded) throw notFound(req, 'submissionNotFound')
  const status = loaded.doc.status as Status
  if (!isStatus(status)) throw forbidden(req, 'forbiddenStatus', { action, status: String(status) })

  const priorStages = await priorStagesOf(req, ctx, submissionId, user.id)
  const ownerId = idOf(loaded.doc.createdBy)
  const decision = decide(ctx.workflow, { id: user.id, roles: rolesOf(user) }, action, {
    status,
    ownerId,
    priorStages,
  })
  const l = lang(req)
  if (!decision.ok) {
    switch (decision.reason) {
      case 'status':
        throw forbidden(req, 'forbiddenStatus', {
          action: actionLabels[action][l],
          status: statusLabels[status][l],
        })
      case 'role':
        throw forbidden(req, 'forbiddenRole', {
          action: actionLabels[action][l],
          role: roleLabels[decision.role][l],
        })
      case 'owner':
        throw forbidden(req, 'forbiddenOwner')
      case 'ownContent':
        throw forbidden(req, 'forbiddenOwnContent')
      case 'separation':
        throw forbidden(req, 'forbiddenSeparation', { stage: roleLabels[decision.stage][l] })
    }
  }
  const transition = decision.transition
  const note = typeof data.note === 'string' ? data.note.trim() : ''
  if (transition.noteRequired && !note)
    throw badRequest(req, 'noteRequired', { action: actionLabels[action][l] })

  if (action === 'submit') {
    const broken = checkSubmissionRules(loaded.content, ctx.options)
    if (broken.length) {
      throw badRequest(req, 'rulesBroken', {
        rules: broken.map((b) => describeRule(req, b)).join('; '),
      })
    }
  }

  let toStatus: Status = transition.to
  let publication: string | number | null = null
  let url: string | null = null
  if (action === 'publish') {
    const accounts = await req.payload.count({
      collection: ctx.slugs.socialAccounts,
      where: { enabled: { equals: true } },
      overrideAccess: true,
      req,
    })
    if (!accounts.totalDocs) throw badRequest(req, 'noAccounts')
  }
  if (action === 'retry') {
    const pubs = await publicationsOf(req, ctx, submissionId)
    if (!pubs.some(isRetryable)) throw badRequest(req, 'nothingToRetry')
  }
  if (action === 'confirm') {
    publication = idOf(data.publication)
    url = typeof data.url === 'string' ? data.url.trim() : ''
    const pubs = await publicationsOf(req, ctx, submissionId)
    const target = pubs.find((p) => String(p.id) === String(publication))
    if (!target || !/^https?:\/\/\S+$/.test(url)) throw badRequest(req, 'confirmNeedsTarget')
    if (!isConfirmable(target, postsByHand)) throw forbidden(req, 'confirmTargetDone')
    const after = pubs.map((p) => (p === target ? { ...p, status: 'published' } : p))
    toStatus = (outcomeOf(after) ?? status) as Status
  }

  // afterChange of this same operation reuses it: the row stays locked until commit.
  req.context[LOADED_KEY] = loaded.doc
  const actor = user as unknown as {
    id: string | number
    name?: string
    jabatan?: string
    nip?: string
  }
  return {
    ...data,
    submission: submissionId,
    note: note || null,
    actor: actor.id,
    actorName: actor.name ?? null,
    actorJabatan: actor.jabatan ?? null,
    actorNip: actor.nip ?? null,
    stage: transition.role,
    fromStatus: status,
    toStatus,
    publication,
    url,
    contentHash: contentHash(loaded.content),
    submissionOwner: ownerId,
    corrections:
      transition.role === 'ketua-ppid' &&
      Array.isArray(loaded.doc.pendingCorrections) &&
      loaded.doc.pendingCorrections.length
        ? loaded.doc.pendingCorrections
        : null,
  }
}

/**
 * Carries out a stored review in its transaction: advances the submission, appends the
 * register, makes the approval sheet, starts or retries posting, confirms a target.
 */
export async function applyReview(req: PayloadRequest, ctx: PluginContext, doc: Doc): Promise<Doc> {
  const submissionId = idOf(doc.submission)!
  const now = new Date().toISOString()
  const submission = req.context[LOADED_KEY] as Record<string, unknown> | undefined
  if (!submission || String(submission.id) !== String(submissionId))
    throw notFound(req, 'submissionNotFound')
  if (doc.action === 'confirm') {
    await req.payload.update({
      collection: ctx.slugs.publications,
      id: idOf(doc.publication)!,
      data: {
        status: 'published',
        permalink: doc.url,
        publishedAt: now,
        confirmedBy: idOf(doc.actor),
        leaseToken: null,
        leaseUntil: null,
        errorClass: null,
        errorCode: null,
        errorDetail: null,
      },
      depth: 0,
      overrideAccess: true,
      req,
    })
    await settle(req, ctx, submissionId)
    return doc
  }
  if (doc.action === 'retry') {
    for (const p of await publicationsOf(req, ctx, submissionId)) {
      if (!isRetryable(p)) continue
      await req.payload.update({
        collection: ctx.slugs.publications,
        id: p.id,
        data: {
          status: 'queued',
          state: null,
          leaseToken: null,
          leaseUntil: null,
          errorClass: null,
          errorCode: null,
          errorDetail: null,
        },
        depth: 0,
        overrideAccess: true,
        req,
      })
    }
  }
  const update: Record<string, unknown> = { status: doc.toStatus, statusChangedAt: now }
  if (doc.stage === 'ketua-ppid') update.pendingCorrections = null
  if (doc.action === 'submit') {
    update.submittedAt = now
    if (!submission.registerNumber) {
      const entry = await appendRegisterEntry(req, ctx, {
        kind: 'documentation',
        submissionId,
        ownerId: idOf(submission.createdBy),
        actorId: idOf(doc.actor),
        summary: String(submission.title ?? ''),
        contentHash: String(doc.contentHash),
      })
      update.registerNumber = entry.number
    }
  }
  await req.payload.update({
    collection: ctx.slugs.submissions,
    id: submissionId,
    data: update,
    depth: 0,
    overrideAccess: true,
    req,
    context: { [WORKFLOW_CONTEXT]: true },
  })
  // The approved version, on paper: Lembar Persetujuan Publikasi with the approved hash.
  if (doc.toStatus === 'approved') await storeApprovalSheet(req, submissionId)
  // Step 5 starts: on approval in `auto` mode, on `publish`, on `retry`. The job is
  // queued with `req`: it exists only if this action commits.
  const startsPosting =
    doc.action === 'publish' ||
    doc.action === 'retry' ||
    (doc.toStatus === 'approved' && ctx.options.publishing.mode === 'auto')
  if (startsPosting) {
    const targets = await enqueuePublishing(req, submission)
    if (targets && doc.toStatus === 'approved') {
      await req.payload.update({
        collection: ctx.slugs.submissions,
        id: submissionId,
        data: { status: 'publishing', statusChangedAt: now },
        depth: 0,
        overrideAccess: true,
        req,
        context: { [WORKFLOW_CONTEXT]: true },
      })
    }
  }
  return doc
}
