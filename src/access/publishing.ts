import type { Access } from 'payload'
import { hasRole } from './roles.js'

/** Social accounts are the Admin Medsos's (and the admin's); nobody else sees them. */
export const manageAccounts: Access = ({ req: { user } }) => hasRole(user, 'admin-medsos', 'admin')
export const deleteAccounts: Access = ({ req: { user } }) => hasRole(user, 'admin')
