import type { Access } from 'payload'
import { hasRole, isAdmin, isStaff } from './roles.js'

/** Photos are uploaded by the field team, and by the Ketua PPID when correcting. */
export const createMedia: Access = ({ req: { user } }) => hasRole(user, 'tim-pelaksana', 'ketua-ppid', 'admin')
/** Staff only for now; public photo URLs come with the public feed. */
export const readMedia: Access = ({ req: { user } }) => isStaff(user)
export const changeOwnMedia: Access = ({ req: { user } }) => {
  if (!user) return false
  if (isAdmin(user)) return true
  return { uploadedBy: { equals: user.id } }
}
