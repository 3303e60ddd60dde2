/**
 * Step 5 in one place: the states of a posting target (one submission on one account)
 * and what they mean for the submission. Pure: the review hook, the workbench, the
 * engine and settling all read these.
 *
 * Whether an account is posted by hand is a fact of its platform's adapter; the
 * predicates take it as `byHand` so this module stays free of platform code.
 */
export const PUBLICATION_STATUSES = [
  'queued',
  'prepared',
  'armed',
  'published',
  'failed',
  'unconfirmed',
] as const
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number]

/** Targets a worker (or, for a hand-posted account, a person) still has to act on. */
export const OPEN_STATUSES: PublicationStatus[] = ['queued', 'prepared', 'armed']

/** Submission statuses in which the targets decide the status (settling). */
export const SETTLING_STATUSES = ['approved', 'publishing', 'publish_failed'] as const

/** What the predicates read of a target. */
export interface TargetFacts {
  status?: unknown
  platform?: unknown
}

/** Is this platform posted by hand (no API; the Admin Medsos confirms with the link)? */
export type ByHand = (platform: string) => boolean

/** Waiting for a person (a hand-posted account), not for a worker. */
export const waitingForPerson = (target: TargetFacts, byHand: ByHand): boolean =>
  target.status === 'queued' && byHand(String(target.platform))

/** A target the Admin Medsos may confirm with its post's URL. */
export const isConfirmable = (target: TargetFacts, byHand: ByHand): boolean =>
  target.status === 'failed' || target.status === 'unconfirmed' || waitingForPerson(target, byHand)

/** A target `retry` queues again. */
export const isRetryable = (target: Pick<TargetFacts, 'status'>): boolean =>
  target.status === 'failed'

/** The submission status its targets call for: all published, still running, or failed. */
export function outcome(
  targets: TargetFacts[],
  byHand: ByHand,
): 'published' | 'publish_failed' | 'publishing' | null {
  if (!targets.length) return null
  if (targets.every((p) => p.status === 'published')) return 'published'
  const running = targets.some(
    (p) => (OPEN_STATUSES as unknown[]).includes(p.status) && !waitingForPerson(p, byHand),
  )
  if (running) return 'publishing'
  if (targets.some((p) => p.status === 'failed' || p.status === 'unconfirmed'))
    return 'publish_failed'
  return 'publishing'
}
