/**
 * The SOP as one declarative state table. Access control, validation, the admin and
 * the tests all read what `buildWorkflow` returns; nothing else encodes the flow.
 */
import {
  APPROVER_STAGES,
  type Action,
  type ApproverStage,
  type Role,
  type Status,
} from './model.js'

/** Who acts in a transition: the submitting field team, one approver stage, or the Admin Medsos (step 5). */
export type Stage = 'tim-pelaksana' | ApproverStage | 'admin-medsos'

export interface Transition {
  action: Action
  /** The role that takes this action; also its stage for separation of duties. */
  role: Stage
  from: Status
  to: Status
  /** A written response (tanggapan tertulis) is required. */
  noteRequired: boolean
  /** Only the submission's creator may take it. */
  ownerOnly: boolean
  /**
   * The status is the outcome of the posting targets, not fixed: `confirm` leads to
   * `to` only when it completes the last target (else the status stays).
   */
  conditional?: boolean
}

export interface Workflow {
  stages: ApproverStage[]
  transitions: Transition[]
}

/** The status an approver stage leaves a submission in when it passes it on. */
const PASSED_STATUS: Record<ApproverStage, Status> = {
  'tim-pertimbangan': 'accepted',
  'ketua-ppid': 'verified',
  'atasan-ppid': 'approved',
}
const POSITIVE_ACTION: Record<ApproverStage, Action> = {
  'tim-pertimbangan': 'accept',
  'ketua-ppid': 'verify',
  'atasan-ppid': 'approve',
}
/** Negative actions of each stage, with the status they lead to. */
const NEGATIVE_ACTIONS: Record<ApproverStage, { action: Action; to: Status }[]> = {
  'tim-pertimbangan': [{ action: 'reject', to: 'returned' }],
  'ketua-ppid': [{ action: 'return', to: 'returned' }],
  'atasan-ppid': [
    { action: 'return', to: 'returned' },
    { action: 'decline', to: 'declined' },
  ],
}

/** Returns a reason when the stage list is not usable, else null. */
export function stagesProblem(stages: readonly string[]): string | null {
  if (stages.length === 0) return 'must contain at least "tim-pertimbangan"'
  if (stages[0] !== 'tim-pertimbangan')
    return 'must start with "tim-pertimbangan" (SOP step 2 is not optional)'
  let last = -1
  for (const stage of stages) {
    const index = (APPROVER_STAGES as readonly string[]).indexOf(stage)
    if (index < 0) return `unknown stage "${stage}"`
    if (index <= last)
      return 'stages must be unique and in SOP order: tim-pertimbangan, ketua-ppid, atasan-ppid'
    last = index
  }
  return null
}

export function buildWorkflow(stages: readonly ApproverStage[] = APPROVER_STAGES): Workflow {
  const problem = stagesProblem(stages)
  if (problem) throw new Error(`stages ${problem}`)
  const transitions: Transition[] = []
  for (const from of ['draft', 'returned'] as Status[]) {
    transitions.push({
      action: 'submit',
      role: 'tim-pelaksana',
      from,
      to: 'submitted',
      noteRequired: false,
      ownerOnly: true,
    })
  }
  let entry: Status = 'submitted'
  stages.forEach((stage, index) => {
    const last = index === stages.length - 1
    const passed = last ? 'approved' : PASSED_STATUS[stage]
    transitions.push({
      action: POSITIVE_ACTION[stage],
      role: stage,
      from: entry,
      to: passed,
      noteRequired: false,
      ownerOnly: false,
    })
    for (const negative of NEGATIVE_ACTIONS[stage]) {
      transitions.push({
        action: negative.action,
        role: stage,
        from: entry,
        to: negative.to,
        noteRequired: true,
        ownerOnly: false,
      })
    }
    entry = passed
  })
  // Step 5. `publish` starts posting (in `auto` mode approval already did; the action
  // is then for an approval that found no enabled account). `retry` re-queues failed
  // targets; `confirm` records a target's post URL (an unconfirmed outcome, a manual
  // post, or a failure the Admin Medsos posted by hand).
  const medsos = { role: 'admin-medsos' as const, noteRequired: false, ownerOnly: false }
  transitions.push({ ...medsos, action: 'publish', from: 'approved', to: 'publishing' })
  transitions.push({ ...medsos, action: 'retry', from: 'publish_failed', to: 'publishing' })
  for (const from of ['publishing', 'publish_failed'] as Status[]) {
    transitions.push({ ...medsos, action: 'confirm', from, to: 'published', conditional: true })
  }
  return { stages: [...stages], transitions }
}

export function findTransition(
  workflow: Workflow,
  action: Action,
  from: Status,
): Transition | undefined {
  return workflow.transitions.find((t) => t.action === action && t.from === from)
}

export interface Actor {
  id: string | number
  roles: readonly Role[]
}

export interface ActionContext {
  status: Status
  /** The user who created the submission. */
  ownerId: string | number | null | undefined
  /** Stages in which this actor already acted on this submission. */
  priorStages: readonly Stage[]
}

export type Refusal =
  | { reason: 'status' }
  | { reason: 'role'; role: Stage }
  | { reason: 'owner' }
  | { reason: 'ownContent' }
  | { reason: 'separation'; stage: Stage }

export type Decision = { ok: true; transition: Transition } | ({ ok: false } & Refusal)

const sameId = (a: unknown, b: unknown) => a != null && b != null && String(a) === String(b)

/** May this actor take this action on a submission in this state? */
export function decide(
  workflow: Workflow,
  actor: Actor,
  action: Action,
  context: ActionContext,
): Decision {
  const transition = findTransition(workflow, action, context.status)
  if (!transition) return { ok: false, reason: 'status' }
  if (!actor.roles.includes(transition.role))
    return { ok: false, reason: 'role', role: transition.role }
  const isOwner = sameId(actor.id, context.ownerId)
  if (transition.ownerOnly && !isOwner) return { ok: false, reason: 'owner' }
  // Separation of duties: the submitter never approves their own content, and one
  // person never acts in two different stages of the same submission.
  if (isOwner && transition.role !== 'tim-pelaksana') return { ok: false, reason: 'ownContent' }
  const otherStage = context.priorStages.find((stage) => stage !== transition.role)
  if (otherStage) return { ok: false, reason: 'separation', stage: otherStage }
  return { ok: true, transition }
}

/** The actions this actor may take now: what the admin shows as buttons. */
export function allowedActions(
  workflow: Workflow,
  actor: Actor,
  context: ActionContext,
): Transition[] {
  const result: Transition[] = []
  for (const t of workflow.transitions) {
    if (t.from !== context.status) continue
    const decision = decide(workflow, actor, t.action, context)
    if (decision.ok) result.push(t)
  }
  return result
}

/**
 * Who may change a submission's content, and in which statuses: the field team (its
 * own) wherever it may submit, and the Ketua PPID ("control and correct") where its
 * stage acts — so an agency without that stage has no content editor after hand-in.
 */
export function contentEditors(workflow: Workflow): { owner: Status[]; 'ketua-ppid': Status[] } {
  const from = (role: Stage) => [
    ...new Set(workflow.transitions.filter((t) => t.role === role).map((t) => t.from)),
  ]
  return { owner: from('tim-pelaksana'), 'ketua-ppid': from('ketua-ppid') }
}

/** Who edits, and as what: the owner (its own, where it may submit) or the Ketua PPID (control and correct). */
export type EditDecision = { ok: true; as: 'owner' | 'ketua-ppid' } | ({ ok: false } & Refusal)

/**
 * May this actor change the content now? Separation of duties applies to edits as to
 * actions: the Ketua PPID edits only where it may take its own stage's action on the
 * submission (so not its own content, nor one it acted on in another stage), decided by
 * `decide()` with the same prior stages.
 */
export function decideEdit(workflow: Workflow, actor: Actor, context: ActionContext): EditDecision {
  const editors = contentEditors(workflow)
  const isOwner = sameId(actor.id, context.ownerId)
  if (isOwner && actor.roles.includes('tim-pelaksana') && editors.owner.includes(context.status))
    return { ok: true, as: 'owner' }
  if (!actor.roles.includes('ketua-ppid'))
    return isOwner && actor.roles.includes('tim-pelaksana')
      ? { ok: false, reason: 'status' }
      : { ok: false, reason: 'role', role: 'ketua-ppid' }
  const stageActions = workflow.transitions.filter(
    (t) => t.role === 'ketua-ppid' && t.from === context.status,
  )
  if (!stageActions.length) return { ok: false, reason: 'status' }
  let refusal: Refusal = { reason: 'status' }
  for (const t of stageActions) {
    const decision = decide(workflow, actor, t.action, context)
    if (decision.ok) return { ok: true, as: 'ketua-ppid' }
    refusal = decision
  }
  return { ok: false, ...refusal }
}

/** The roles whose queue a submission in this status sits in. */
export function waitingOn(workflow: Workflow, status: Status): Stage[] {
  return [...new Set(workflow.transitions.filter((t) => t.from === status).map((t) => t.role))]
}

/** Every status a submission can be in under this workflow (for docs and tests). */
export function reachableStatuses(workflow: Workflow): Status[] {
  const seen = new Set<Status>(['draft'])
  for (const t of workflow.transitions) {
    seen.add(t.from)
    seen.add(t.to)
  }
  return [...seen]
}

export type { Role }
