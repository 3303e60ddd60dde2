/**
 * Notifications: an in-app notice (collection `notifications`, read by its recipient
 * only) and an email, when a submission enters someone's queue, comes back to the field
 * team, fails to post, or runs late. Notices are written in the transaction of the
 * change that causes them; the email is a job queued with `req`, so it exists only when
 * that change commits, and it is sent once (`emailedAt`).
 */
import { explainKey } from '../publishing/classify.js'
import type { Payload, PayloadRequest } from 'payload'
import { idOf, NOTIFICATIONS_SLUG, pluginContext, type PluginContext } from '../context.js'
import { inTransaction } from './transaction.js'
import { formatInZone } from '../workflow/deadlines.js'
import { FINAL_STATUSES, isStatus, type Role, type Status } from '../workflow/model.js'
import {
  ESCALATE_AFTER_MS,
  entryNotice,
  lateStage,
  stepKey,
  SUPERIOR,
  type NotificationKind,
} from '../workflow/notify.js'
import type { Stage } from '../workflow/table.js'
import { roleLabels, statusLabels, translations } from '../translations/index.js'
import { newsSettings } from '../news/query.js'
import { escapeControls } from '../workflow/text.js'

export const NOTIFY_TASK = 'sopMedsosNotify'
export const OVERDUE_TASK = 'sopMedsosOverdue'
export { NOTIFICATIONS_SLUG }

type Doc = Record<string, any>
type Lang = 'id' | 'en'

export interface NoticeParams {
  title: string
  number: string | null
  status: Status
  due: string | null
  note?: string | null
  errors?: string | null
  stage?: Stage | null
}

const MESSAGE_KEY: Record<NotificationKind, string> = {
  queue: 'notifyQueue',
  returned: 'notifyReturned',
  declined: 'notifyDeclined',
  publishFailed: 'notifyPublishFailed',
  overdue: 'notifyOverdue',
  escalation: 'notifyEscalation',
}
const SUBJECT_KEY: Record<NotificationKind, string> = {
  queue: 'emailSubjectQueue',
  returned: 'emailSubjectReturned',
  declined: 'emailSubjectDeclined',
  publishFailed: 'emailSubjectPublishFailed',
  overdue: 'emailSubjectOverdue',
  escalation: 'emailSubjectEscalation',
}

/** A plugin message in `lang`, from the config's merged translations (an app may override ours). */
function text(payload: Payload, lang: Lang, key: string, vars: Record<string, unknown>): string {
  const merged = (payload.config.i18n?.translations as Record<string, any> | undefined)?.[lang]
    ?.sopMedsos?.[key]
  const template: string =
    merged ?? (translations[lang].sopMedsos as Record<string, string>)[key] ?? key
  return template.replace(/{{\s*(\w+)\s*}}/g, (_, name: string) =>
    vars[name] == null ? '' : String(vars[name]),
  )
}

function vars(payload: Payload, lang: Lang, params: NoticeParams): Record<string, unknown> {
  const tz = pluginContext(payload).options.timeZone
  return {
    title: params.title,
    number: params.number || text(payload, lang, 'noNumber', {}),
    status: isStatus(params.status) ? statusLabels[params.status][lang] : params.status,
    due: formatInZone(params.due, tz, lang),
    note: params.note || text(payload, lang, 'noNote', {}),
    errors: params.errors || '-',
    stage: params.stage ? roleLabels[params.stage][lang] : '',
  }
}

export function noticeText(
  payload: Payload,
  lang: Lang,
  kind: NotificationKind,
  params: NoticeParams,
): string {
  return text(payload, lang, MESSAGE_KEY[kind], vars(payload, lang, params))
}

function paramsOf(submission: Doc, extra: Partial<NoticeParams> = {}): NoticeParams {
  return {
    title: String(submission.title ?? ''),
    number: submission.registerNumber ?? null,
    status: submission.status,
    due: submission.dueAt ?? null,
    ...extra,
  }
}

/**
 * The people of a stage for one submission: the creator for the field team; otherwise
 * everyone holding the role, minus the creator and anyone who acted at another stage of
 * this submission (they could not act: separation of duties).
 */
async function peopleOf(
  req: PayloadRequest,
  ctx: PluginContext,
  submission: Doc,
  role: Role,
): Promise<(string | number)[]> {
  const ownerId = idOf(submission.createdBy)
  if (role === 'tim-pelaksana') return ownerId == null ? [] : [ownerId]
  const users = await req.payload.find({
    collection: ctx.slugs.users,
    where: { roles: { contains: role } },
    pagination: false,
    depth: 0,
    select: { roles: true },
    overrideAccess: true,
    req,
  })
  const reviews = await req.payload.find({
    collection: ctx.slugs.reviews,
    where: { submission: { equals: submission.id } },
    pagination: false,
    depth: 0,
    select: { actor: true, stage: true },
    overrideAccess: true,
    req,
  })
  const barred = new Set(
    reviews.docs
      .filter((r) => (r as Doc).stage && (r as Doc).stage !== role)
      .map((r) => String(idOf((r as Doc).actor))),
  )
  return users.docs
    .map((u) => u.id)
    .filter((id) => String(id) !== String(ownerId) && !barred.has(String(id)))
}

/** Creates the notices (skipping keys already there) and queues their emails, in `req`'s transaction. */
async function deliver(
  req: PayloadRequest,
  recipients: (string | number)[],
  kind: NotificationKind,
  submissionId: string | number,
  params: NoticeParams,
  keyOf: (recipient: string | number) => string,
): Promise<number> {
  if (!recipients.length) return 0
  const keys = recipients.map(keyOf)
  const existing = await req.payload.find({
    collection: NOTIFICATIONS_SLUG,
    where: { key: { in: keys } },
    pagination: false,
    depth: 0,
    select: { key: true },
    overrideAccess: true,
    showHiddenFields: true,
    req,
  })
  const have = new Set(existing.docs.map((d) => (d as Doc).key))
  let created = 0
  for (const recipient of recipients) {
    const key = keyOf(recipient)
    if (have.has(key)) continue
    const doc = await req.payload.create({
      collection: NOTIFICATIONS_SLUG,
      data: { recipient, submission: submissionId, kind, params, read: false, key } as never,
      depth: 0,
      overrideAccess: true,
      req,
    })
    await req.payload.jobs.queue({
      task: NOTIFY_TASK as never,
      input: { notification: String(doc.id) } as never,
      queue: pluginContext(req.payload).options.notifications.queue,
      req,
    })
    created++
  }
  return created
}

/** A submission entered a new status: tell the people it now waits for (or who must know), in `req`'s transaction. */
export async function notifyStatusEntered(
  req: PayloadRequest,
  ctx: PluginContext,
  doc: Doc,
): Promise<void> {
  if (!isStatus(doc.status)) return
  const notice = entryNotice(ctx.workflow, doc.status)
  if (!notice) return
  const extra: Partial<NoticeParams> = {}
  if (notice.kind === 'returned' || notice.kind === 'declined') {
    const last = await req.payload.find({
      collection: ctx.slugs.reviews,
      where: { submission: { equals: doc.id } },
      sort: '-createdAt',
      limit: 1,
      depth: 0,
      overrideAccess: true,
      req,
    })
    extra.note = (last.docs[0] as Doc | undefined)?.note ?? null
  }
  if (notice.kind === 'publishFailed') {
    const pubs = await req.payload.find({
      collection: ctx.slugs.publications,
      where: {
        and: [{ submission: { equals: doc.id } }, { status: { in: ['failed', 'unconfirmed'] } }],
      },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      req,
    })
    // The explanation in the office's language, as the notice's other parameters.
    extra.errors = pubs.docs
      .map((p) => {
        const why = explainKey(p as Doc)
        return `${(p as Doc).platform}: ${why ? text(req.payload, 'id', why.key, why.vars) : (p as Doc).status}`
      })
      .join('; ')
  }
  const params = paramsOf(doc, extra)
  const step = stepKey(doc.id, doc.status, doc.statusChangedAt)
  for (const stage of notice.stages) {
    const people = (await peopleOf(req, ctx, doc, stage)).filter(
      (id) => String(id) !== String(req.user?.id),
    )
    await deliver(req, people, notice.kind, doc.id, params, (r) => `${notice.kind}:${step}:${r}`)
  }
}

/** The job: email one notice to its recipient, Indonesian first and English second; once. */
export async function sendNotificationEmail(
  payload: Payload,
  id: string | number,
): Promise<'sent' | 'skipped'> {
  const notice = (await payload.findByID({
    collection: NOTIFICATIONS_SLUG,
    id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
  })) as Doc | null
  if (!notice || notice.emailedAt) return 'skipped'
  const ctx = pluginContext(payload)
  const user = (await payload.findByID({
    collection: ctx.slugs.users,
    id: idOf(notice.recipient)!,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
  })) as Doc | null
  if (!user?.email) return 'skipped'
  const kind = notice.kind as NotificationKind
  const params = notice.params as NoticeParams
  const settings = newsSettings(payload)
  const base = (payload.config.serverURL || settings.siteUrl).replace(/\/+$/, '')
  const url = `${base}${payload.config.routes.admin}/collections/${ctx.slugs.submissions}/${idOf(notice.submission)}`
  const part = (lang: Lang) =>
    [
      noticeText(payload, lang, kind, params),
      '',
      text(payload, lang, 'emailOpen', { url }),
      '',
      text(payload, lang, 'emailWhy', { agency: settings.agencyName }),
    ].join('\n')
  const subject = `[${settings.agencyName}] ${text(payload, 'id', SUBJECT_KEY[kind], { title: params.title })}`
  const body = `${part('id')}\n\n— English —\n\n${part('en')}\n`
  const escape = (s: string) =>
    s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)
  await payload.sendEmail({
    to: user.name ? { name: String(user.name), address: String(user.email) } : String(user.email),
    subject,
    text: body,
    html: `<div lang="id">${escape(part('id')).replace(/\n/g, '<br>')}</div><hr><div lang="en">${escape(part('en')).replace(/\n/g, '<br>')}</div>`,
  } as never)
  await payload.update({
    collection: NOTIFICATIONS_SLUG,
    id,
    data: { emailedAt: new Date().toISOString() } as never,
    depth: 0,
    overrideAccess: true,
  })
  return 'sent'
}

/**
 * The scheduled job: a step past its deadline reminds the people of its stage once;
 * a full day late, it tells the stage's superior once. Keys make "once" hold across runs
 * (and two workers: a duplicate key is a unique-index violation, ignored).
 */
export async function remindOverdue(payload: Payload, now: Date = new Date()): Promise<number> {
  const ctx = pluginContext(payload)
  if (!ctx.options.notifications.enabled) return 0
  const late = await payload.find({
    collection: ctx.slugs.submissions,
    where: {
      and: [{ dueAt: { less_than: now.toISOString() } }, { status: { not_in: FINAL_STATUSES } }],
    },
    pagination: false,
    depth: 0,
    select: {
      title: true,
      registerNumber: true,
      status: true,
      dueAt: true,
      statusChangedAt: true,
      createdBy: true,
    },
    overrideAccess: true,
  })
  let sent = 0
  for (const submission of late.docs as Doc[]) {
    const stage = lateStage(ctx.workflow, submission.status)
    if (!stage) continue
    const step = stepKey(submission.id, submission.status, submission.statusChangedAt)
    const escalate = now.getTime() - new Date(submission.dueAt).getTime() >= ESCALATE_AFTER_MS
    const superior = SUPERIOR[stage]
    try {
      sent += await inTransaction(payload, async (req) => {
        let n = 0
        n += await deliver(
          req,
          await peopleOf(req, ctx, submission, stage),
          'overdue',
          submission.id,
          paramsOf(submission, { stage }),
          (r) => `overdue:${step}:${r}`,
        )
        if (escalate && superior) {
          n += await deliver(
            req,
            await peopleOf(req, ctx, submission, superior),
            'escalation',
            submission.id,
            paramsOf(submission, { stage }),
            (r) => `escalation:${step}:${r}`,
          )
        }
        return n
      })
    } catch (error) {
      // Another worker wrote the same notice first (unique key): nothing is lost.
      payload.logger.info({
        msg: `sop-medsos: overdue notices for submission ${submission.id} skipped: ${escapeControls(String((error as Error).message))}`,
      })
    }
  }
  return sent
}
