import type {
  CollectionAfterReadHook,
  CollectionBeforeChangeHook,
  CollectionBeforeOperationHook,
  FieldHook,
} from 'payload'
import { WORKFLOW_CONTEXT, type PluginContext } from '../src/context.js'
import { dueAt, isOverdue } from '../src/workflow/deadlines.js'
import { isStatus } from '../src/workflow/model.js'
import { forbidden } from './errors.js'

/** Fields only the workflow writes (CONTRACT: read-only through every API). */
export const SERVER_SET_FIELDS = [
  'status',
  'registerNumber',
  'submittedAt',
  'dueAt',
  'publishedAt',
  'statusChangedAt',
  'createdBy',
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
] as const

const sameValue = (a: unknown, b: unknown): boolean => {
  if (a == null || a === '') return b == null || b === ''
  if (b == null) return false
  const id = (v: unknown) => (v && typeof v === 'object' && 'id' in v ? (v as { id: unknown }).id : v)
  const [x, y] = [id(a), id(b)]
  const time = (v: unknown) => (typeof v === 'string' || v instanceof Date ? new Date(v as string).getTime() : NaN)
  if (!Number.isNaN(time(x)) && !Number.isNaN(time(y)) && typeof x !== 'number') return time(x) === time(y)
  return String(x) === String(y)
}

/**
 * Refuse (403) an attempt to set a workflow-owned field to a new value, instead of
 * silently dropping it: a client that PATCHes `status` learns that only a review can
 * change it. Sending the current value back (as the admin form does) is fine.
 */
export const guardServerFields: CollectionBeforeOperationHook = async ({ args, operation, req, context }) => {
  if (context?.[WORKFLOW_CONTEXT]) return args
  if (operation !== 'create' && operation !== 'update') return args
  const data = args.data as Record<string, unknown> | undefined
  if (!data) return args
  const touched = SERVER_SET_FIELDS.filter((f) => f in data && data[f] != null && data[f] !== '')
  if (!touched.length) return args
  if (operation === 'create') {
    const field = touched.find((f) => !(f === 'status' && data[f] === 'draft'))
    if (field) throw forbidden(req, 'forbiddenServerField', { field })
    return args
  }
  const id = (args as { id?: string | number }).id
  if (id === undefined) return args // bulk update: field access strips them
  const original = await req.payload.findByID({
    collection: 'submissions',
    id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  if (!original) return args
  const field = touched.find((f) => !sameValue(data[f], (original as Record<string, unknown>)[f]))
  if (field) throw forbidden(req, 'forbiddenServerField', { field })
  return args
}

/** Sets the owner and the initial status, and keeps `dueAt` derived from the state table's deadlines. */
export function deriveWorkflowFields(ctx: PluginContext): CollectionBeforeChangeHook {
  return ({ data, operation, originalDoc, req, context }) => {
    const trusted = Boolean(context?.[WORKFLOW_CONTEXT])
    if (operation === 'create') {
      if (!trusted || !data.createdBy) data.createdBy = req.user?.id ?? data.createdBy ?? null
      if (!trusted || !isStatus(data.status)) data.status = 'draft'
      if (!trusted || !data.statusChangedAt) data.statusChangedAt = new Date().toISOString()
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
    return data
  }
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
