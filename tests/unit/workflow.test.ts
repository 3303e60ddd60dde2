import { describe, expect, it } from 'vitest'
import {
  allowedActions,
  APPROVER_STAGES,
  buildWorkflow,
  decide,
  findTransition,
  reachableStatuses,
  stagesProblem,
  waitingOn,
} from '../../src/workflow/index.js'

describe('state table', () => {
  const wf = buildWorkflow()

  it('is the CONTRACT default chain', () => {
    const rows = wf.transitions.map(
      (t) => `${t.role}:${t.action}:${t.from}->${t.to}${t.noteRequired ? '!' : ''}`,
    )
    expect(rows).toEqual([
      'tim-pelaksana:submit:draft->submitted',
      'tim-pelaksana:submit:returned->submitted',
      'tim-pertimbangan:accept:submitted->accepted',
      'tim-pertimbangan:reject:submitted->returned!',
      'ketua-ppid:verify:accepted->verified',
      'ketua-ppid:return:accepted->returned!',
      'atasan-ppid:approve:verified->approved',
      'atasan-ppid:return:verified->returned!',
      'atasan-ppid:decline:verified->declined!',
      'admin-medsos:publish:approved->publishing',
      'admin-medsos:retry:publish_failed->publishing',
      'admin-medsos:confirm:publishing->published',
      'admin-medsos:confirm:publish_failed->published',
    ])
  })

  it('drops ketua-ppid: the superior decides on accepted content', () => {
    const w = buildWorkflow(['tim-pertimbangan', 'atasan-ppid'])
    expect(findTransition(w, 'approve', 'accepted')?.to).toBe('approved')
    expect(findTransition(w, 'verify', 'accepted')).toBeUndefined()
    expect(reachableStatuses(w)).not.toContain('verified')
  })

  it('drops atasan-ppid: verification is the final approval', () => {
    const w = buildWorkflow(['tim-pertimbangan', 'ketua-ppid'])
    expect(findTransition(w, 'verify', 'accepted')?.to).toBe('approved')
    expect(findTransition(w, 'decline', 'verified')).toBeUndefined()
  })

  it('drops both: acceptance is the final approval', () => {
    const w = buildWorkflow(['tim-pertimbangan'])
    expect(findTransition(w, 'accept', 'submitted')?.to).toBe('approved')
    expect(waitingOn(w, 'accepted')).toEqual([])
  })

  it('refuses unusable stage lists', () => {
    expect(stagesProblem([])).toMatch(/at least/)
    expect(stagesProblem(['ketua-ppid'])).toMatch(/start with/)
    expect(stagesProblem(['tim-pertimbangan', 'atasan-ppid', 'ketua-ppid'])).toMatch(/order/)
    expect(stagesProblem(['tim-pertimbangan', 'bupati'])).toMatch(/unknown/)
    expect(stagesProblem([...APPROVER_STAGES])).toBeNull()
    expect(() => buildWorkflow([] as never)).toThrow()
  })
})

describe('decide', () => {
  const wf = buildWorkflow()
  const owner = { id: 1, roles: ['tim-pelaksana'] as const }
  const reviewer = { id: 2, roles: ['tim-pertimbangan'] as const }
  const both = { id: 3, roles: ['tim-pertimbangan', 'ketua-ppid'] as const }

  it('lets the owner submit a draft, not another field-team member', () => {
    expect(decide(wf, owner, 'submit', { status: 'draft', ownerId: 1, priorStages: [] }).ok).toBe(
      true,
    )
    expect(
      decide(wf, { id: 9, roles: ['tim-pelaksana'] }, 'submit', {
        status: 'draft',
        ownerId: 1,
        priorStages: [],
      }),
    ).toMatchObject({ ok: false, reason: 'owner' })
  })

  it('refuses by status before role', () => {
    expect(
      decide(wf, reviewer, 'accept', { status: 'draft', ownerId: 1, priorStages: [] }),
    ).toMatchObject({ ok: false, reason: 'status' })
    expect(
      decide(wf, owner, 'accept', { status: 'submitted', ownerId: 1, priorStages: [] }),
    ).toMatchObject({ ok: false, reason: 'role' })
  })

  it('separates duties: one person, one stage', () => {
    expect(
      decide(wf, both, 'verify', {
        status: 'accepted',
        ownerId: 1,
        priorStages: ['tim-pertimbangan'],
      }),
    ).toMatchObject({ ok: false, reason: 'separation' })
    expect(decide(wf, both, 'verify', { status: 'accepted', ownerId: 1, priorStages: [] }).ok).toBe(
      true,
    )
    // acting again in the same stage after a resubmission is fine
    expect(
      decide(wf, both, 'accept', {
        status: 'submitted',
        ownerId: 1,
        priorStages: ['tim-pertimbangan'],
      }).ok,
    ).toBe(true)
  })

  it('never lets the submitter review their own content', () => {
    const selfReviewer = { id: 1, roles: ['tim-pelaksana', 'tim-pertimbangan'] as const }
    expect(
      decide(wf, selfReviewer, 'accept', {
        status: 'submitted',
        ownerId: 1,
        priorStages: ['tim-pelaksana'],
      }),
    ).toMatchObject({ ok: false, reason: 'ownContent' })
  })

  it('lists the allowed actions for the admin buttons', () => {
    const superior = { id: 4, roles: ['atasan-ppid'] as const }
    expect(
      allowedActions(wf, superior, { status: 'verified', ownerId: 1, priorStages: [] }).map(
        (t) => t.action,
      ),
    ).toEqual(['approve', 'return', 'decline'])
    expect(
      allowedActions(wf, superior, { status: 'accepted', ownerId: 1, priorStages: [] }),
    ).toEqual([])
  })
})
