/**
 * A worker process killed with SIGKILL between arming and confirming (the post was
 * made, the answer never came), then a new worker: the target is reconciled, not
 * re-posted, and nothing is left armed.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startFakePlatforms, type FakePlatforms } from '../../src/dev/fakePlatforms.js'
import { createTestApp, type TestApp } from '../helpers/app.js'
import { createPeople, createPhotos, createSubmissionIn } from '../helpers/fixtures.js'
import { createAccounts, publishingOptions, TOKEN, WEBHOOK_SECRET } from '../helpers/publishing.js'

const ROOT = path.resolve(import.meta.dirname, '../..')
let app: TestApp
let fake: FakePlatforms
let plugin: Record<string, unknown>

beforeAll(async () => {
  fake = await startFakePlatforms({ tokens: [TOKEN], webhookSecrets: { portal: WEBHOOK_SECRET }, containerPolls: 0 })
  plugin = { publishing: publishingOptions(fake, { requestTimeoutMs: 30_000, leaseMs: 2_000 }) }
  app = await createTestApp('worker_kill', plugin as never)
  plugin.mediaDir = (app.payload.collections.media!.config.upload as { staticDir: string }).staticDir
  const people = await createPeople(app, ['tim-pelaksana', 'admin-medsos', 'atasan-ppid'])
  await createAccounts(app, fake, people['admin-medsos'])
  const photos = await createPhotos(app.payload, people['tim-pelaksana'], 4)
  const doc = await createSubmissionIn(app.payload, people['tim-pelaksana'], 'verified', photos, { title: 'Pekerja dimatikan', caption: 'Pekerja dimatikan #uji' })
  await app.payload.create({ collection: 'reviews', data: { submission: doc.id, action: 'approve' } as never, user: { ...people['atasan-ppid'], collection: 'users' } as never, overrideAccess: false } as never)
  submissionId = doc.id as number
}, 120_000)
afterAll(async () => fake?.close())
let submissionId: number

function worker(): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  let out = ''
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/worker.ts'], {
    cwd: ROOT,
    env: { ...process.env, WORKER_LOG_LEVEL: 'debug', DATABASE_URI: app.databaseUri, WORKER_PLUGIN: JSON.stringify(plugin), SUBMISSION: String(submissionId) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.on('data', (d) => (out += d))
  child.stderr!.on('data', (d) => (out += d))
  return { child, output: () => out, exited: new Promise((r) => child.once('exit', (code) => r(code))) }
}

const targets = async () => (await app.payload.find({ collection: 'publications', where: { submission: { equals: submissionId } }, depth: 0, pagination: false, overrideAccess: true })).docs as any[]

it('SIGKILL after arming: the next worker reconciles, no duplicate, nothing left armed', async () => {
  // The Facebook post is made, but its answer never comes.
  fake.inject({ match: /POST \/graph\/v20.0\/facebook-page-1\/feed/, kind: 'hang' })
  const first = worker()
  const until = Date.now() + 90_000
  while (Date.now() < until) {
    const fb = (await targets()).find((t) => t.platform === 'facebook')
    if (fb?.status === 'armed' && fake.posts.some((p) => p.platform === 'facebook')) break
    if (first.child.exitCode !== null) {
      // Let the pipes deliver what the worker wrote before it exited.
      await new Promise((r) => setTimeout(r, 500))
      const fb = (await targets()).find((t) => t.platform === 'facebook')
      throw new Error(`worker exited early (code ${first.child.exitCode}; facebook target ${fb?.status}; posts ${fake.posts.map((p) => p.platform).join(',')}):\n${first.output()}`)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  first.child.kill('SIGKILL')
  await first.exited
  expect((await targets()).find((t) => t.platform === 'facebook').status).toBe('armed')

  await new Promise((r) => setTimeout(r, 2_500)) // the dead worker's lease runs out
  const second = worker()
  const code = await second.exited
  expect(code, second.output()).toBe(0)
  const ts = await targets()
  expect(ts.map((t) => [t.platform, t.status]).sort()).toEqual([['facebook', 'published'], ['instagram', 'published'], ['webhook', 'published'], ['x', 'published']])
  for (const platform of ['facebook', 'instagram', 'x', 'webhook']) expect(fake.posts.filter((p) => p.platform === platform), platform).toHaveLength(1)
  expect((await app.payload.findByID({ collection: 'submissions', id: submissionId, overrideAccess: true })).status).toBe('published')
  // Both workers logged at debug level: the credentials appear in no line.
  const logs = first.output() + second.output()
  expect(logs.length).toBeGreaterThan(0)
  expect(logs).not.toContain(TOKEN)
  expect(logs).not.toContain(WEBHOOK_SECRET)
}, 180_000)
