import type {
  CollectionAfterChangeHook,
  CollectionAfterReadHook,
  CollectionBeforeChangeHook,
  CollectionBeforeDeleteHook,
  CollectionBeforeOperationHook,
  FieldHook,
  PayloadRequest,
} from 'payload'
import { idOf, isWellFormedId, WORKFLOW_CONTEXT, type PluginContext } from '../context.js'
import { dueAt, isOverdue } from '../workflow/deadlines.js'
import { isStatus, type Status } from '../workflow/model.js'
import { decideEdit } from '../workflow/table.js'
import { slugify, uniqueSlug } from '../workflow/slug.js'
import { mergeCorrections, type Correction } from '../workflow/corrections.js'
import { roleLabels, statusLabels } from '../translations/index.js'
import { hasRole, readsOffice, rolesOf } from '../access/roles.js'
import { forbidden, notFound } from './errors.js'
import { lockDocument, lockName } from '../services/locks.js'
import { priorStagesOf } from '../services/submissions.js'

/** Fields only the workflow writes (CONTRACT: read-only through every API). */
export const SERVER_SET_FIELDS = [
  'status',
  'registerNumber',
  'submittedAt',
  'dueAt',
  'publishedAt',
  'statusChangedAt',
  'createdBy',
  'slug',
  'pendingCorrections',
] as const

/** The contract's public fields; anonymous readers get nothing else. */
export const PUBLIC_FIELDS = [
  'id',
  'title',
  'activityDate',
  'location',
  'narrative',
  'caption',
  'photos',
  'videos',
  'publishedAt',
  'registerNumber',
  'slug',
] as const

/** Fields an anonymous reader may sort the public list by; anything else falls back to newest first. */
const PUBLIC_SORTS = new Set(['publishedAt', 'activityDate', 'title'])
export const PUBLIC_DEFAULT_SORT = '-publishedAt'

const sameValue = (a: unknown, b: unknown): boolean => {
  if (a == null || a === '') return b == null || b === ''
  if (b == null) return false
  const id = (v: unknown) =>
    v && typeof v === 'object' && 'id' in v ? (v as { id: unknown }).id : v
  const [x, y] = [id(a), id(b)]
  const time = (v: unknown) =>
    typeof v === 'string' || v instanceof Date ? new Date(v as string).getTime() : NaN
  if (!Number.isNaN(time(x)) && !Number.isNaN(time(y)) && typeof x !== 'number')
    return time(x) === time(y)
  return String(x) === String(y)
}

type Doc = Record<string, unknown>

/** The submission's row as it is now, read inside the caller's transaction (after its row lock). */
async function currentRow(
  req: PayloadRequest,
  ctx: PluginContext,
  id: string | number,
): Promise<Doc | null> {
  return (await req.payload.db.findOne({
    collection: ctx.slugs.submissions,
    where: { id: { equals: id } },
    req,
  })) as Doc | null
}

const EDIT_CHECKED_KEY = 'sopMedsosEditChecked'
/** Rows an update by id locked and read before Payload's own read (guardServerFields), for its beforeChange. */
const LOCKED_ROWS_KEY = 'sopMedsosLockedRows'
const lockedRows = (req: PayloadRequest) =>
  ((req.context[LOCKED_ROWS_KEY] as Record<string, Doc> | undefined) ??= {})
const sameId = (a: unknown, b: unknown) => a != null && b != null && String(a) === String(b)
const lang = (req: PayloadRequest): 'id' | 'en' => (req.i18n?.language === 'en' ? 'en' : 'id')

/**
 * May the request's user change this submission's content now (decided on the locked,
 * current row)? Separation of duties as for actions (`decideEdit` → `decide()`). A
 * refusal the user may learn about (their own submission, or one the office reads)
 * is a 403 naming the rule; anything else is left to the collection's access (403/404,
 * nothing disclosed). Returns as what the user edits, or null when access decides.
 */
async function checkEdit(
  req: PayloadRequest,
  ctx: PluginContext,
  row: Doc,
): Promise<'owner' | 'ketua-ppid' | null> {
  const user = req.user
  if (!user) return null
  const cache = ((req.context[EDIT_CHECKED_KEY] as
    Record<string, 'owner' | 'ketua-ppid'> | undefined) ??= {})
  const key = String(row.id)
  if (cache[key]) return cache[key]
  const status = row.status as Status
  const ownerId = idOf(row.createdBy)
  const priorStages = hasRole(user, 'ketua-ppid')
    ? await priorStagesOf(req, ctx, row.id as string | number, user.id)
    : []
  const decision = decideEdit(
    ctx.workflow,
    { id: user.id, roles: rolesOf(user) },
    { status, ownerId, priorStages },
  )
  if (decision.ok) return (cache[key] = decision.as)
  const visible = sameId(ownerId, user.id) || (readsOffice(user) && status !== 'draft')
  if (!visible) return null
  const l = lang(req)
  switch (decision.reason) {
    case 'status':
      throw forbidden(req, 'editStatus', {
        status: isStatus(status) ? statusLabels[status][l] : String(status),
      })
    case 'ownContent':
      throw forbidden(req, 'editOwnContent')
    case 'separation':
      throw forbidden(req, 'editSeparation', { stage: roleLabels[decision.stage][l] })
    default:
      return null
  }
}

/**
 * Refuse (403) an attempt to set a workflow-owned field to a new value, instead of
 * silently dropping it: a client that PATCHes `status` learns that only a review can
 * change it. Sending the current value back (as the admin form does) is fine.
 *
 * A content update by id first takes the same row lock as a workflow action (SELECT …
 * FOR UPDATE, in the update's transaction, before Payload reads the document): an edit
 * and a `submit` take turns, and the edit then sees — and is checked against — the
 * status the action left (a draft that was just handed in is no longer the owner's to
 * change: 403 `editStatus`).
 */
export function guardServerFields(ctx: PluginContext): CollectionBeforeOperationHook {
  return async ({ args, operation, req, context }) => {
    if (context?.[WORKFLOW_CONTEXT]) return args
    if (operation !== 'create' && operation !== 'update') return args
    const data = args.data as Record<string, unknown> | undefined
    const touched = data
      ? SERVER_SET_FIELDS.filter((f) => f in data && data[f] != null && data[f] !== '')
      : []
    if (operation === 'create') {
      const field = touched.find((f) => !(f === 'status' && data![f] === 'draft'))
      if (field) throw forbidden(req, 'forbiddenServerField', { field })
      return args
    }
    const id = (args as { id?: string | number }).id
    if (id === undefined) return args // bulk update: field access strips them; beforeChange locks and checks each document
    // A malformed id (`abc`, `1.5`, out of range) names no submission: 404, not a failed SQL lock (500).
    if (!isWellFormedId(id, req.payload.db.defaultIDType)) throw notFound(req, 'submissionNotFound')
    await lockDocument(req, ctx.slugs.submissions, id)
    const row = await currentRow(req, ctx, id)
    if (!row) return args
    lockedRows(req)[String(id)] = row
    const field = touched.find((f) => !sameValue(data![f], row[f]))
    if (field) throw forbidden(req, 'forbiddenServerField', { field })
    await checkEdit(req, ctx, row)
    return args
  }
}

/**
 * A submission that is part of the record (it has reviews or a register entry) is never
 * deleted, whatever its status says: 403 instead of the database's foreign-key 500.
 */
export function refuseDeletingRecord(ctx: PluginContext): CollectionBeforeDeleteHook {
  return async ({ id, req }) => {
    for (const collection of [ctx.slugs.register, ctx.slugs.reviews]) {
      const found = await req.payload.count({
        collection,
        where: { submission: { equals: id } },
        overrideAccess: true,
        req,
      })
      if (found.totalDocs) throw forbidden(req, 'submissionInRecord')
    }
  }
}

/** Sets the owner and the initial status, and keeps `dueAt` derived from the state table's deadlines. */
export function deriveWorkflowFields(ctx: PluginContext): CollectionBeforeChangeHook {
  return async ({ data, operation, originalDoc, req, context }) => {
    const trusted = Boolean(context?.[WORKFLOW_CONTEXT])
    if (operation === 'create') {
      if (!trusted || !data.createdBy) data.createdBy = req.user?.id ?? data.createdBy ?? null
      if (!trusted || !isStatus(data.status)) data.status = 'draft'
      if (!trusted || !data.statusChangedAt) data.statusChangedAt = new Date().toISOString()
    }
    if (operation === 'update' && !trusted && originalDoc && req.user) {
      // Under the row lock (taken before the read for an update by id; here for the
      // documents of a bulk update, which Payload read before): the document must be
      // the one the update was built from, and the user must still be its editor.
      // An update by id locked and read the row before Payload's read: reused, once.
      const rows = lockedRows(req)
      let row: Doc | null = rows[String(originalDoc.id)] ?? null
      delete rows[String(originalDoc.id)]
      if (!row) {
        await lockDocument(req, ctx.slugs.submissions, originalDoc.id)
        row = await currentRow(req, ctx, originalDoc.id)
      }
      if (!row) throw notFound(req, 'submissionNotFound')
      const at = (v: unknown) => (v ? new Date(v as string).getTime() : 0)
      if (at(row.updatedAt) !== at(originalDoc.updatedAt) || row.status !== originalDoc.status)
        throw forbidden(req, 'editConflict')
      const as = await checkEdit(req, ctx, row)
      if (!as) throw forbidden(req, 'editStatus', { status: String(row.status) })
      // Never write back a workflow-owned field: Payload filled the whole stored document
      // into `data`; only the content goes back to the row.
      for (const f of SERVER_SET_FIELDS) delete data[f]
      // The Ketua PPID's corrections while controlling: kept per field with who made
      // them, recorded in the stage's review (verify/return). Nobody else writes this field.
      if (as === 'ketua-ppid') {
        const user = req.user as unknown as { id: string | number; name?: string | null }
        data.pendingCorrections = mergeCorrections(
          (row.pendingCorrections ?? null) as Correction[] | null,
          originalDoc,
          data,
          { id: user.id, name: user.name ?? null },
        )
      }
      const due = dueAt(
        {
          status: row.status as Status,
          activityDate: data.activityDate ?? row.activityDate,
          submittedAt: row.submittedAt as string | null,
          statusChangedAt: row.statusChangedAt as string | null,
        },
        ctx.options.timeZone,
      )
      const dueIso = due ? due.toISOString() : null
      if (at(dueIso) !== at(row.dueAt)) data.dueAt = dueIso
      return data
    }
    const merged = { ...(originalDoc ?? {}), ...data }
    const due = dueAt(
      {
        status: merged.status,
        activityDate: merged.activityDate,
        submittedAt: merged.submittedAt,
        statusChangedAt: merged.statusChangedAt,
      },
      ctx.options.timeZone,
    )
    data.dueAt = due ? due.toISOString() : null
    if (trusted && merged.status === 'published' && !merged.slug) {
      data.slug = await claimSlug(req, ctx.slugs.submissions, merged.title, originalDoc?.id)
    }
    return data
  }
}

/**
 * The slug is given once, when the submission is first published, and never changes
 * after (a corrected title keeps its link). Unique: `-2`, `-3`, … on a clash, decided
 * under a lock on the base slug so two simultaneous publications cannot both take it.
 */
async function claimSlug(
  req: Parameters<CollectionBeforeChangeHook>[0]['req'],
  collection: string,
  title: unknown,
  selfId: unknown,
): Promise<string> {
  const base = slugify(title)
  await lockName(req, `sop-medsos:slug:${base}`)
  const clashes = await req.payload.find({
    collection,
    where: { or: [{ slug: { equals: base } }, { slug: { like: `${base}-` } }] },
    select: { slug: true },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const taken = clashes.docs
    .filter((d) => d.id !== selfId)
    .map((d) => (d as { slug?: string | null }).slug)
    .filter(
      (s): s is string =>
        typeof s === 'string' && (s === base || /^-\d+$/.test(s.slice(base.length))),
    )
  return uniqueSlug(base, taken)
}

/**
 * When a submission becomes `published`, its photos and videos become public (readable
 * by anonymous visitors, with their generated sizes); until then only staff read them.
 */
export function publishMedia(ctx: PluginContext): CollectionAfterChangeHook {
  return async ({ doc, previousDoc, req }) => {
    if (doc.status !== 'published' || previousDoc?.status === 'published') return doc
    const ids = [...(doc.photos ?? []), ...(doc.videos ?? [])]
      .map((m: unknown) => (m && typeof m === 'object' ? (m as { id: unknown }).id : m))
      .filter((m): m is string | number => m != null)
    if (!ids.length) return doc
    await req.payload.update({
      collection: ctx.slugs.media,
      where: { id: { in: ids } },
      data: { isPublic: true },
      overrideAccess: true,
      depth: 0,
      req,
      context: { [WORKFLOW_CONTEXT]: true },
    })
    return doc
  }
}

/**
 * Only your own uploads can be attached (the field team's photos; the Ketua PPID's own
 * uploads when correcting in `accepted`). Files already attached stay valid, whoever
 * uploaded them: the rule looks at files this change adds. Another user's file would
 * become public with this submission while its uploader's draft is still a draft, and
 * the uploader could then no longer delete it. 403 `mediaNotOwn`.
 */
export function onlyOwnMedia(ctx: PluginContext): CollectionBeforeChangeHook {
  return async ({ data, originalDoc, req, context }) => {
    if (context?.[WORKFLOW_CONTEXT]) return data
    const ids = (list: unknown) =>
      Array.isArray(list)
        ? list
            .map(idOf)
            .filter((m): m is string | number => m != null)
            .map(String)
        : []
    const before = new Set([...ids(originalDoc?.photos), ...ids(originalDoc?.videos)])
    const idType =
      req.payload.collections[ctx.slugs.media]?.customIDType ?? req.payload.db.defaultIDType
    // Malformed ids are left to Payload's validation (400).
    const added = [...new Set([...ids(data.photos), ...ids(data.videos)])].filter(
      (id) => !before.has(id) && isWellFormedId(id, idType),
    )
    if (!added.length) return data
    const found = await req.payload.find({
      collection: ctx.slugs.media,
      where: { id: { in: added } },
      select: { uploadedBy: true },
      depth: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })
    const others = found.docs
      .filter(
        (m) =>
          !req.user ||
          String(idOf((m as { uploadedBy?: unknown }).uploadedBy)) !== String(req.user.id),
      )
      .map((m) => m.id)
    if (others.length) throw forbidden(req, 'mediaNotOwn', { ids: others.join(', ') })
    return data
  }
}

/** Anonymous list reads: newest publication first, sortable by public fields only. */
export const publicSort: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'read' || req.user || req.payloadAPI === 'local') return args
  const sort = (args as { sort?: unknown }).sort
  const fields = (Array.isArray(sort) ? sort : typeof sort === 'string' ? sort.split(',') : [])
    .map((s) => String(s).trim())
    .filter(Boolean)
  const allowed = fields.length > 0 && fields.every((s) => PUBLIC_SORTS.has(s.replace(/^-/, '')))
  ;(args as { sort?: unknown }).sort = allowed ? fields : PUBLIC_DEFAULT_SORT
  return args
}

export const computeOverdue: FieldHook = ({ siblingData }) =>
  isOverdue((siblingData as { dueAt?: string | null })?.dueAt ?? null)

/**
 * Anonymous REST/GraphQL readers see public fields only (CONTRACT), whatever the query
 * asked for; field access already hides ours, this also drops Payload's own timestamps.
 * Trusted server code (Local API) is left alone.
 */
export const publicFieldsOnly: CollectionAfterReadHook = ({ doc, req }) => {
  if (req.user || req.payloadAPI === 'local') return doc
  const out: Record<string, unknown> = {}
  for (const key of PUBLIC_FIELDS) if (key in doc) out[key] = doc[key]
  return out
}
