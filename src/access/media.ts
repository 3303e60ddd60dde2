import type { Access, Where } from 'payload'
import { hasRole, isAdmin, isStaff } from './roles.js'

/** Photos are uploaded by the field team, and by the Ketua PPID when correcting. */
export const createMedia: Access = ({ req: { user } }) => hasRole(user, 'tim-pelaksana', 'ketua-ppid', 'admin')
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
  if (user && isStaff(user)) or.push({ uploadedBy: { equals: user.id } }, { recordedAt: { exists: true } })
  return or.length === 1 ? or[0]! : { or }
}
/** The uploader changes or deletes their own file until it is published; then it is part of the public record. */
export const changeOwnMedia: Access = ({ req: { user } }) => {
  if (!user) return false
  if (isAdmin(user)) return true
  const own: Where[] = [{ uploadedBy: { equals: user.id } }, { isPublic: { not_equals: true } }]
  return { and: own }
}
