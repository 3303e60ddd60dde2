/**
 * Scale-out: two app processes and one separate jobs worker on one PostgreSQL. Both app
 * processes are given the same steps for the same submissions (as two instances behind
 * a load balancer receiving double clicks); each step happens exactly once, the other
 * process is refused by the state table; every approval is posted exactly once to every
 * account by the worker process.
 */
import { afterAll, expect, it } from 'vitest'
import { startFakePlatforms, type FakePlatforms } from '../../dev/fakePlatforms.js'
import { verifyRegisterInDatabase } from '../../src/register/chain.js'
import { createTestApp } from '../helpers/app.js'
import { startChild, waitForOutput, type Child } from '../helpers/child.js'
import {
  createPeople,
  createPhotos,
  createSubmissionIn,
  type ActorName,
} from '../helpers/fixtures.js'
import { createAccounts, publishingOptions, TOKEN, WEBHOOK_SECRET } from '../helpers/publishing.js'

let fake: FakePlatforms | undefined
const children: Child[] = []
afterAll(async () => {
  for (const c of children) if (!c.ended()) c.child.kill('SIGKILL')
  await Promise.all(children.map((c) => c.closed))
  await fake?.close()
})

function start(script: string, env: Record<string, string>, stdin: 'pipe' | 'ignore' = 'ignore') {
  const c = startChild(script, env, { stdin })
  children.push(c)
  return c
}

it('two app processes and a separate worker: each step once, each post once', async () => {
  fake = await startFakePlatforms({ tokens: [TOKEN], webhookSecrets: { portal: WEBHOOK_SECRET } })
  const plugin: Record<string, unknown> = { publishing: publishingOptions(fake) }
  const app = await createTestApp('scaleout', plugin as never, 'scaleout')
  plugin.mediaDir = (
    app.payload.collections.media!.config.upload as { staticDir: string }
  ).staticDir
  const people = await createPeople(app)
  await createAccounts(app, fake, people['admin-medsos'])
  const photos = await createPhotos(app.payload, people['tim-pelaksana'], 4)
  const ids: number[] = []
  for (let i = 0; i < 6; i++) {
    ids.push(
      (
        await createSubmissionIn(app.payload, people['tim-pelaksana'], 'draft', photos, {
          title: `Kegiatan skala ${i}`,
          caption: `Kegiatan skala ${i} #uji`,
        })
      ).id as number,
    )
  }
  const chain: [ActorName, string][] = [
    ['tim-pelaksana', 'submit'],
    ['tim-pertimbangan', 'accept'],
    ['ketua-ppid', 'verify'],
    ['atasan-ppid', 'approve'],
  ]
  const steps = JSON.stringify(
    ids.flatMap((id) => chain.map(([who, action]) => [id, action, people[who].id])),
  )
  const env = {
    DATABASE_URI: app.databaseUri,
    ACTOR_PLUGIN: JSON.stringify(plugin),
    WORKER_PLUGIN: JSON.stringify(plugin),
    STEPS: steps,
  }
  const worker = start('tests/helpers/jobsWorker.ts', env, 'pipe')
  await waitForOutput(worker, /JOBS WORKER READY/)
  const a = start('tests/helpers/actor.ts', env)
  const b = start('tests/helpers/actor.ts', env)
  const [endA, endB] = await Promise.all([a.closed, b.closed])
  expect(endA.code, a.describe(endA)).toBe(0)
  expect(endB.code, b.describe(endB)).toBe(0)
  // Each step happened once: ACTED in exactly one of the two processes.
  const acted = (out: string) => out.match(/^ACTED \d+ \w+$/gm) ?? []
  const all = [...acted(a.output()), ...acted(b.output())].sort()
  expect(all).toEqual(
    ids.flatMap((id) => chain.map(([, action]) => `ACTED ${id} ${action}`)).sort(),
  )
  // The worker posts every approval; wait until all are published (a generous bound: a busy machine).
  const until = Date.now() + 180_000
  let statuses: string[] = []
  while (Date.now() < until) {
    statuses = (
      await app.sql<{ status: string }>('select status from submissions where id = any($1)', [ids])
    ).map((r) => r.status)
    if (statuses.every((s) => s === 'published') || worker.ended()) break
    await new Promise((r) => setTimeout(r, 250))
  }
  worker.child.stdin!.end()
  const endWorker = await worker.closed
  expect(statuses, worker.describe(endWorker)).toEqual(ids.map(() => 'published'))
  expect(endWorker.code, worker.describe(endWorker)).toBe(0)
  for (let i = 0; i < ids.length; i++) {
    const posts = fake.posts.filter(
      (p) => p.text.includes(`Kegiatan skala ${i} #uji`) || p.text.includes(`Kegiatan skala ${i}`),
    )
    expect(posts.map((p) => p.platform).sort(), `submission ${i}`).toEqual([
      'facebook',
      'instagram',
      'webhook',
      'x',
    ])
  }
  const reviews = await app.sql<{ n: string }>(
    'select count(*)::text as n from reviews where submission_id = any($1)',
    [ids],
  )
  expect(Number(reviews[0]!.n)).toBe(ids.length * chain.length)
  const verdict = await verifyRegisterInDatabase(app.databaseUri)
  expect(verdict.ok).toBe(true)
}, 420_000)
