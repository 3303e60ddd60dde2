/**
 * Defence in depth under the API rules: PostgreSQL itself refuses to change or delete a
 * row of the register or of the written responses (reviews). Whatever a schema action
 * does — a user's deletion whose `ON DELETE SET NULL` would rewrite `register.actor_id`,
 * a Local API call with `overrideAccess`, a stray SQL `UPDATE` — the statement fails and
 * its transaction rolls back, so the hash chain cannot be bent from inside the app.
 *
 * The workflow only ever INSERTs these rows (checked: no code path updates a register
 * entry or a review; the approval sheet is linked at insert time).
 *
 * The plugin's onInit installs it when missing, in every mode (idempotent); a migration may
 * too, as the tables' owner: `await db.execute(sql.raw(recordImmutabilitySql()))`.
 * Removing it on purpose (an auditor's repair) is `DROP TRIGGER … ON register`.
 */
import type { Payload } from 'payload'

export const RECORD_IMMUTABLE_FUNCTION = 'sop_medsos_refuse_record_change'
/** What the trigger raises (SQLSTATE P0001, the message starts with this). */
export const RECORD_IMMUTABLE_MESSAGE = 'sop-medsos: record rows are immutable'
export const RECORD_TABLES = ['register', 'reviews'] as const

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`

/** The SQL that installs (or re-installs) the triggers on the given tables; safe to run twice. */
export function recordImmutabilitySql(tables: readonly string[] = RECORD_TABLES): string {
  const fn = `CREATE OR REPLACE FUNCTION ${RECORD_IMMUTABLE_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION '${RECORD_IMMUTABLE_MESSAGE}: % on %', TG_OP, TG_TABLE_NAME
    USING HINT = 'Register entries and written responses are append-only (issue 13, item 4).';
END
$fn$;`
  const triggers = tables.map((table) => {
    const rowTrigger = `${table}_immutable_rows`.replace(/[^a-z0-9_]/gi, '_')
    const truncateTrigger = `${table}_immutable_truncate`.replace(/[^a-z0-9_]/gi, '_')
    return `DO $do$ BEGIN
  IF to_regclass('${ident(table).replace(/'/g, "''")}') IS NOT NULL THEN
    IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = '${rowTrigger}' AND tgrelid = to_regclass('${ident(table).replace(/'/g, "''")}')) THEN
      CREATE TRIGGER ${rowTrigger} BEFORE UPDATE OR DELETE ON ${ident(table)} FOR EACH ROW EXECUTE FUNCTION ${RECORD_IMMUTABLE_FUNCTION}();
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = '${truncateTrigger}' AND tgrelid = to_regclass('${ident(table).replace(/'/g, "''")}')) THEN
      CREATE TRIGGER ${truncateTrigger} BEFORE TRUNCATE ON ${ident(table)} FOR EACH STATEMENT EXECUTE FUNCTION ${RECORD_IMMUTABLE_FUNCTION}();
    END IF;
  END IF;
END $do$;`
  })
  return [fn, ...triggers].join('\n')
}

/** The SQL that removes them (a migration's `down`). */
export function dropRecordImmutabilitySql(tables: readonly string[] = RECORD_TABLES): string {
  return [
    ...tables.flatMap((table) => [
      `DROP TRIGGER IF EXISTS ${`${table}_immutable_rows`.replace(/[^a-z0-9_]/gi, '_')} ON ${ident(table)};`,
      `DROP TRIGGER IF EXISTS ${`${table}_immutable_truncate`.replace(/[^a-z0-9_]/gi, '_')} ON ${ident(table)};`,
    ]),
    `DROP FUNCTION IF EXISTS ${RECORD_IMMUTABLE_FUNCTION}();`,
  ].join('\n')
}

/** The physical table names of the register and the reviews in this app (Payload may rename long slugs). */
export function recordTables(
  payload: Payload,
  slugs: { register: string; reviews: string },
): string[] {
  const map = (payload.db as unknown as { tableNameMap?: Map<string, string> }).tableNameMap
  return [slugs.register, slugs.reviews].map((slug) => {
    const snake = slug.replace(/-/g, '_')
    return map?.get(snake) ?? snake
  })
}

/** Does this process push the schema itself (dev mode) instead of running migrations? */
export function pushesSchema(payload: Payload): boolean {
  if (process.env.PAYLOAD_FORCE_DRIZZLE_PUSH === 'true') return true
  return (
    process.env.NODE_ENV !== 'production' &&
    process.env.PAYLOAD_MIGRATING !== 'true' &&
    (payload.db as { push?: boolean }).push !== false
  )
}

/** Installs the triggers through the app's own pool, when missing (needs the tables' owner). */
export async function installRecordImmutability(
  payload: Payload,
  slugs: { register: string; reviews: string },
): Promise<void> {
  type Client = { query: (text: string) => Promise<unknown>; release: () => void }
  const pool = (payload.db as unknown as { pool?: { connect: () => Promise<Client> } }).pool
  if (!pool) return
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    // One process at a time (several app processes may start on one database).
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('${RECORD_IMMUTABLE_FUNCTION}'))`)
    await client.query(recordImmutabilitySql(recordTables(payload, slugs)))
    await client.query('COMMIT')
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {})
    throw error
  } finally {
    client.release()
  }
}

/** Is this error the trigger's refusal? */
export function isRecordImmutableError(error: unknown): boolean {
  let e = error as { message?: unknown; cause?: unknown } | undefined
  for (let depth = 0; e && depth < 5; depth++, e = e.cause as typeof e) {
    if (typeof e.message === 'string' && e.message.includes(RECORD_IMMUTABLE_MESSAGE)) return true
  }
  return false
}
