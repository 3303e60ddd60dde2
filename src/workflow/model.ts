/**
 * The vocabulary of the SOP (roles, statuses, actions). Pure data: no Payload imports.
 */
export const ROLES = [
  'tim-pelaksana',
  'tim-pertimbangan',
  'ketua-ppid',
  'atasan-ppid',
  'admin-medsos',
  'admin',
] as const
export type Role = (typeof ROLES)[number]

/** The roles that take part in the SOP (everyone but the system administrator). */
export const SOP_ROLES = ROLES.filter((r) => r !== 'admin') as Exclude<Role, 'admin'>[]

/** Roles that read the whole office's work (all but others' drafts). */
export const OFFICE_ROLES: Role[] = ['tim-pertimbangan', 'ketua-ppid', 'atasan-ppid', 'admin-medsos']

/** The approver stages in their fixed SOP order; an agency may drop ketua-ppid and/or atasan-ppid. */
export const APPROVER_STAGES = ['tim-pertimbangan', 'ketua-ppid', 'atasan-ppid'] as const
export type ApproverStage = (typeof APPROVER_STAGES)[number]

export const STATUSES = [
  'draft',
  'submitted',
  'accepted',
  'verified',
  'approved',
  'publishing',
  'published',
  'returned',
  'declined',
  'publish_failed',
] as const
export type Status = (typeof STATUSES)[number]

export const ACTIONS = ['submit', 'accept', 'reject', 'verify', 'return', 'approve', 'decline', 'publish', 'retry', 'confirm'] as const

/** Step 5 (Admin Medsos): start posting, retry failed targets, confirm a target with its URL. */
export const PUBLISHING_ACTIONS = ['publish', 'retry', 'confirm'] as const
export type Action = (typeof ACTIONS)[number]

/** Statuses after which nothing more happens to a submission. */
export const FINAL_STATUSES: Status[] = ['published', 'declined']

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value)
export const isStatus = (value: unknown): value is Status =>
  typeof value === 'string' && (STATUSES as readonly string[]).includes(value)
export const isAction = (value: unknown): value is Action =>
  typeof value === 'string' && (ACTIONS as readonly string[]).includes(value)
