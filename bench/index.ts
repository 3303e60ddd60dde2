/**
 * `npm run bench`: the plugin's own cost, measured against bare Payload on the same
 * PostgreSQL server in the same run. Prints markdown tables (median, p95, ratio).
 * Never part of `npm test`. Options: BENCH_RUNS (default 15).
 *
 * 1. Workflow: draft with 4 photos, submit, accept, verify, approve — through the
 *    plugin (real hooks, locks, register) vs bare Payload writing the same documents
 *    (4 uploads, 1 submission, 4 reviews, 4 status updates, 1 register row) without hooks.
 * 2. Public read path (bench/public.ts): autocannon against `next build` + `next start`
 *    at 10k and 100k published submissions vs bare Payload's REST find
 *    (BENCH_PUBLIC_SECONDS per target, default 10; BENCH_NEXT_BUILD=skip reuses the build).
 * 3. Photos: four 12-megapixel JPEGs through the plugin's upload (decode, EXIF strip,
 *    hash, sizes) vs sharp alone doing the same decode and resizes.
 * 4. Growth (bench/growth.ts): queue, register, feed and list queries at 1k/10k/100k
 *    submissions, with EXPLAIN.
 * 5. Concurrency (bench/staff.ts): 50 simulated staff for BENCH_STAFF_SECONDS (default 60).
 * BENCH_ONLY=1,2,3,4,5 picks some.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import pg from 'pg'
import { buildConfig, getPayload, type Payload } from 'payload'
import sharp from 'sharp'
import { appConfig } from '../dev/appConfig.js'
import { plainRichText } from '../dev/lexical.js'
import { startChildPostgres } from '../tests/postgres.js'
import { bareConfig } from './bare.js'
import { growthBench } from './growth.js'
import { publicReadBench } from './public.js'
import { staffBench } from './staff.js'

const RUNS = Number(process.env.BENCH_RUNS ?? 15)
const ONLY = new Set((process.env.BENCH_ONLY ?? '1,2,3,4,5').split(',').map((s) => s.trim()))

async function database(admin: string, name: string): Promise<string> {
  const c = new pg.Client({ connectionString: admin })
  await c.connect()
  await c.query(`drop database if exists "${name}"`)
  await c.query(`create database "${name}"`)
  await c.end()
  const u = new URL(admin)
  u.pathname = `/${name}`
  return u.toString()
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!
}
const ms = (n: number) => `${n.toFixed(1)} ms`
async function time(fn: () => Promise<void>): Promise<number> {
  const t = performance.now()
  await fn()
  return performance.now() - t
}

function table(title: string, rows: [string, number[]][], baseline: number[]) {
  console.log(`\n### ${title}\n\n| | runs | median | p95 | ratio (median) |\n|---|---|---|---|---|`)
  for (const [name, xs] of rows) {
    console.log(
      `| ${name} | ${xs.length} | ${ms(quantile(xs, 0.5))} | ${ms(quantile(xs, 0.95))} | ${(quantile(xs, 0.5) / quantile(baseline, 0.5)).toFixed(2)}× |`,
    )
  }
}

async function jpeg(width: number, height: number, seed: number): Promise<Buffer> {
  // Noise compresses like a photo does (a flat colour would flatter every pipeline).
  const raw = Buffer.alloc(width * height * 3)
  let x = seed * 2654435761
  for (let i = 0; i < raw.length; i++) {
    x = (x * 1103515245 + 12345) >>> 0
    raw[i] = (x >>> 16) & 0xff
  }
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .blur(3)
    .withExif({
      IFD0: { Make: 'KameraDinas' },
      IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '1/1 50/1 0/1' },
    })
    .jpeg({ quality: 85 })
    .toBuffer()
}

async function main() {
  const external = process.env.DATABASE_URI
  const pgServer = external
    ? null
    : await startChildPostgres({ port: Number(process.env.BENCH_PG_PORT ?? 0) })
  const admin = external ?? pgServer!.uri
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sop-bench-'))
  process.env.PAYLOAD_FORCE_DRIZZLE_PUSH = 'true'
  console.log(
    `# SOP Medsos benchmarks\n\n${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, PostgreSQL ${external ? '(DATABASE_URI)' : '(embedded)'}, ${RUNS} runs each, ${new Date().toISOString()}`,
  )

  const plugin = await getPayload({
    config: appConfig({
      databaseUri: await database(admin, 'bench_plugin'),
      secret: 'bench',
      plugin: { mediaDir: path.join(tmp, 'plugin') },
      poolMax: 10,
      logLevel: 'fatal',
    }),
    key: 'plugin',
  })
  const bare = await getPayload({
    config: bareConfig(await database(admin, 'bench_bare'), path.join(tmp, 'bare')),
    key: 'bare',
  })
  const small = await Promise.all([0, 1, 2, 3].map((i) => jpeg(1600, 1200, i)))

  // People for the plugin's flow.
  const users: Record<string, { id: number | string }> = {}
  for (const role of ['tim-pelaksana', 'tim-pertimbangan', 'ketua-ppid', 'atasan-ppid']) {
    users[role] = await plugin.create({
      collection: 'users',
      data: {
        email: `${role}@bench.local`,
        password: 'bench-password',
        name: role,
        roles: [role],
      } as never,
      overrideAccess: true,
    })
  }
  const as = (role: string) => ({
    user: { ...users[role], collection: 'users', roles: [role] } as never,
    overrideAccess: false,
  })
  await bare.create({
    collection: 'users',
    data: { email: 'bare@bench.local', password: 'bench-password' } as never,
  })

  const uploads = (p: Payload, files: Buffer[], opts: object) =>
    Promise.all(
      files.map((data, i) =>
        p.create({
          collection: 'media',
          data: { alt: `foto ${i}` } as never,
          file: { data, mimetype: 'image/jpeg', name: `f${i}.jpg`, size: data.length },
          ...opts,
        } as never),
      ),
    )

  const content = (photos: (number | string)[]) => ({
    title: 'Kunjungan kerja',
    activityDate: new Date().toISOString(),
    narrative: plainRichText('Narasi kegiatan.'),
    caption: 'Caption kegiatan',
    photos,
  })

  const pluginCycle = async () => {
    const photos = (await uploads(plugin, small, as('tim-pelaksana'))).map((m) => m.id)
    const s = await plugin.create({
      collection: 'submissions',
      data: content(photos) as never,
      ...as('tim-pelaksana'),
    } as never)
    for (const [role, action] of [
      ['tim-pelaksana', 'submit'],
      ['tim-pertimbangan', 'accept'],
      ['ketua-ppid', 'verify'],
      ['atasan-ppid', 'approve'],
    ] as const) {
      await plugin.create({
        collection: 'reviews',
        data: { submission: s.id, action } as never,
        ...as(role),
      } as never)
    }
  }
  const bareCycle = async () => {
    const photos = (await uploads(bare, small, {})).map((m) => m.id)
    const s = await bare.create({
      collection: 'submissions',
      data: { ...content(photos), status: 'draft' } as never,
    })
    for (const [action, status] of [
      ['submit', 'submitted'],
      ['accept', 'accepted'],
      ['verify', 'verified'],
      ['approve', 'approved'],
    ] as const) {
      await bare.create({ collection: 'reviews', data: { submission: s.id, action } as never })
      await bare.update({ collection: 'submissions', id: s.id, data: { status } as never })
      if (action === 'submit')
        await bare.create({
          collection: 'register',
          data: { submission: s.id, number: `n${s.id}`, hash: 'x' } as never,
        })
    }
  }
  if (ONLY.has('1')) {
    await pluginCycle()
    await bareCycle() // warm-up
    const pluginTimes: number[] = []
    const bareTimes: number[] = []
    for (let i = 0; i < RUNS; i++) {
      bareTimes.push(await time(bareCycle))
      pluginTimes.push(await time(pluginCycle))
    }
    table(
      '1. Workflow: draft with 4 photos (1600×1200) → submit → accept → verify → approve',
      [
        ['bare Payload (same documents, no hooks)', bareTimes],
        ['with the plugin', pluginTimes],
      ],
      bareTimes,
    )
  }

  if (ONLY.has('2'))
    await publicReadBench(
      (name) => database(admin, name),
      tmp,
      Number(process.env.BENCH_PUBLIC_SECONDS ?? 10),
    )

  // 3. Photo pipeline: four 12-megapixel JPEGs.
  if (ONLY.has('3')) {
    const big = await Promise.all([0, 1, 2, 3].map((i) => jpeg(4000, 3000, 10 + i)))
    const sharpOnly = async () => {
      await Promise.all(
        big.map(async (b) => {
          const decoded = await sharp(b).rotate().jpeg({ quality: 90 }).toBuffer()
          await sharp(decoded)
            .resize(400, 300, { position: 'centre' })
            .jpeg({ quality: 80 })
            .toBuffer()
          await sharp(decoded)
            .resize({ width: 1600, withoutEnlargement: true })
            .jpeg({ quality: 82 })
            .toBuffer()
        }),
      )
    }
    const viaPlugin = async () => {
      await uploads(plugin, big, as('tim-pelaksana'))
    }
    await sharpOnly()
    const sharpTimes: number[] = []
    const uploadTimes: number[] = []
    const photoRuns = Math.max(3, Math.round(RUNS / 3))
    for (let i = 0; i < photoRuns; i++) {
      sharpTimes.push(await time(sharpOnly))
      uploadTimes.push(await time(viaPlugin))
    }
    table(
      '3. Photos: four 12-megapixel JPEGs (EXIF with GPS) → stored original without EXIF + thumbnail + large',
      [
        ['sharp alone (decode, re-encode, 2 resizes)', sharpTimes],
        ['upload through the plugin (Local API)', uploadTimes],
      ],
      sharpTimes,
    )
  }

  if (ONLY.has('4')) {
    const uri = await database(admin, 'bench_growth')
    const growth = await getPayload({
      config: appConfig({
        databaseUri: uri,
        secret: 'bench',
        plugin: { mediaDir: path.join(tmp, 'growth') },
        poolMax: 10,
        logLevel: 'fatal',
      }),
      key: 'growth',
    })
    const people: Record<string, { id: number | string }> = {}
    for (const role of ['tim-pelaksana', 'tim-pertimbangan', 'ketua-ppid']) {
      people[role] = await growth.create({
        collection: 'users',
        data: {
          email: `${role}@growth.bench`,
          password: 'bench-password',
          name: role,
          roles: [role],
        } as never,
        overrideAccess: true,
      })
    }
    await growthBench(growth, uri, people, Math.max(10, RUNS))
  }
  if (ONLY.has('5')) {
    const uri = await database(admin, 'bench_staff')
    const staff = await getPayload({
      config: appConfig({
        databaseUri: uri,
        secret: 'bench',
        plugin: { mediaDir: path.join(tmp, 'staff') },
        poolMax: 30,
        logLevel: 'fatal',
      }),
      key: 'staff',
    })
    await staffBench(
      staff,
      uri,
      await Promise.all([0, 1, 2, 3].map((i) => jpeg(640, 480, 40 + i))),
      Number(process.env.BENCH_STAFF_SECONDS ?? 60),
    )
  }
  fs.rmSync(tmp, { recursive: true, force: true })
  // pgServer (if started) stops by itself when this process, its parent, exits.
  process.exit(0)
}

await main()
