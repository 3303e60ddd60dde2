/**
 * Database rules of the register that Payload's field config cannot express, added to the
 * PostgreSQL adapter's Drizzle schema (so `migrate:create` and the dev push both see them):
 * - at most one documentation entry per submission (unique partial index).
 */
import { sql } from '@payloadcms/db-postgres/drizzle'
import { uniqueIndex } from '@payloadcms/db-postgres/drizzle/pg-core'
import type { Config } from 'payload'

export const ONE_DOCUMENTATION_INDEX = 'register_one_documentation_per_submission'

type Table = Record<string, unknown>
type SchemaHookArgs = {
  extendTable: (args: {
    table: Table
    extraConfig: (t: Record<string, any>) => Record<string, unknown>
  }) => void
  schema: { tables: Record<string, Table> }
}

export function registerSchemaHook(tableName: string) {
  return ({ extendTable, schema }: SchemaHookArgs) => {
    const table = schema.tables[tableName]
    if (table && 'submission' in table && 'kind' in table) {
      extendTable({
        table,
        extraConfig: (t) => ({
          [ONE_DOCUMENTATION_INDEX]: uniqueIndex(ONE_DOCUMENTATION_INDEX)
            .on(t.submission)
            .where(sql`${t.kind} = 'documentation'`),
        }),
      })
    }
    return schema
  }
}

/** The config's database adapter with the register's schema hook (PostgreSQL only; others unchanged). */
export function withRegisterSchema(db: Config['db'], tableName: string): Config['db'] {
  if (!db || db.name !== 'postgres') return db
  return {
    ...db,
    init: (args) => {
      const adapter = db.init(args) as unknown as { afterSchemaInit?: unknown[] }
      adapter.afterSchemaInit = [...(adapter.afterSchemaInit ?? []), registerSchemaHook(tableName)]
      return adapter as unknown as ReturnType<typeof db.init>
    },
  }
}
