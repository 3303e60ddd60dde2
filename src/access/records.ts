import type { Access } from 'payload'
import { hasRole, readsOffice } from './roles.js'

/**
 * Reviews and register entries: the office reads all; the field team reads those of
 * its own submissions (through the denormalised `submissionOwner`); anonymous nothing.
 */
export const readRecords: Access = ({ req: { user } }) => {
  if (!user) return false
  if (readsOffice(user)) return true
  if (hasRole(user, 'tim-pelaksana')) return { submissionOwner: { equals: user.id } }
  return false
}

export const never: Access = () => false
