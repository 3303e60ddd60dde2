/**
 * Processes starting at once on one fresh database (a web process, a jobs worker and a
 * CLI command after a deploy): the dev schema push runs under a PostgreSQL advisory lock
 * (src/dev/appConfig.ts serialiseSchemaSetup), so each process either sets the schema up
 * or finds it in place. Unserialised, 2 of 3 processes crashed with "CREATE TYPE … /
 * CREATE TABLE … already exists" (exit 1).
 */
import { expect, it } from 'vitest'
import { createDatabase } from '../helpers/app.js'
import { startChild } from '../helpers/child.js'
import pg from 'pg'

it('three processes booting at once on one fresh database all start; the schema is set up once', async () => {
  const databaseUri = await createDatabase('startup3')
  const children = [0, 1, 2].map(() =>
    startChild('tests/helpers/actor.ts', {
      DATABASE_URI: databaseUri,
      ACTOR_PUSH: 'true',
      STEPS: '[]',
    }),
  )
  const ends = await Promise.all(children.map((c) => c.closed))
  ends.forEach((end, i) => {
    expect(end.code, children[i]!.describe(end)).toBe(0)
    expect(end.output).toContain('ACTOR DONE')
  })
  const client = new pg.Client({ connectionString: databaseUri })
  await client.connect()
  try {
    // One dev-push marker (each process adds it only when none exists: serialised, never twice).
    const { rows } = await client.query(
      `select count(*)::int as n from payload_migrations where batch = -1`,
    )
    expect(rows[0].n).toBe(1)
    const { rows: tables } = await client.query(
      `select count(*)::int as n from information_schema.tables where table_schema = 'public' and table_name in ('users', 'submissions', 'reviews', 'register', 'publications')`,
    )
    expect(tables[0].n).toBe(5)
  } finally {
    await client.end()
  }
}, 600_000)
