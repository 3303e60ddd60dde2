import type { Access, FieldAccess, Where } from 'payload'
import { hasRole, isAdmin, readsOffice } from './roles.js'

/**
 * CONTRACT "Who may read and write", submissions row. Logged-in users also read
 * what is published (it is public anyway).
 */
export const readSubmissions: Access = ({ req: { user } }): boolean | Where => {
  if (!user) return { status: { equals: 'published' } }
  if (isAdmin(user)) return true
  const or: Where[] = [{ status: { equals: 'published' } }]
  if (hasRole(user, 'tim-pelaksana')) or.push({ createdBy: { equals: user.id } })
  if (readsOffice(user)) or.push({ status: { not_equals: 'draft' } })
  return { or }
}

export const createSubmissions: Access = ({ req: { user } }) => hasRole(user, 'tim-pelaksana')

/** Content changes: the owner in draft or returned; the Ketua PPID (control and correct) in accepted. */
export const updateSubmissions: Access = ({ req: { user } }) => {
  if (!user) return false
  const or: Where[] = []
  if (hasRole(user, 'tim-pelaksana')) {
    or.push({ and: [{ createdBy: { equals: user.id } }, { status: { in: ['draft', 'returned'] } }] })
  }
  if (hasRole(user, 'ketua-ppid')) or.push({ status: { equals: 'accepted' } })
  return or.length ? { or } : false
}

/** Only the owner's never-submitted draft; a submitted submission is part of the record. */
export const deleteSubmissions: Access = ({ req: { user } }): boolean | Where => {
  if (!user || !hasRole(user, 'tim-pelaksana')) return false
  return { and: [{ createdBy: { equals: user.id } }, { status: { equals: 'draft' } }] }
}

/** Fields outside the contract's public list are for signed-in users only. */
export const signedInOnly: FieldAccess = ({ req: { user } }) => Boolean(user)
export const nobody: FieldAccess = () => false
