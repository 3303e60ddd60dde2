import type { PayloadRequest } from 'payload'
import type { PluginContext } from '../src/context.js'
import { WORKFLOW_CONTEXT } from '../src/context.js'
import {
  formatRegisterNumber,
  GENESIS_HASH,
  registerEntryHash,
  registerPeriod,
} from '../src/workflow/register.js'
import { lockRegister } from './locks.js'

export interface NewRegisterEntry {
  kind: 'documentation' | 'content'
  submissionId: string | number
  ownerId: string | number | null
  actorId: string | number | null
  summary: string
  contentHash: string
  /** content entries: the approval sheet of the approved version (not part of the hash). */
  approvalSheet?: string | number | null
}

/**
 * Appends one entry under an advisory lock held until the action commits: the next
 * number of the year (WIB) and the link to the previous entry's hash. A rolled-back
 * action takes its entry with it, so numbers stay gap-free.
 */
export async function appendRegisterEntry(req: PayloadRequest, ctx: PluginContext, entry: NewRegisterEntry) {
  await lockRegister(req)
  const at = new Date()
  const { year } = registerPeriod(at, ctx.options.timeZone)
  const common = { depth: 0, limit: 1, overrideAccess: true, req } as const
  // Sequential on purpose: both run on the transaction's single connection.
  const lastOfYear = await req.payload.find({
    collection: ctx.slugs.register,
    where: { year: { equals: year } },
    sort: '-sequence',
    ...common,
  })
  const lastInChain = await req.payload.find({ collection: ctx.slugs.register, sort: '-chainIndex', ...common })
  const previous = lastInChain.docs[0] as { hash?: string; chainIndex?: number } | undefined
  const sequence = ((lastOfYear.docs[0] as { sequence?: number } | undefined)?.sequence ?? 0) + 1
  const number = formatRegisterNumber(ctx.options.registerNumberFormat, sequence, at, ctx.options.timeZone)
  const content = {
    number,
    kind: entry.kind,
    submission: entry.submissionId,
    at: at.toISOString(),
    actor: entry.actorId,
    summary: entry.summary,
    contentHash: entry.contentHash,
    previousHash: previous?.hash ?? GENESIS_HASH,
  }
  const hash = registerEntryHash(content)
  return (await req.payload.create({
    collection: ctx.slugs.register,
    data: {
      ...content,
      hash,
      year,
      sequence,
      chainIndex: (previous?.chainIndex ?? 0) + 1,
      submissionOwner: entry.ownerId,
      approvalSheet: entry.approvalSheet ?? null,
    },
    depth: 0,
    overrideAccess: true,
    req,
    context: { [WORKFLOW_CONTEXT]: true },
  })) as unknown as typeof content & { id: string | number; hash: string }
}
