import type {
  CollectionAfterChangeHook,
  CollectionBeforeChangeHook,
  CollectionBeforeLoginHook,
  CollectionBeforeOperationHook,
  CollectionBeforeValidateHook,
  PayloadRequest,
  Where,
} from 'payload'
import type { PluginContext } from '../context.js'
import { badRequest, forbidden } from './errors.js'
import { isAdmin } from '../access/roles.js'
import { PASSWORD_MIN_LENGTH, passwordProblem } from '../auth/passwords.js'

/** The very first account, made without roles (Payload's create-first-user screen), becomes the admin. */
export function firstUserIsAdmin(usersSlug: string): CollectionBeforeChangeHook {
  return async ({ data, operation, req }) => {
    if (operation !== 'create' || (Array.isArray(data.roles) && data.roles.length)) return data
    const { totalDocs } = await req.payload.count({
      collection: usersSlug,
      overrideAccess: true,
      req,
    })
    if (totalDocs === 0) data.roles = ['admin']
    return data
  }
}

/**
 * Where the record names a user (collection → relationship fields). A user named there
 * is kept for the record: deleting them would make PostgreSQL's `ON DELETE SET NULL`
 * rewrite register rows (breaking the hash chain) and erase who did what.
 */
export function userReferences(ctx: PluginContext): Record<string, string[]> {
  return {
    [ctx.slugs.register]: ['actor', 'submissionOwner'],
    [ctx.slugs.reviews]: ['actor', 'submissionOwner'],
    [ctx.slugs.submissions]: ['createdBy'],
    [ctx.slugs.media]: ['uploadedBy'],
    [ctx.slugs.publications]: ['confirmedBy', 'submissionOwner'],
    'approval-sheets': ['submissionOwner'],
  }
}

async function targetIds(
  req: PayloadRequest,
  usersSlug: string,
  args: { id?: unknown; where?: Where },
): Promise<(string | number)[]> {
  if (args.id !== undefined && args.id !== null) return [args.id as string | number]
  const found = await req.payload.find({
    collection: usersSlug,
    where: args.where ?? {},
    depth: 0,
    pagination: false,
    overrideAccess: true,
    select: {},
    req,
  })
  return found.docs.map((d) => d.id)
}

/**
 * Deleting a user (by id, bulk, REST, GraphQL or Local API) who is named anywhere in
 * the record is refused with 403 `userInRecord`: deactivate them instead.
 */
export function keepUsersOfTheRecord(ctx: PluginContext): CollectionBeforeOperationHook {
  const refs = userReferences(ctx)
  return async ({ args, operation, req }) => {
    if (operation !== 'delete') return args
    // Others are refused by access (admin only) first; this rule is for those who may delete.
    if (req.payloadAPI !== 'local' && !isAdmin(req.user)) return args
    const ids = await targetIds(req, ctx.slugs.users, args as { id?: unknown; where?: Where })
    if (!ids.length) return args
    if (
      req.user &&
      ids.some((id) => String(id) === String(req.user!.id)) &&
      req.payloadAPI !== 'local'
    ) {
      throw forbidden(req, 'userDeleteSelf')
    }
    for (const [collection, fields] of Object.entries(refs)) {
      if (!req.payload.collections[collection]) continue
      const { totalDocs } = await req.payload.count({
        collection,
        where: { or: fields.map((f) => ({ [f]: { in: ids } })) },
        overrideAccess: true,
        req,
      })
      if (totalDocs > 0) throw forbidden(req, 'userInRecord')
    }
    return args
  }
}

/** A deactivated account does not log in (checked after the password, so it reveals nothing to a guesser). */
export const refuseDeactivatedLogin: CollectionBeforeLoginHook = ({ req, user }) => {
  if ((user as { deactivated?: unknown }).deactivated === true)
    throw forbidden(req, 'userDeactivated')
  return user
}

/**
 * Deactivating ends every session Payload keeps for the user, so existing JWTs stop
 * working at once (the auth strategy also refuses deactivated users: see src/auth).
 */
export function endSessionsOnDeactivation(usersSlug: string): CollectionAfterChangeHook {
  return async ({ doc, previousDoc, req, operation }) => {
    if (operation !== 'update' || doc.deactivated !== true || previousDoc?.deactivated === true)
      return doc
    const sessions = (
      req.payload.collections[usersSlug]?.config.auth as { useSessions?: boolean } | undefined
    )?.useSessions
    if (sessions) {
      await req.payload.db.updateOne({
        collection: usersSlug,
        id: doc.id,
        data: { sessions: [] },
        req,
        returning: false,
      } as never)
    }
    return doc
  }
}

function refuseWeakPassword(req: PayloadRequest, password: unknown, personal: unknown[]): void {
  if (password === undefined || password === null || password === '') return
  if (typeof password !== 'string')
    throw badRequest(req, 'passwordTooShort', { min: PASSWORD_MIN_LENGTH })
  const problem = passwordProblem(
    password,
    personal.filter((v): v is string => typeof v === 'string'),
  )
  if (problem) throw badRequest(req, problem.key, problem.vars)
}

/** The password policy on create and change (after access: an outsider meets the 403 first), 400 naming the rule. */
export const checkPassword: CollectionBeforeValidateHook = ({ data, originalDoc, req }) => {
  refuseWeakPassword(req, data?.password, [
    data?.email,
    data?.name,
    originalDoc?.email,
    originalDoc?.name,
  ])
  return data
}

/** …and on reset through a token (`POST /api/users/reset-password`). */
export const checkResetPassword: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation === 'resetPassword')
    refuseWeakPassword(req, (args as { data?: { password?: unknown } }).data?.password, [])
  return args
}
