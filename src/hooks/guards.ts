/**
 * Input guards every collection of the plugin (and the users/media it extends) runs
 * before Payload touches a request: a clear 4xx instead of a 500 or a silent oddity.
 * - a state-changing request authenticated by the session cookie from another site → 403
 *   `crossOriginRefused` (CSRF; see src/auth/strategies.ts);
 * - bodies over `maxJsonBytes` → 413; NUL characters (PostgreSQL cannot store them) and
 *   bidirectional-override controls (U+202A–E, U+2066–9: spoofed text) and other C0
 *   controls (all below U+0020 but tab, LF, CR: an ESC breaks the feeds' XML and forges
 *   log lines) → 400;
 * - a Lexical narrative that is not an editor state, nests too deep or is too large → 400;
 * - REST/GraphQL pagination outside 1 ≤ page ≤ 1,000,000 and 1 ≤ limit ≤ 1000 → 400
 *   (anonymous readers: limit 1–100); `limit=0` or `pagination=false` (everything at
 *   once) → 400 `paginationAll`;
 * - anonymous `where`/`sort` on a field outside the collection's public fields (walking
 *   and/or trees and dotted paths into related collections) → 400 `queryNotPublic`:
 *   filtering on a hidden field would answer questions about it (an oracle).
 */
import type { CollectionBeforeOperationHook, PayloadRequest } from 'payload'
import { WorkflowError, message } from './errors.js'
import { crossSiteCookieRequest } from '../auth/strategies.js'
import { CONTROL_CHARACTERS } from '../workflow/text.js'
import { isWellFormedId, WORKFLOW_CONTEXT } from '../context.js'

export const MAX_JSON_BYTES = 1024 * 1024
const MAX_NARRATIVE_DEPTH = 40
const MAX_NARRATIVE_NODES = 20_000
// eslint-disable-next-line no-control-regex
const NUL = /\u0000/
const BIDI = /[\u202A-\u202E\u2066-\u2069]/

type Problem = 'textNul' | 'textBidi' | 'textControl'

export function textProblem(value: unknown, depth = 0): Problem | null {
  if (depth > 200) return null // the narrative check below refuses deep values
  if (typeof value === 'string')
    return NUL.test(value)
      ? 'textNul'
      : BIDI.test(value)
        ? 'textBidi'
        : CONTROL_CHARACTERS.test(value)
          ? 'textControl'
          : null
  if (Array.isArray(value)) {
    for (const v of value) {
      const p = textProblem(v, depth + 1)
      if (p) return p
    }
    return null
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const p = textProblem(k, depth + 1) ?? textProblem(v, depth + 1)
      if (p) return p
    }
  }
  return null
}

/** Is this a Lexical editor state we accept: root → children arrays of typed nodes, bounded. */
export function narrativeProblem(value: unknown): string | null {
  if (value == null) return null
  if (typeof value !== 'object' || Array.isArray(value)) return 'not an editor state'
  const root = (value as { root?: unknown }).root
  if (!root || typeof root !== 'object' || (root as { type?: unknown }).type !== 'root')
    return 'no root node'
  let nodes = 0
  const stack: { node: unknown; depth: number }[] = [{ node: root, depth: 0 }]
  while (stack.length) {
    const { node, depth } = stack.pop()!
    if (++nodes > MAX_NARRATIVE_NODES) return 'too many nodes'
    if (depth > MAX_NARRATIVE_DEPTH) return 'nested too deep'
    if (!node || typeof node !== 'object' || Array.isArray(node)) return 'a node is not an object'
    const n = node as { type?: unknown; children?: unknown; text?: unknown }
    if (typeof n.type !== 'string' || !n.type) return 'a node has no type'
    if (n.text !== undefined && typeof n.text !== 'string') return 'a text node has no text'
    if (n.children !== undefined) {
      if (!Array.isArray(n.children)) return 'children is not a list'
      for (const child of n.children) stack.push({ node: child, depth: depth + 1 })
    }
  }
  return null
}

const refuse = (
  req: PayloadRequest,
  key: Parameters<typeof message>[1],
  status: number,
  vars: Record<string, unknown> = {},
) => new WorkflowError(message(req, key, vars), status, { rule: key })

const wholeNumber = (v: unknown) => typeof v === 'number' && Number.isInteger(v)

/** The request carries a login (header or cookie) that Payload could not turn into a user. */
function credentialsWithoutUser(req: PayloadRequest): boolean {
  if (req.user) return false
  const auth = req.headers.get('authorization')
  const cookie = req.headers.get('cookie') ?? ''
  return Boolean(auth) || cookie.includes(`${req.payload.config.cookiePrefix}-token=`)
}

/**
 * Payload's auth swallows a database error while loading the user (the request simply
 * goes on as anonymous), so during an outage staff would read "not allowed". A request
 * that came with a login but has no user is checked against the database: if it is
 * down, the answer is the outage's 503, not a 403.
 */
async function outageBehindMissingUser(req: PayloadRequest): Promise<void> {
  if (!credentialsWithoutUser(req)) return
  try {
    // The adapter directly: no hooks (this guard runs on users too), a fresh connection.
    await req.payload.db.count({
      collection: req.payload.config.admin.user,
      where: { id: { equals: 0 } },
    })
  } catch {
    throw refuse(req, 'serviceUnavailable', 503)
  }
}

/** What an anonymous reader may filter and sort a collection by: its public fields, and through relations those of the related collection. */
export interface PublicQuerySpec {
  fields: readonly string[]
  relations?: Record<string, string>
}
export type PublicQueryMap = Record<string, PublicQuerySpec>

const WHERE_LOGIC = new Set(['and', 'or', 'AND', 'OR'])

/** The first path (dotted, or GraphQL's `__`) that leaves the public fields, or null. */
export function nonPublicPath(path: string, slug: string, map: PublicQueryMap): string | null {
  const segments = path.split(/\.|__/).filter(Boolean)
  let spec: PublicQuerySpec | undefined = map[slug]
  for (let i = 0; i < segments.length; i++) {
    if (!spec) return null // inside a public non-relation value (sizes.thumbnail.url, narrative.root…)
    const segment = segments[i]!
    if (!spec.fields.includes(segment)) return path
    const related = spec.relations?.[segment]
    if (!related) return null
    // `photos` alone (or `photos.id`) is the relation's own value.
    if (i + 1 >= segments.length || segments[i + 1] === 'id') return null
    spec = map[related]
    if (!spec) return path
  }
  return null
}

/**
 * Walks a `where` (and/or trees, as lists or as the query string's indexed objects) and
 * returns the first non-null answer of `visit` for a field condition.
 */
function firstInWhere<T>(
  where: unknown,
  visit: (path: string, condition: unknown) => T | null,
  depth = 0,
): T | null {
  if (!where || typeof where !== 'object' || depth > 50) return null
  for (const [key, value] of Object.entries(where as Record<string, unknown>)) {
    if (WHERE_LOGIC.has(key)) {
      for (const branch of Array.isArray(value)
        ? value
        : value && typeof value === 'object'
          ? Object.values(value)
          : []) {
        const found = firstInWhere(branch, visit, depth + 1)
        if (found !== null) return found
      }
      continue
    }
    const found = visit(key, value)
    if (found !== null) return found
  }
  return null
}

const nonPublicWherePath = (where: unknown, slug: string, map: PublicQueryMap): string | null =>
  firstInWhere(where, (path) => nonPublicPath(path, slug, map))

function sortFields(sort: unknown): string[] {
  const list = Array.isArray(sort) ? sort : typeof sort === 'string' ? sort.split(',') : []
  return list.map((s) => String(s).trim().replace(/^[-+]/, '')).filter(Boolean)
}

/**
 * This read is the request's own (Payload's REST handler or GraphQL resolver), not a
 * Local API call made while serving it: those inherit `payloadAPI` from the request but
 * always pass `overrideAccess` (the Local API defaults it to true; Payload's own
 * relationship validation passes false and reads with `limit: 0`).
 */
const outermost = (args: { overrideAccess?: unknown }) => args.overrideAccess === undefined

/** The request asked for everything at once. */
const asksForEverything = (args: {
  limit?: unknown
  pagination?: unknown
  overrideAccess?: unknown
}) => outermost(args) && (args.limit === 0 || args.pagination === false)

type QueryField = {
  name?: string
  type?: string
  hasMany?: boolean
  relationTo?: unknown
  flattenedFields?: QueryField[]
}
type FieldsOf = (slug: string) => QueryField[] | undefined

const ORDER = ['greater_than', 'greater_than_equal', 'less_than', 'less_than_equal']
const SET = ['equals', 'not_equals', 'in', 'not_in', 'exists']
/**
 * Operators PostgreSQL can answer for each field type (others were bare 500s: `like` on
 * a date, an enum, a checkbox or a relationship; `contains` on a number; `near` on text;
 * anything but `exists` on a rich-text editor state).
 */
function operatorsFor(field: QueryField): Set<string> | null {
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'email':
    case 'code':
      return new Set([
        ...SET,
        ...ORDER,
        'like',
        'not_like',
        'contains',
        ...(field.hasMany ? ['all'] : []),
      ])
    case 'number':
      return new Set([...SET, ...ORDER, ...(field.hasMany ? ['contains'] : [])])
    case 'date':
      return new Set([...SET, ...ORDER])
    case 'select':
    case 'radio':
      return new Set([...SET, ...(field.hasMany ? ['contains'] : [])])
    case 'checkbox':
    case 'json':
      return new Set(SET)
    case 'relationship':
    case 'upload':
      return new Set([...SET, ...(field.hasMany ? ['contains'] : [])])
    case 'richText':
      return new Set(['exists'])
    default:
      return null // point, group, array, …: Payload decides
  }
}

const isRelation = (f: QueryField) => f.type === 'relationship' || f.type === 'upload'
/** A `where` value on a serial id: none, one id, a list, or a comma-separated list of ids. */
const idLike = (v: unknown): boolean =>
  v === null ||
  v === undefined ||
  v === '' ||
  (Array.isArray(v)
    ? v.every(idLike)
    : String(v)
        .split(',')
        .every((x) => isWellFormedId(x)))

/**
 * The first (field, operator) of a `where` that the database cannot answer, or null.
 * Follows dotted paths into related collections; json paths below the root are Payload's.
 */
export function whereProblem(
  where: unknown,
  fields: QueryField[] | undefined,
  fieldsOf: FieldsOf,
  numericIds = true,
): { field: string; operator: string } | null {
  if (!fields) return null
  return firstInWhere(where, (key, value) => {
    const conditions =
      value && typeof value === 'object' && !Array.isArray(value)
        ? (value as Record<string, unknown>)
        : { equals: value }
    const problem = pathProblem(key.split('.'), conditions, fields, fieldsOf, numericIds)
    return problem ? { field: key, operator: problem } : null
  })
}

function pathProblem(
  path: string[],
  conditions: Record<string, unknown>,
  fields: QueryField[],
  fieldsOf: FieldsOf,
  numericIds: boolean,
): string | null {
  const [head, ...rest] = path
  if (head === 'id' && rest.length === 0) {
    for (const [op, v] of Object.entries(conditions)) {
      if (!new Set([...SET, ...ORDER, 'like', 'not_like']).has(op)) return op
      if (numericIds && ['equals', 'not_equals', 'in', 'not_in'].includes(op) && !idLike(v))
        return op
    }
    return null
  }
  const field = fields.find((f) => f.name === head)
  if (!field) return null // unknown or hidden: Payload's QueryError (400)
  if (rest.length) {
    if (field.type === 'richText')
      return Object.keys(conditions).find((op) => op !== 'exists') ?? null
    if (isRelation(field) && typeof field.relationTo === 'string') {
      const related = fieldsOf(field.relationTo)
      return related ? pathProblem(rest, conditions, related, fieldsOf, numericIds) : null
    }
    if (field.flattenedFields)
      return pathProblem(rest, conditions, field.flattenedFields, fieldsOf, numericIds)
    return null
  }
  const allowed = operatorsFor(field)
  if (!allowed) return null
  for (const [op, v] of Object.entries(conditions)) {
    if (!allowed.has(op)) return op
    if (
      numericIds &&
      isRelation(field) &&
      typeof field.relationTo === 'string' &&
      op !== 'exists' &&
      !idLike(v)
    )
      return op
  }
  return null
}

export function inputGuards(
  opts: { richTextFields?: string[]; slug?: string; publicQuery?: PublicQueryMap } = {},
): CollectionBeforeOperationHook {
  return async ({ args, operation, req, collection }) => {
    const external = req.payloadAPI === 'REST' || req.payloadAPI === 'GraphQL'
    // The workflow's trust flag lives in req.context, where Payload's Local API leaves it
    // after a workflow call. A request's own operation (REST, or each GraphQL mutation of a
    // document that holds several) never starts trusted: an earlier mutation's workflow
    // call must not switch off the checks of the next one.
    if (external && outermost(args as never) && req.context) delete req.context[WORKFLOW_CONTEXT]
    if (external && (operation === 'create' || operation === 'update' || operation === 'delete')) {
      // CSRF: the auth strategies already made this request anonymous; say why.
      const origin = crossSiteCookieRequest(req.headers, req.method, req.payload.config, req.url)
      if (origin) throw refuse(req, 'crossOriginRefused', 403, { origin })
    }
    if (external) await outageBehindMissingUser(req)
    const where = (args as { where?: unknown }).where
    if (external && where && collection) {
      const fieldsOf: FieldsOf = (slug) =>
        req.payload.collections[slug]?.config.flattenedFields as QueryField[] | undefined
      const numericIds = req.payload.db.defaultIDType === 'number'
      const problem = whereProblem(
        where,
        collection.flattenedFields as QueryField[],
        fieldsOf,
        numericIds,
      )
      if (problem) throw refuse(req, 'whereUnsupported', 400, problem)
    }
    // `count` (GET /api/<slug>/count) answers a `where` too: the same oracle rule.
    if ((operation === 'read' || (operation as string) === 'count') && external) {
      const { limit, page } = args as { limit?: unknown; page?: unknown }
      const maxLimit = req.user ? 1000 : 100
      if (operation === 'read') {
        if (asksForEverything(args as never))
          throw refuse(req, 'paginationAll', 400, { max: maxLimit })
        if (
          limit !== undefined &&
          limit !== null &&
          (!wholeNumber(limit) || (limit as number) < 0 || (limit as number) > maxLimit)
        ) {
          throw refuse(req, 'paginationInvalid', 400, { max: maxLimit })
        }
        if (
          page !== undefined &&
          page !== null &&
          (!wholeNumber(page) || (page as number) < 1 || (page as number) > 1_000_000)
        ) {
          throw refuse(req, 'paginationInvalid', 400, { max: maxLimit })
        }
      }
      const slug = opts.slug ?? collection?.slug
      if (!req.user && outermost(args as never) && slug && opts.publicQuery?.[slug]) {
        const { where, sort } = args as { where?: unknown; sort?: unknown }
        const path =
          nonPublicWherePath(where, slug, opts.publicQuery) ??
          sortFields(sort)
            .map((f) => nonPublicPath(f, slug, opts.publicQuery!))
            .find(Boolean)
        if (path) throw refuse(req, 'queryNotPublic', 400, { path })
      }
      return args
    }
    if (operation !== 'create' && operation !== 'update') return args
    const data = (args as { data?: unknown }).data
    // A body Payload could not read as JSON or form data (text/plain, urlencoded): a 400, not a TypeError's 500.
    if ((data === undefined || data === null) && external && !req.file)
      throw refuse(req, 'bodyInvalid', 400)
    if (data === undefined || data === null) return args
    if (typeof data !== 'object' || Array.isArray(data)) throw refuse(req, 'bodyInvalid', 400)
    for (const field of opts.richTextFields ?? []) {
      const problem = narrativeProblem((data as Record<string, unknown>)[field])
      if (problem) throw refuse(req, 'narrativeInvalid', 400, { problem })
    }
    let size: number
    try {
      size = Buffer.byteLength(JSON.stringify(data))
    } catch {
      throw refuse(req, 'bodyInvalid', 400)
    }
    if (size > MAX_JSON_BYTES) throw refuse(req, 'bodyTooLarge', 413, { max: '1 MB' })
    const problem = textProblem(data)
    if (problem) throw refuse(req, problem, 400)
    return args
  }
}

/** Refuses uploads whose bytes carry HTML/script markup (a JPEG/HTML polyglot), whatever the image decoder thinks. */
const MARKUP = /<(?:script|html|svg|iframe|object|embed|body|!doctype)\b|javascript:/i
export const refuseMarkupInFiles: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const data = req.file?.data
  if (data && MARKUP.test(data.toString('latin1')))
    throw refuse(req, 'fileHasMarkup', 400, { filename: req.file!.name })
  return args
}
