import type { Access, FieldAccess } from 'payload'
import { isAdmin, isStaff } from './roles.js'

/**
 * Staff see each other's names and jabatan (they appear on written responses); an
 * account without any role reads only itself. Email, NIP and roles: `privateUserField`.
 */
export const readUsers: Access = ({ req: { user } }) => {
  if (!user) return false
  if (isStaff(user)) return true
  return { id: { equals: user.id } }
}
/** Email, NIP, roles and the deactivation flag: the admin and the user themselves only (also not usable in `where`). */
export const privateUserField: FieldAccess = ({ req: { user }, doc, id }) => {
  if (!user) return false
  if (isAdmin(user)) return true
  const own = doc?.id ?? id
  return own !== undefined && own !== null && String(own) === String(user.id)
}
export const adminOnly: Access = ({ req: { user } }) => isAdmin(user)
export const adminOrSelf: Access = ({ req: { user } }) => {
  if (!user) return false
  if (isAdmin(user)) return true
  return { id: { equals: user.id } }
}
/** An admin may delete others, never themselves (the office must keep an admin). */
export const deleteUsers: Access = ({ req: { user } }) => {
  if (!isAdmin(user)) return false
  return { id: { not_equals: user!.id } }
}
/** Only an admin sets roles, and never their own. */
export const rolesFieldAccess: FieldAccess = ({ req: { user }, id }) => {
  if (!isAdmin(user)) return false
  return id === undefined || String(id) !== String(user!.id)
}
