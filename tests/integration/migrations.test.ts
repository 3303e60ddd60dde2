/**
 * The committed migrations (migrations/) are the production schema:
 * - `payload migrate:create --skip-empty` against them finds no change (the config and
 *   the migrations agree; when the schema changes, commit a new migration);
 * - a fresh database built by `payload migrate` alone (no dev push) runs the flow.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { getPayload } from 'payload'
import { describe, expect, it } from 'vitest'
import { appConfig } from '../../dev/appConfig.js'
import { createDatabase } from '../helpers/app.js'
import { createPhotos, validContent, type Person } from '../helpers/fixtures.js'

const ROOT = path.resolve(import.meta.dirname, '../..')

describe('committed migrations', () => {
  it('match the config: migrate:create finds nothing to add', async () => {
    const databaseUri = await createDatabase('migdrift')
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sop-migrations-'))
    fs.cpSync(path.join(ROOT, 'migrations'), dir, { recursive: true })
    const before = fs.readdirSync(dir).sort()
    const run = spawnSync(
      process.execPath,
      ['scripts/run.mjs', 'payload', 'migrate:create', 'drift', '--skip-empty'],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          DATABASE_URI: databaseUri,
          MIGRATION_DIR: dir,
          SEED_DEMO: 'false',
          FAKE_PLATFORMS: 'false',
          PAYLOAD_FORCE_DRIZZLE_PUSH: '',
          NODE_ENV: 'development',
        },
        encoding: 'utf8',
        timeout: 180_000,
      },
    )
    expect(run.status, run.stdout + run.stderr).toBe(0)
    const after = fs.readdirSync(dir).sort()
    expect(
      after,
      `the schema changed: run "npm run payload -- migrate:create <name>" and commit migrations/\n${run.stdout}`,
    ).toEqual(before)
  }, 200_000)

  it('build a fresh database with `migrate` alone, on which the flow runs', async () => {
    const databaseUri = await createDatabase('migfresh')
    const saved = {
      push: process.env.PAYLOAD_FORCE_DRIZZLE_PUSH,
      migrating: process.env.PAYLOAD_MIGRATING,
    }
    delete process.env.PAYLOAD_FORCE_DRIZZLE_PUSH
    process.env.PAYLOAD_MIGRATING = 'true' // no dev push: the schema comes from the migrations only
    try {
      // As production does it: the CLI applies the committed migrations…
      const run = spawnSync(process.execPath, ['scripts/run.mjs', 'payload', 'migrate'], {
        cwd: ROOT,
        env: {
          ...process.env,
          DATABASE_URI: databaseUri,
          SEED_DEMO: 'false',
          FAKE_PLATFORMS: 'false',
          PAYLOAD_FORCE_DRIZZLE_PUSH: '',
          NODE_ENV: 'production',
          PAYLOAD_SECRET: 'test-secret',
          SOP_MEDSOS_CREDENTIALS_KEY: 'a'.repeat(64),
        },
        encoding: 'utf8',
        timeout: 180_000,
      })
      expect(run.status, run.stdout + run.stderr).toBe(0)
      // …then the app starts on that schema without pushing anything.
      const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sop-media-mig-'))
      const payload = await getPayload({
        config: appConfig({
          databaseUri,
          secret: 'test-secret',
          plugin: { mediaDir },
          logLevel: 'fatal',
        }),
        key: 'migfresh',
      })
      const { docs } = await payload.find({
        collection: 'payload-migrations',
        overrideAccess: true,
      })
      expect(docs.map((d) => (d as unknown as { name: string }).name).sort()).toEqual(
        fs
          .readdirSync(path.join(ROOT, 'migrations'))
          .filter((f) => /^\d.*\.ts$/.test(f))
          .map((f) => f.replace(/\.ts$/, ''))
          .sort(),
      )
      const user = await payload.create({
        collection: 'users',
        data: {
          email: 'pelaksana@mig.test',
          password: 'password-123',
          name: 'Rina',
          roles: ['tim-pelaksana'],
        } as never,
        overrideAccess: true,
      })
      const owner = {
        id: user.id as number,
        email: 'pelaksana@mig.test',
        roles: ['tim-pelaksana'],
        token: '',
      } as Person
      const photos = await createPhotos(payload, owner, 4, 'mig')
      const as = { user: { ...user, collection: 'users' } as never, overrideAccess: false }
      const s = await payload.create({
        collection: 'submissions',
        data: validContent(photos) as never,
        ...as,
      })
      const review = await payload.create({
        collection: 'reviews',
        data: { submission: s.id, action: 'submit' } as never,
        ...as,
      })
      expect(review.toStatus).toBe('submitted')
      const after = await payload.findByID({
        collection: 'submissions',
        id: s.id,
        overrideAccess: true,
      })
      expect(after.registerNumber).toMatch(/^0001\/REG-MEDSOS\//)
      // The migrations, not the dev push, installed the record's immutability triggers.
      const db = payload.db as unknown as {
        pool: { query: (t: string) => Promise<{ rows: { tgname: string }[] }> }
      }
      const { rows } = await db.pool.query(
        `select tgname from pg_trigger where tgname like '%_immutable_%' order by tgname`,
      )
      expect(rows.map((r) => r.tgname)).toEqual([
        'register_immutable_rows',
        'register_immutable_truncate',
        'reviews_immutable_rows',
        'reviews_immutable_truncate',
      ])
      await expect(db.pool.query(`update register set summary = 'x'`)).rejects.toThrow(
        /record rows are immutable/,
      )
    } finally {
      if (saved.push !== undefined) process.env.PAYLOAD_FORCE_DRIZZLE_PUSH = saved.push
      if (saved.migrating === undefined) delete process.env.PAYLOAD_MIGRATING
      else process.env.PAYLOAD_MIGRATING = saved.migrating
    }
  }, 200_000)
})
