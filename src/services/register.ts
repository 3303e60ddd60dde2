import type { PayloadRequest } from 'payload'
import type { PluginContext } from '../context.js'
import { WORKFLOW_CONTEXT } from '../context.js'
import {
  formatRegisterNumber,
  GENESIS_HASH,
  registerEntryHash,
  registerPeriod,
  type RegisterEntryContent,
} from '../workflow/register.js'
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

/** A person's name and jabatan as they are now (the register keeps them as of the act). */
async function personSnapshot(
  req: PayloadRequest,
  ctx: PluginContext,
  id: string | number | null,
): Promise<{ name: string | null; jabatan: string | null }> {
  if (id == null) return { name: null, jabatan: null }
  const user = (await req.payload.findByID({
    collection: ctx.slugs.users,
    id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })) as { name?: string | null; jabatan?: string | null } | null
  return { name: user?.name ?? null, jabatan: user?.jabatan ?? null }
}

/**
 * Appends one entry under an advisory lock held until the action commits: the next
 * number of the year (WIB) and the link to the previous entry's hash. A rolled-back
 * action takes its entry with it, so numbers stay gap-free.
 *
 * A submission has at most one documentation entry: when it already has one (decided
 * under the register lock), that entry is returned and nothing is appended. The
 * database enforces the same with a unique partial index (`registerSchemaHook`).
 *
 * The actor's and the owner's name and jabatan are kept as they are at the act, so a
 * later rename does not rewrite history. They are not part of the hash: the chain
 * covers what the act was (who by id, what, when); changing the hash input would make
 * every existing chain fail verification, and the names stay evidence through `actor`.
 */
export async function appendRegisterEntry(
  req: PayloadRequest,
  ctx: PluginContext,
  entry: NewRegisterEntry,
) {
  await lockRegister(req)
  if (entry.kind === 'documentation') {
    const existing = await req.payload.find({
      collection: ctx.slugs.register,
      where: {
        and: [
          { submission: { equals: entry.submissionId } },
          { kind: { equals: 'documentation' } },
        ],
      },
      depth: 0,
      limit: 1,
      overrideAccess: true,
      req,
    })
    if (existing.docs[0])
      return existing.docs[0] as unknown as RegisterEntryContent & {
        id: string | number
        hash: string
      }
  }
  const [actor, owner] = [
    await personSnapshot(req, ctx, entry.actorId),
    await personSnapshot(req, ctx, entry.ownerId),
  ]
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
  const lastInChain = await req.payload.find({
    collection: ctx.slugs.register,
    sort: '-chainIndex',
    ...common,
  })
  const previous = lastInChain.docs[0] as { hash?: string; chainIndex?: number } | undefined
  const sequence = ((lastOfYear.docs[0] as { sequence?: number } | undefined)?.sequence ?? 0) + 1
  const number = formatRegisterNumber(
    ctx.options.registerNumberFormat,
    sequence,
    at,
    ctx.options.timeZone,
  )
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
      actorName: actor.name,
      actorJabatan: actor.jabatan,
      ownerName: owner.name,
      ownerJabatan: owner.jabatan,
    },
    depth: 0,
    overrideAccess: true,
    req,
    context: { [WORKFLOW_CONTEXT]: true },
  })) as unknown as RegisterEntryContent & { id: string | number; hash: string }
}
