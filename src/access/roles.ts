/** The role model: who a request's user is in SOP terms. */
import type { PayloadRequest } from 'payload'
import { isRole, OFFICE_ROLES, type Role } from '../workflow/model.js'

type MaybeUser = PayloadRequest['user'] | null | undefined

export function rolesOf(user: MaybeUser): Role[] {
  const roles = (user as { roles?: unknown } | null | undefined)?.roles
  return Array.isArray(roles) ? roles.filter(isRole) : []
}

export const hasRole = (user: MaybeUser, ...roles: Role[]) =>
  rolesOf(user).some((r) => roles.includes(r))
export const isAdmin = (user: MaybeUser) => hasRole(user, 'admin')
/** Reads the whole office's work: the review roles, the Admin Medsos and the admin. */
export const readsOffice = (user: MaybeUser) => hasRole(user, 'admin', ...OFFICE_ROLES)
/** Any signed-in user holding at least one role of this plugin. */
export const isStaff = (user: MaybeUser) => rolesOf(user).length > 0
