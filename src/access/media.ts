import type { Access, Where } from 'payload'
import { hasRole, isAdmin, isStaff } from './roles.js'

/** Photos are uploaded by the field team, and by the Ketua PPID when correcting. */
export const SOP_UPLOADERS = ['tim-pelaksana', 'ketua-ppid'] as const
export const createMedia: Access = ({ req: { user } }) => hasRole(user, ...SOP_UPLOADERS, 'admin')
/**
 * CONTRACT "read submissions" applied to files ("all but others' drafts"):
 * - everyone: files of published news (`isPublic`, set when the submission is published);
 * - staff (any role): also their own uploads, and every file that is part of the record
 *   (`recordedAt`: attached to a submission that left `draft`). A file only attached to
 *   someone else's draft, or not attached at all, is read by its uploader alone;
 * - admin: everything.
 * Always a query, never `true`: Payload then serves /api/media/file/<name> only for a
 * name that belongs to a document (not any path under the folder, nor the folder itself).
 */
export const readMedia: Access = ({ req: { user } }): Where => {
  if (isAdmin(user)) return { id: { exists: true } }
  const or: Where[] = [{ isPublic: { equals: true } }]
  if (user && isStaff(user))
    or.push({ uploadedBy: { equals: user.id } }, { recordedAt: { exists: true } })
  return or.length === 1 ? or[0]! : { or }
}
/** The uploader changes or deletes their own file until it is published; then it is part of the public record. */
export const changeOwnMedia: Access = ({ req: { user } }) => {
  if (!user) return false
  if (isAdmin(user)) return true
  const own: Where[] = [{ uploadedBy: { equals: user.id } }, { isPublic: { not_equals: true } }]
  return { and: own }
}

/**
 * Files the SOP owns: uploaded by the field team or the Ketua PPID, or attached to a
 * submission (`sopFile`, set by the plugin, never by a request). An app's own files
 * (its editors' images, logos) are not: the app's rules alone decide those.
 */
const notSopFile: Where = { sopFile: { not_equals: true } }
/** What the SOP adds to an app's read rule: an SOP file is read once its news is published. */
const hostMayShow: Where = { or: [notSopFile, { isPublic: { equals: true } }] }

type AccessResult = boolean | Where
const and = (a: AccessResult, b: Where): AccessResult =>
  a === false ? false : a === true ? b : { and: [a, b] }
const or = (a: AccessResult, b: Where): AccessResult =>
  a === true ? true : a === false ? b : { or: [a, b] }

/**
 * The read rule of an app's own media collection, extended by the plugin (issue 14):
 * - anyone, signed in or not: what the app's rule allows, AND, for a file of the SOP,
 *   only once its submission is published (`isPublic`). The same query guards
 *   /api/media/file/<name> and every size file (Payload's file route applies it);
 * - SOP staff: also what `readMedia` gives them (their own uploads, the record);
 * - the SOP's admin: everything.
 * An app rule of `true` becomes a query, so the file route never serves a name blindly.
 * Without an app rule Payload's default applies: signed-in users only.
 */
export function composeMediaRead(hostRead: Access | undefined): Access {
  return async (args) => {
    const { user } = args.req
    if (isAdmin(user)) return { id: { exists: true } }
    const host: AccessResult = hostRead ? ((await hostRead(args)) as AccessResult) : Boolean(user)
    const allowed = and(host, hostMayShow)
    return user && isStaff(user) ? or(allowed, readMedia(args) as Where) : allowed
  }
}

/**
 * Changing or deleting a file of an app's media collection: the app's rule AND, for a
 * file of the SOP, the SOP's own rule (`changeOwnMedia`: the uploader until published,
 * or the admin). The record's files stay protected by `protectRecordedMedia` whatever
 * the rules say.
 */
export function composeMediaChange(hostRule: Access | undefined): Access {
  return async (args) => {
    const { user } = args.req
    if (!user) return false
    const host: AccessResult = hostRule ? ((await hostRule(args)) as AccessResult) : true
    if (host === false) return false
    const sop = changeOwnMedia(args) as AccessResult
    const sopPart: Where =
      sop === true
        ? { id: { exists: true } }
        : sop === false
          ? notSopFile
          : { or: [notSopFile, sop] }
    return and(host, sopPart)
  }
}

/** Uploading to an app's media collection: the app's rule, or any SOP uploader role. */
export function composeMediaCreate(hostRule: Access | undefined): Access {
  return async (args) => {
    if (createMedia(args) === true) return true
    return hostRule ? hostRule(args) : Boolean(args.req.user)
  }
}
