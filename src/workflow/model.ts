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
export const OFFICE_ROLES: Role[] = [
  'tim-pertimbangan',
  'ketua-ppid',
  'atasan-ppid',
  'admin-medsos',
]

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

export const ACTIONS = [
  'submit',
  'accept',
  'reject',
  'verify',
  'return',
  'approve',
  'decline',
  'publish',
  'retry',
  'confirm',
] as const

/** Step 5 (Admin Medsos): start posting, retry failed targets, confirm a target with its URL. */
export const PUBLISHING_ACTIONS = ['publish', 'retry', 'confirm'] as const
export type Action = (typeof ACTIONS)[number]

/**
 * When a step is due (deadlines.ts computes it in the agency's time zone; H = activity date):
 * - `activityDay`: by the end of day H;
 * - `dayAfterReturn`: by the end of the day after it was returned;
 * - `dayAfterHandIn`: by the end of the day after the field team handed it in ("H+1");
 * - `dayAfterActivity`: by the end of H+1.
 */
export type DeadlineRule = 'activityDay' | 'dayAfterReturn' | 'dayAfterHandIn' | 'dayAfterActivity'

/** Who hears when a submission enters a status (notify.ts): its queue, or fixed stages. */
export type StatusNotice =
  | { kind: 'queue'; to: 'waiting' }
  | { kind: 'returned' | 'declined'; to: ['tim-pelaksana'] }
  | { kind: 'publishFailed'; to: ['admin-medsos'] }

export interface StatusFacts {
  /** The deadline of the step, or null when nothing is due. */
  deadline: DeadlineRule | null
  /** Nothing more happens to the submission. */
  final: boolean
  notice: StatusNotice | null
}

const inQueue: StatusNotice = { kind: 'queue', to: 'waiting' }

/** Each status's facts, in one place. */
export const STATUS_FACTS: Record<Status, StatusFacts> = {
  draft: { deadline: 'activityDay', final: false, notice: null },
  submitted: { deadline: 'dayAfterHandIn', final: false, notice: inQueue },
  accepted: { deadline: 'dayAfterHandIn', final: false, notice: inQueue },
  verified: { deadline: 'dayAfterHandIn', final: false, notice: inQueue },
  approved: { deadline: 'dayAfterActivity', final: false, notice: inQueue },
  publishing: { deadline: 'dayAfterActivity', final: false, notice: null },
  published: { deadline: null, final: true, notice: null },
  returned: {
    deadline: 'dayAfterReturn',
    final: false,
    notice: { kind: 'returned', to: ['tim-pelaksana'] },
  },
  declined: { deadline: null, final: true, notice: { kind: 'declined', to: ['tim-pelaksana'] } },
  publish_failed: {
    deadline: 'dayAfterActivity',
    final: false,
    notice: { kind: 'publishFailed', to: ['admin-medsos'] },
  },
}

/** Statuses after which nothing more happens to a submission. */
export const FINAL_STATUSES: Status[] = STATUSES.filter((s) => STATUS_FACTS[s].final)

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value)
export const isStatus = (value: unknown): value is Status =>
  typeof value === 'string' && (STATUSES as readonly string[]).includes(value)
export const isAction = (value: unknown): value is Action =>
  typeof value === 'string' && (ACTIONS as readonly string[]).includes(value)
