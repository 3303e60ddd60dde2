import type { Access, FieldAccess, Where } from 'payload'
import { contentEditors, type Workflow } from '../workflow/table.js'
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

/** Content changes, as the state table says: the owner where it may submit, the Ketua PPID where it controls. */
export function updateSubmissions(workflow: Workflow): Access {
  const editors = contentEditors(workflow)
  return ({ req: { user } }) => {
    if (!user) return false
    const or: Where[] = []
    if (hasRole(user, 'tim-pelaksana') && editors.owner.length) {
      or.push({ and: [{ createdBy: { equals: user.id } }, { status: { in: editors.owner } }] })
    }
    if (hasRole(user, 'ketua-ppid') && editors['ketua-ppid'].length) {
      or.push({ status: { in: editors['ketua-ppid'] } })
    }
    return or.length ? { or } : false
  }
}

/** Only the owner's never-submitted draft; a submitted submission is part of the record. */
export const deleteSubmissions: Access = ({ req: { user } }): boolean | Where => {
  if (!user || !hasRole(user, 'tim-pelaksana')) return false
  return { and: [{ createdBy: { equals: user.id } }, { status: { equals: 'draft' } }] }
}

/** Fields outside the contract's public list are for signed-in users only. */
export const signedInOnly: FieldAccess = ({ req: { user } }) => Boolean(user)
export const nobody: FieldAccess = () => false
