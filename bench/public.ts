/**
 * Benchmark 2 — the public read path under load (autocannon), at 10,000 and 100,000
 * published submissions:
 *  - the app as in production (`next build`, then `next start`, NODE_ENV=production): the
 *    public list API (anonymous REST find on submissions: 12 newest, photos populated),
 *    the RSS feed (50 newest, rendered) and the public page /berita;
 *  - bare Payload's REST find of an equivalent plain collection (`news`, public read) on
 *    the same rows, 12 and 50 newest with photos populated;
 *  - the plugin's REST find served the same way as the bare one (Payload's REST handler
 *    in a plain Node server, bench/restHost.ts), so plugin ÷ bare on the same server is
 *    the plugin's own cost, and next start ÷ plain server is what Next adds.
 * Both databases live on the same PostgreSQL server; the load generator, the server under
 * test and PostgreSQL share the machine's cores (the table says how many).
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import pg from 'pg'
import { getPayload } from 'payload'
import { makeJpeg } from '../dev/demoImages.js'
import { plainRichText } from '../dev/lexical.js'
import { appConfig } from '../dev/appConfig.js'
import { freePort, ROOT, startServer, type DevServer } from '../tests/browser/devServer.js'
import { bareConfig } from './bare.js'

const DIST = '.next-bench'
const CREDENTIALS_KEY = 'a'.repeat(64)

interface Target {
  name: string
  server: 'bare' | 'host' | 'next'
  path: string
  baseline?: string
}

const TARGETS: Target[] = [
  {
    name: 'bare Payload REST find, 12 newest (depth 1)',
    server: 'bare',
    path: '/api/news?limit=12&sort=-publishedAt&depth=1',
  },
  {
    name: 'bare Payload REST find, 50 newest (depth 1)',
    server: 'bare',
    path: '/api/news?limit=50&sort=-publishedAt&depth=1',
  },
  {
    name: 'plugin public list API (same plain server)',
    server: 'host',
    path: '/api/submissions?limit=12&sort=-publishedAt&depth=1',
    baseline: 'bare Payload REST find, 12 newest (depth 1)',
  },
  {
    name: 'plugin public list API (next start)',
    server: 'next',
    path: '/api/submissions?limit=12&sort=-publishedAt&depth=1',
    baseline: 'bare Payload REST find, 12 newest (depth 1)',
  },
  {
    name: 'plugin RSS feed, 50 items (next start)',
    server: 'next',
    path: '/api/news/rss.xml',
    baseline: 'bare Payload REST find, 50 newest (depth 1)',
  },
  {
    name: 'plugin public page /berita, 12 cards (next start)',
    server: 'next',
    path: '/berita',
    baseline: 'bare Payload REST find, 12 newest (depth 1)',
  },
]

function seedSql(table: 'submissions' | 'news') {
  return table === 'submissions'
    ? `insert into submissions (title, activity_date, location, caption, narrative, status, register_number, submitted_at, due_at, slug, published_at, status_changed_at, created_by_id, updated_at, created_at)
       select 'Kegiatan ' || g, now() - (g || ' minutes')::interval, 'Nanga Bulik', 'Caption kegiatan ' || g, $4::jsonb, 'published',
              lpad(g::text, 6, '0') || '/REG-MEDSOS/XI/2026', now() - (g || ' minutes')::interval, now(), 'kegiatan-' || g,
              now() - (g || ' minutes')::interval, now(), $1, now(), now()
       from generate_series($2::int, $3::int - 1) g`
    : `insert into news (title, slug, activity_date, location, caption, narrative, register_number, published_at, updated_at, created_at)
       select 'Kegiatan ' || g, 'kegiatan-' || g, now() - (g || ' minutes')::interval, 'Nanga Bulik', 'Caption kegiatan ' || g, $4::jsonb,
              lpad(g::text, 6, '0') || '/REG-MEDSOS/XI/2026', now() - (g || ' minutes')::interval, now(), now()
       from generate_series($2::int, $3::int - 1) g where $1::int is not null`
}

async function grow(
  uri: string,
  table: 'submissions' | 'news',
  owner: number,
  photos: number[],
  from: number,
  to: number,
) {
  const sql = new pg.Client({ connectionString: uri })
  await sql.connect()
  const narrative = JSON.stringify(
    plainRichText(
      'Bupati Lamandau meninjau kegiatan di Nanga Bulik bersama perangkat daerah dan warga. '.repeat(
        4,
      ),
    ),
  )
  const before = Number(
    (await sql.query(`select coalesce(max(id), 0) as m from ${table}`)).rows[0].m,
  )
  await sql.query(seedSql(table), [owner, from, to, narrative])
  await sql.query(
    `insert into ${table}_rels ("order", parent_id, path, media_id)
     select k, t.id, 'photos', ($2::int[])[k] from ${table} t, generate_series(1, 4) k where t.id > $1`,
    [before, photos],
  )
  // Settled before measuring: no autovacuum of the fresh rows during a run, visibility map set.
  // (One statement per query: VACUUM refuses to run in the implicit transaction of several.)
  for (const q of [`vacuum analyze ${table}`, `vacuum analyze ${table}_rels`]) await sql.query(q)
  // CHECKPOINT needs a superuser (the embedded server's); with another DATABASE_URI it is skipped.
  await sql.query('checkpoint').catch(() => undefined)
  await sql.end()
}

async function load(url: string, seconds: number) {
  const r = await autocannon({ url, connections: 10, duration: seconds, pipelining: 1 })
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    total: r.requests.total,
  }
}

export async function publicReadBench(
  database: (name: string) => Promise<string>,
  tmp: string,
  seconds: number,
) {
  const pluginUri = await database('bench_public_plugin')
  const bareUri = await database('bench_public_bare')
  // Schemas (pushed) and four real photos on each side.
  const plugin = await getPayload({
    config: appConfig({
      databaseUri: pluginUri,
      secret: 'bench',
      plugin: { mediaDir: path.join(tmp, 'public-plugin') },
      poolMax: 5,
      logLevel: 'fatal',
    }),
    key: 'public-plugin',
  })
  const bare = await getPayload({
    config: bareConfig(bareUri, path.join(tmp, 'public-bare'), 5),
    key: 'public-bare',
  })
  const owner = await plugin.create({
    collection: 'users',
    data: {
      email: 'pelaksana@public.bench',
      password: 'bench-password',
      name: 'Tim Pelaksana',
      roles: ['tim-pelaksana'],
    } as never,
    overrideAccess: true,
  })
  const files = await Promise.all(
    [0, 1, 2, 3].map((i) => makeJpeg(`foto ${i}`, i * 60, 1600, 1200)),
  )
  const upload = (p: typeof plugin, data: Buffer, i: number, user?: unknown) =>
    p.create({
      collection: 'media',
      data: { alt: `Foto kegiatan ${i}` } as never,
      file: { data, mimetype: 'image/jpeg', name: `kegiatan-${i}.jpg`, size: data.length },
      ...(user ? { user, overrideAccess: false } : {}),
    } as never)
  const pluginPhotos = [] as number[]
  const barePhotos = [] as number[]
  for (const [i, f] of files.entries()) {
    pluginPhotos.push((await upload(plugin, f, i, { ...owner, collection: 'users' })).id as number)
    barePhotos.push((await upload(bare, f, i)).id as number)
  }
  {
    const sql = new pg.Client({ connectionString: pluginUri })
    await sql.connect()
    await sql.query('update media set is_public = true') // as publication does
    await sql.end()
  }

  // The production build (several minutes on 2 cores; BENCH_NEXT_BUILD=skip reuses the last one).
  // (S3_BUCKET and SMTP_HOST emptied: local files and console email whatever the shell exports.)
  const serverEnv: Record<string, string> = {
    NODE_ENV: 'production',
    NEXT_DIST_DIR: DIST,
    PAYLOAD_SECRET: 'bench',
    SOP_MEDSOS_CREDENTIALS_KEY: CREDENTIALS_KEY,
    SEED_DEMO: 'false',
    FAKE_PLATFORMS: 'false',
    JOBS_AUTORUN: 'false',
    NEXT_TELEMETRY_DISABLED: '1',
    PAYLOAD_FORCE_DRIZZLE_PUSH: 'false',
    S3_BUCKET: '',
    SMTP_HOST: '',
  }
  let buildSeconds = 'skipped (BENCH_NEXT_BUILD=skip)'
  if (
    process.env.BENCH_NEXT_BUILD !== 'skip' ||
    !fs.existsSync(path.join(ROOT, 'dev', DIST, 'BUILD_ID'))
  ) {
    const t = performance.now()
    execFileSync('node', ['node_modules/next/dist/bin/next', 'build', 'dev', '--webpack'], {
      cwd: ROOT,
      env: { ...process.env, ...serverEnv, DATABASE_URI: pluginUri } as NodeJS.ProcessEnv,
      stdio: ['ignore', 'ignore', 'inherit'],
    })
    buildSeconds = `${((performance.now() - t) / 1000).toFixed(0)} s`
  }

  const ports = { bare: await freePort(), host: await freePort(), next: await freePort() }
  const host = (config: 'bare' | 'plugin', databaseUri: string, port: number, waitPath: string) =>
    startServer({
      command: 'node',
      args: ['--import', 'tsx', 'bench/restHost.ts'],
      port,
      env: {
        ...serverEnv,
        HOST_CONFIG: config,
        DATABASE_URI: databaseUri,
        PORT: String(port),
        MEDIA_DIR: path.join(tmp, `public-${config}`),
      },
      waitPath,
      timeoutMs: 180_000,
    })
  const servers: DevServer[] = []
  const results: Record<number, Record<string, Awaited<ReturnType<typeof load>>>> = {}
  try {
    servers.push(await host('bare', bareUri, ports.bare, '/api/news?limit=1'))
    servers.push(await host('plugin', pluginUri, ports.host, '/api/submissions?limit=1'))
    servers.push(
      await startServer({
        command: 'node',
        args: [
          'node_modules/next/dist/bin/next',
          'start',
          'dev',
          '-p',
          String(ports.next),
          '-H',
          '127.0.0.1',
        ],
        port: ports.next,
        env: { ...serverEnv, DATABASE_URI: pluginUri, MEDIA_DIR: path.join(tmp, 'public-plugin') },
        waitPath: '/api/news/rss.xml',
        timeoutMs: 180_000,
      }),
    )
    let have = 0
    for (const size of [10_000, 100_000]) {
      await grow(pluginUri, 'submissions', owner.id as number, pluginPhotos, have, size)
      await grow(bareUri, 'news', owner.id as number, barePhotos, have, size)
      have = size
      results[size] = {}
      for (const t of TARGETS) {
        const url = `http://127.0.0.1:${ports[t.server]}${t.path}`
        const check = await fetch(url)
        const body = await check.text()
        if (check.status !== 200)
          throw new Error(`${t.name}: ${check.status} ${body.slice(0, 300)}`)
        if (
          t.server !== 'bare' &&
          t.path.startsWith('/api/submissions') &&
          JSON.parse(body).totalDocs !== size
        )
          throw new Error(`${t.name}: totalDocs ${JSON.parse(body).totalDocs}, expected ${size}`)
        await load(url, 3) // warm-up
        results[size]![t.name] = await load(url, seconds)
      }
    }
  } finally {
    for (const s of servers) await s.stop()
  }

  console.log(
    `\n### 2. Public read path under load: autocannon, 10 connections, ${seconds} s per target after a 3 s warm-up\n`,
  )
  console.log(
    `Production build: \`next build --webpack\` (${buildSeconds}), \`next start\`, NODE_ENV=production. Load generator, server and PostgreSQL share the same ${os.cpus().length} cores.\n`,
  )
  for (const size of Object.keys(results).map(Number)) {
    console.log(
      `\n#### ${size.toLocaleString('en')} published submissions\n\n| target | req/s | p50 | p99 | non-2xx / errors | req/s ratio to its bare baseline |\n|---|---|---|---|---|---|`,
    )
    for (const t of TARGETS) {
      const r = results[size]![t.name]!
      const base = t.baseline ? results[size]![t.baseline]! : null
      console.log(
        `| ${t.name} | ${r.rps.toFixed(0)} | ${r.p50} ms | ${r.p99} ms | ${r.non2xx} / ${r.errors} | ${base ? `${(r.rps / base.rps).toFixed(2)}×` : '(baseline)'} |`,
      )
    }
  }
}
