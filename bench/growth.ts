/**
 * Benchmark 4 — growth: the queue, dashboard counts, register and feed queries at
 * 1,000, 10,000 and 100,000 submissions (rows added with SQL between the sizes), p95 over
 * repeated runs, the ratio p95(100k)/p95(1k), and EXPLAIN of the same queries showing
 * whether PostgreSQL scans a big table sequentially.
 */
import pg from 'pg'
import { createLocalReq, type Payload } from 'payload'
import { queueOf } from '../src/admin/workbench.js'
import { findPublishedNews } from '../src/news/query.js'

const STATUSES = [
  'draft',
  'submitted',
  'accepted',
  'verified',
  'approved',
  'published',
  'returned',
  'declined',
]

async function grow(sql: pg.Client, ownerId: number | string, from: number, to: number) {
  // Mostly published (an archive grows), a working set in the other statuses.
  await sql.query(
    `insert into submissions (title, activity_date, location, caption, status, register_number, submitted_at, due_at, slug, published_at, status_changed_at, created_by_id, updated_at, created_at)
     select 'Kegiatan ' || g, now() - (g || ' minutes')::interval, 'Nanga Bulik', 'Caption ' || g,
            (case when g % 10 < 8 then 'published' else (array[${STATUSES.map((s) => `'${s}'`).join(',')}])[1 + g % 8] end)::enum_submissions_status,
            lpad(g::text, 6, '0') || '/REG-MEDSOS/XI/2026', now() - (g || ' minutes')::interval, now() + ((g % 48) || ' hours')::interval,
            case when g % 10 < 8 then 'kegiatan-' || g end, case when g % 10 < 8 then now() - (g || ' minutes')::interval end,
            now() - (g || ' minutes')::interval, $1, now(), now()
     from generate_series($2::int, $3::int - 1) g`,
    [ownerId, from, to],
  )
  await sql.query(
    `insert into register (number, kind, submission_id, at, summary, content_hash, previous_hash, hash, year, sequence, chain_index, updated_at, created_at)
     select s.register_number, 'documentation', s.id, s.submitted_at, s.title, md5(s.id::text), md5((s.id - 1)::text), md5(s.id::text) || md5(s.title), 2026, 100000 + s.id, 100000 + s.id, now(), now()
     from submissions s where s.title ~ '^Kegiatan [0-9]+$' and not exists (select 1 from register r where r.submission_id = s.id)`,
  )
  await sql.query('analyze submissions; analyze register')
}

const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!

export async function growthBench(
  payload: Payload,
  databaseUri: string,
  users: Record<string, { id: number | string }>,
  runs: number,
) {
  const sql = new pg.Client({ connectionString: databaseUri })
  await sql.connect()
  const asUser = async (role: string) =>
    createLocalReq(
      { user: { ...users[role], collection: 'users', roles: [role] } as never },
      payload,
    )
  const month = {
    from: new Date(Date.now() - 30 * 86_400_000).toISOString(),
    to: new Date().toISOString(),
  }
  const queries: [string, () => Promise<unknown>][] = [
    ['queue (Ketua PPID)', async () => queueOf(await asUser('ketua-ppid'))],
    [
      'register, one month',
      async () =>
        payload.find({
          collection: 'register',
          where: {
            and: [{ at: { greater_than_equal: month.from } }, { at: { less_than: month.to } }],
          },
          sort: '-chainIndex',
          limit: 50,
          depth: 0,
          overrideAccess: false,
          user: {
            ...users['tim-pertimbangan'],
            collection: 'users',
            roles: ['tim-pertimbangan'],
          } as never,
        }),
    ],
    [
      'public feed (newest 50, no count)',
      async () => findPublishedNews(payload, { limit: 50, count: false }),
    ],
    [
      'public page (12 cards, with the page count)',
      async () => findPublishedNews(payload, { limit: 12 }),
    ],
    [
      'submissions list (status filter, by deadline)',
      async () =>
        payload.find({
          collection: 'submissions',
          where: { status: { equals: 'submitted' } },
          sort: 'dueAt',
          limit: 25,
          depth: 0,
          overrideAccess: false,
          user: {
            ...users['tim-pertimbangan'],
            collection: 'users',
            roles: ['tim-pertimbangan'],
          } as never,
        }),
    ],
  ]
  const explains: [string, string][] = [
    ['queue', "select id from submissions where status in ('accepted') order by due_at limit 500"],
    ['counts', "select count(*) from submissions where status = 'submitted'"],
    [
      'register month',
      `select id from register where at >= now() - interval '30 days' and at < now() order by chain_index desc limit 50`,
    ],
    [
      'feed',
      "select id from submissions where status = 'published' order by published_at desc, id desc limit 50",
    ],
    // Counts 80 % of the table: a sequential scan is the planner's right choice here.
    ['public page count', "select count(*) from submissions where status = 'published'"],
  ]
  const sizes = [1_000, 10_000, 100_000]
  const results: Record<string, number[]> = {}
  const plans: string[] = []
  let have = 0
  for (const size of sizes) {
    await grow(sql, users['tim-pelaksana']!.id, have, size)
    have = size
    for (const [name, q] of queries) {
      await q()
      const times: number[] = []
      for (let i = 0; i < runs; i++) {
        const t = performance.now()
        await q()
        times.push(performance.now() - t)
      }
      ;(results[name] ??= []).push(quantile(times, 0.95))
    }
    for (const [name, text] of explains) {
      const plan = (await sql.query(`explain ${text}`)).rows.map((r) => r['QUERY PLAN']).join(' / ')
      const seq = /Seq Scan on (submissions|register)/.exec(plan)
      plans.push(
        `| ${size.toLocaleString('en')} | ${name} | ${seq ? `**${seq[0]}**` : 'index only / index scan'} | ${plan.replace(/\|/g, '\\|').slice(0, 160)} |`,
      )
    }
  }
  await sql.end()
  console.log(
    `\n### 4. Growth: p95 of each query at ${sizes.map((s) => s.toLocaleString('en')).join(' / ')} submissions (${runs} runs each)\n`,
  )
  console.log(
    `| query | ${sizes.map((s) => `p95 at ${s.toLocaleString('en')}`).join(' | ')} | p95 ratio 100k / 1k |\n|---|${sizes.map(() => '---|').join('')}---|`,
  )
  for (const [name, p95s] of Object.entries(results)) {
    console.log(
      `| ${name} | ${p95s.map((v) => `${v.toFixed(1)} ms`).join(' | ')} | ${(p95s[2]! / p95s[0]!).toFixed(2)}× |`,
    )
  }
  console.log(
    '\nEXPLAIN (PostgreSQL planner) of the same queries:\n\n| submissions | query | sequential scan? | plan |\n|---|---|---|---|',
  )
  for (const line of plans) console.log(line)
}
