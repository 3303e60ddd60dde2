/**
 * The read models of the admin workbench, answered by two endpoints and also usable from
 * server code: a user's queue ("Antrian saya") and one submission's workbench (the
 * actions the state table allows this user now, deadline, timeline, posts). Everything
 * is read with the user's own access, so nobody learns more here than through the API.
 */
import { sql } from '@payloadcms/db-postgres'
import { tableName } from '../services/locks.js'
import type { PayloadRequest, Where } from 'payload'
import { APPROVAL_SHEETS, idOf, pluginContext, type PluginContext } from '../context.js'
import { postsByHand } from '../publishing/adapters/index.js'
import { isOverdue } from '../workflow/deadlines.js'
import {
  APPROVER_STAGES,
  STATUSES,
  type Action,
  type Role,
  type Status,
} from '../workflow/model.js'
import { allowedActions, decideEdit, waitingOn, type Stage } from '../workflow/table.js'
import { isConfirmable, isRetryable } from '../workflow/publication.js'
import type { Correction } from '../workflow/corrections.js'
import { rolesOf } from '../access/roles.js'

type Doc = Record<string, any>

export interface QueueItem {
  id: string | number
  title: string
  status: Status
  registerNumber: string | null
  dueAt: string | null
  overdue: boolean
  /** When it entered the current status (how long it has waited at this step). */
  since: string | null
  actions: Action[]
}

export interface QueueView {
  timeZone: string
  items: QueueItem[]
  /** Submissions per status in the whole office (drafts included, as numbers only). */
  counts: Partial<Record<Status, number>>
}

export interface WorkbenchAction {
  action: Action
  to: Status
  noteRequired: boolean
  /** An approver stage's decision (state table `role`): the admin asks for the written response, optional or not. */
  decision: boolean
  /** `confirm`: the targets it may confirm (with a post URL). */
  targets?: { id: string | number; platform: string; label: string | null; status: string }[]
}

export interface WorkbenchView {
  timeZone: string
  id: string | number
  status: Status
  registerNumber: string | null
  dueAt: string | null
  overdue: boolean
  waitingOn: Stage[]
  actions: WorkbenchAction[]
  /** May this user change the content now (the contract's "change content" row)? */
  canEdit: boolean
  approvalSheetUrl: string | null
  timeline: {
    id: string | number
    at: string
    action: Action
    stage: Stage | null
    actorName: string | null
    actorJabatan: string | null
    fromStatus: Status | null
    toStatus: Status | null
    note: string | null
    url: string | null
    corrections: Correction[] | null
  }[]
  publications: {
    id: string | number
    platform: string
    label: string | null
    status: string
    permalink: string | null
    errorMessage: string | null
    publishedAt: string | null
  }[]
}

function actorOf(req: PayloadRequest) {
  return { id: req.user!.id, roles: rolesOf(req.user) }
}

/** Stages this user already acted in, per submission (separation of duties). */
async function priorStagesOf(
  req: PayloadRequest,
  ctx: PluginContext,
  ids: (string | number)[],
): Promise<Map<string, Stage[]>> {
  const map = new Map<string, Stage[]>()
  if (!ids.length) return map
  const mine = await req.payload.find({
    collection: ctx.slugs.reviews,
    where: { and: [{ actor: { equals: req.user!.id } }, { submission: { in: ids } }] },
    pagination: false,
    depth: 0,
    select: { submission: true, stage: true },
    overrideAccess: true,
    req,
  })
  for (const r of mine.docs as Doc[]) {
    const key = String(idOf(r.submission))
    const list = map.get(key) ?? []
    if (r.stage && !list.includes(r.stage)) list.push(r.stage)
    map.set(key, list)
  }
  return map
}

/** `counts: false` skips the office's per-status counts (the list filters only need the items). */
export async function queueOf(
  req: PayloadRequest,
  { counts: withCounts = true }: { counts?: boolean } = {},
): Promise<QueueView> {
  const ctx = pluginContext(req.payload)
  const actor = actorOf(req)
  const mine = ctx.workflow.transitions.filter((t) => actor.roles.includes(t.role as Role))
  const ownerStatuses = [
    ...new Set(mine.filter((t) => t.role === 'tim-pelaksana').map((t) => t.from)),
  ]
  const officeStatuses = [
    ...new Set(mine.filter((t) => t.role !== 'tim-pelaksana').map((t) => t.from)),
  ]
  const or: Where[] = []
  if (ownerStatuses.length)
    or.push({ and: [{ createdBy: { equals: actor.id } }, { status: { in: ownerStatuses } }] })
  if (officeStatuses.length) or.push({ status: { in: officeStatuses } })
  let items: QueueItem[] = []
  if (or.length) {
    const found = await req.payload.find({
      collection: ctx.slugs.submissions,
      where: { or },
      sort: 'dueAt',
      limit: 500,
      depth: 0,
      select: {
        title: true,
        status: true,
        registerNumber: true,
        dueAt: true,
        statusChangedAt: true,
        createdBy: true,
      },
      overrideAccess: false,
      user: req.user,
      req,
    })
    const prior = await priorStagesOf(
      req,
      ctx,
      found.docs.map((d) => d.id),
    )
    const now = new Date()
    for (const d of found.docs as Doc[]) {
      const actions = allowedActions(ctx.workflow, actor, {
        status: d.status,
        ownerId: idOf(d.createdBy),
        priorStages: prior.get(String(d.id)) ?? [],
      })
      if (!actions.length) continue
      items.push({
        id: d.id,
        title: String(d.title ?? ''),
        status: d.status,
        registerNumber: d.registerNumber ?? null,
        dueAt: d.dueAt ?? null,
        overdue: isOverdue(d.dueAt, now),
        since: d.statusChangedAt ?? null,
        actions: actions.map((t) => t.action),
      })
    }
    // Returned work first (the field team's own items), then the nearest deadline.
    const rank = (s: Status) => (s === 'returned' ? 0 : 1)
    const time = (v: string | null) => (v ? new Date(v).getTime() : Number.POSITIVE_INFINITY)
    items = items.sort((a, b) => rank(a.status) - rank(b.status) || time(a.dueAt) - time(b.dueAt))
  }
  const counts: Partial<Record<Status, number>> = {}
  if (withCounts && actor.roles.length) {
    // One GROUP BY instead of a count per status (ten queries; the `published` one counted
    // most of the archive through a bitmap scan: benchmark 4).
    const drizzle = (
      req.payload.db as unknown as {
        drizzle: { execute: (q: unknown) => Promise<{ rows: { status: string; n: number }[] }> }
      }
    ).drizzle
    const { rows } = await drizzle.execute(
      sql`select status, count(*)::int as n from ${sql.identifier(tableName(req, ctx.slugs.submissions))} group by status`,
    )
    for (const { status, n } of rows)
      if (n && (STATUSES as readonly string[]).includes(status)) counts[status as Status] = n
  }
  return { timeZone: ctx.options.timeZone, items, counts }
}

export async function workbenchOf(
  req: PayloadRequest,
  id: string | number,
): Promise<WorkbenchView | null> {
  const ctx = pluginContext(req.payload)
  const actor = actorOf(req)
  const doc = (await req.payload.findByID({
    collection: ctx.slugs.submissions,
    id,
    depth: 0,
    overrideAccess: false,
    user: req.user,
    disableErrors: true,
    req,
  })) as Doc | null
  if (!doc) return null
  const readAs = {
    overrideAccess: false,
    user: req.user,
    req,
    depth: 0,
    pagination: false,
  } as const
  const reviews = (
    await req.payload.find({
      collection: ctx.slugs.reviews,
      where: { submission: { equals: doc.id } },
      sort: 'createdAt',
      ...readAs,
    })
  ).docs as Doc[]
  const pubs = (
    await req.payload.find({
      collection: ctx.slugs.publications,
      where: { submission: { equals: doc.id } },
      sort: 'createdAt',
      ...readAs,
      depth: 1,
    })
  ).docs as Doc[]
  const sheets = (
    await req.payload.find({
      collection: APPROVAL_SHEETS,
      where: { submission: { equals: doc.id } },
      sort: '-createdAt',
      limit: 1,
      overrideAccess: false,
      user: req.user,
      req,
      depth: 0,
    })
  ).docs as Doc[]
  const prior = [
    ...new Set(
      reviews
        .filter((r) => String(idOf(r.actor)) === String(actor.id))
        .map((r) => r.stage)
        .filter(Boolean),
    ),
  ] as Stage[]
  const status = doc.status as Status
  const ownerId = idOf(doc.createdBy)
  const confirmable = pubs.filter((p) => isConfirmable(p, postsByHand))
  const actions: WorkbenchAction[] = allowedActions(ctx.workflow, actor, {
    status,
    ownerId,
    priorStages: prior,
  })
    .filter((t) => t.action !== 'confirm' || confirmable.length > 0)
    .filter((t) => t.action !== 'retry' || pubs.some(isRetryable))
    .map((t) => ({
      action: t.action,
      to: t.to,
      noteRequired: t.noteRequired,
      decision: (APPROVER_STAGES as readonly string[]).includes(t.role),
      ...(t.action === 'confirm'
        ? {
            targets: confirmable.map((p) => ({
              id: p.id,
              platform: p.platform,
              label: (p.account as Doc | null)?.label ?? null,
              status: p.status,
            })),
          }
        : {}),
    }))
  // The same decision the update hook takes (separation of duties included).
  const canEdit = decideEdit(ctx.workflow, actor, { status, ownerId, priorStages: prior }).ok
  return {
    timeZone: ctx.options.timeZone,
    id: doc.id,
    status,
    registerNumber: doc.registerNumber ?? null,
    dueAt: doc.dueAt ?? null,
    overdue: isOverdue(doc.dueAt),
    waitingOn: waitingOn(ctx.workflow, status),
    actions,
    canEdit,
    approvalSheetUrl: sheets[0]?.url ?? null,
    timeline: reviews.map((r) => ({
      id: r.id,
      at: r.createdAt,
      action: r.action,
      stage: r.stage ?? null,
      actorName: r.actorName ?? null,
      actorJabatan: r.actorJabatan ?? null,
      fromStatus: r.fromStatus ?? null,
      toStatus: r.toStatus ?? null,
      note: r.note ?? null,
      url: r.url ?? null,
      corrections: Array.isArray(r.corrections) ? r.corrections : null,
    })),
    publications: pubs.map((p) => ({
      id: p.id,
      platform: p.platform,
      label: (p.account as Doc | null)?.label ?? null,
      status: p.status,
      permalink: p.permalink ?? null,
      errorMessage: p.errorMessage ?? null,
      publishedAt: p.publishedAt ?? null,
    })),
  }
}
