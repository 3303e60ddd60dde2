/**
 * Who hears about what (issue "admin workbench"): pure rules over the state table.
 * - entering a status puts the submission in the queue of the stages that act there;
 * - `returned`/`declined` go back to the field team (with the written response);
 * - `publish_failed` (a target failed or is unconfirmed) goes to the Admin Medsos;
 * - a step past its deadline reminds its stage once, and its superior once when it
 *   is a full day late.
 */
import { STATUS_FACTS, type Role, type Status } from './model.js'
import { waitingOn, type Stage, type Workflow } from './table.js'

export const NOTIFICATION_KINDS = [
  'queue',
  'returned',
  'declined',
  'publishFailed',
  'overdue',
  'escalation',
] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

/** Who answers for a late step: the PPID head for the field team, the review team and the Admin Medsos; the superior for the PPID head. */
export const SUPERIOR: Record<Stage, Role | null> = {
  'tim-pelaksana': 'ketua-ppid',
  'tim-pertimbangan': 'ketua-ppid',
  'ketua-ppid': 'atasan-ppid',
  'atasan-ppid': null,
  'admin-medsos': 'ketua-ppid',
}

/** Escalation to the superior once a step is this late. */
export const ESCALATE_AFTER_MS = 24 * 60 * 60 * 1000

/** The notice a submission entering `status` sends, and to which stages (STATUS_FACTS in model.ts). */
export function entryNotice(
  workflow: Workflow,
  status: Status,
): { kind: NotificationKind; stages: Stage[] } | null {
  const notice = STATUS_FACTS[status]?.notice
  if (!notice) return null
  if (notice.to !== 'waiting') return { kind: notice.kind, stages: [...notice.to] }
  const stages = waitingOn(workflow, status)
  return stages.length ? { kind: notice.kind, stages } : null
}

/** The stage that is late when a submission in `status` passes its deadline. */
export function lateStage(workflow: Workflow, status: Status): Stage | null {
  return waitingOn(workflow, status)[0] ?? null
}

/** One step of one submission: the same status entered at the same instant. */
export const stepKey = (
  submissionId: string | number,
  status: string,
  enteredAt: string | null | undefined,
) => `${submissionId}:${status}:${enteredAt ? new Date(enteredAt).toISOString() : '-'}`
