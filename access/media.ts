import type { Access, Where } from 'payload'
import { hasRole, isAdmin, isStaff } from './roles.js'

/** Photos are uploaded by the field team, and by the Ketua PPID when correcting. */
export const createMedia: Access = ({ req: { user } }) => hasRole(user, 'tim-pelaksana', 'ketua-ppid', 'admin')
/**
 * Staff read every file; everyone else only files of published news (`isPublic`, set
 * when the submission is published). Also guards the files and their sizes under
 * /api/media/file/…, which Payload checks against this same rule.
 */
export const readMedia: Access = ({ req: { user } }) => (isStaff(user) ? true : { isPublic: { equals: true } })
/** The uploader changes or deletes their own file until it is published; then it is part of the public record. */
export const changeOwnMedia: Access = ({ req: { user } }) => {
  if (!user) return false
  if (isAdmin(user)) return true
  const own: Where[] = [{ uploadedBy: { equals: user.id } }, { isPublic: { not_equals: true } }]
  return { and: own }
}
