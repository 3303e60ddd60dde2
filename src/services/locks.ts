/**
 * Row and advisory locks inside the action's own transaction (PostgreSQL). They make
 * concurrent actions on one submission, and concurrent register appends, take turns.
 */
import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'

type Executor = { execute: (query: unknown) => Promise<unknown> }

async function transactionDb(req: PayloadRequest): Promise<Executor | null> {
  const adapter = req.payload.db as unknown as { sessions?: Record<string, { db?: Executor }> }
  if (!req.transactionID || !adapter.sessions) return null
  const id = await req.transactionID
  return adapter.sessions[String(id)]?.db ?? null
}

export function tableName(req: PayloadRequest, slug: string): string {
  const map = (req.payload.db as unknown as { tableNameMap?: Map<string, string> }).tableNameMap
  const snake = slug.replace(/-/g, '_')
  return map?.get(snake) ?? snake
}

/** SELECT … FOR UPDATE on the submission: a second action on it waits for the first to commit. */
export async function lockDocument(
  req: PayloadRequest,
  slug: string,
  id: string | number,
): Promise<void> {
  const db = await transactionDb(req)
  if (!db) return
  await db.execute(
    sql`select id from ${sql.identifier(tableName(req, slug))} where id = ${id} for update`,
  )
}

/** One register writer at a time, until commit: gap-free numbers and a linear hash chain. */
const REGISTER_LOCK_KEY = 0x50504944 // "PPID"
export async function lockRegister(req: PayloadRequest): Promise<void> {
  const db = await transactionDb(req)
  if (!db)
    throw new Error(
      'The register needs a database transaction (PostgreSQL adapter with transactions enabled).',
    )
  await db.execute(sql`select pg_advisory_xact_lock(${REGISTER_LOCK_KEY})`)
}

/** A transaction-scoped lock on a name (e.g. one slug being claimed): same name, one at a time. */
export async function lockName(req: PayloadRequest, name: string): Promise<void> {
  const db = await transactionDb(req)
  if (!db) return
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${name}))`)
}
