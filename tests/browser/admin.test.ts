/**
 * The admin as each role's workbench, in Debian chromium against `npm run dev`: the SOP
 * flow from a new draft to approval purely through the UI (tests/browser/adminFlow.ts),
 * the buttons each role sees at each step, and what it left in the database.
 * Screenshots of the dashboards and edit views go to tests/artifacts/admin-*.png.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeJpeg } from '../../dev/demoImages.js'
import { createTestApp, type TestApp } from '../helpers/app.js'
import { createPeople, PASSWORD, type ActorName, type Person } from '../helpers/fixtures.js'
import { ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, startDevServer, type DevServer } from './devServer.js'
import { runAdminFlow, type FlowResult, type FlowRole } from './adminFlow.js'

const ROLES: FlowRole[] = [
  'tim-pelaksana',
  'tim-pertimbangan',
  'ketua-ppid',
  'atasan-ppid',
  'admin-medsos',
]
let app: TestApp
let people: Record<ActorName, Person>
let server: DevServer
let browser: Browser
let photos: string[]

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(
      `${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium); .ci/run does`,
    )
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  app = await createTestApp('adminui', { news: { agencyName: 'PPID Kabupaten Lamandau' } })
  people = await createPeople(app, ROLES)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sop-admin-photos-'))
  photos = []
  for (let i = 0; i < 4; i++) {
    const file = path.join(dir, `kegiatan-${i + 1}.jpg`)
    fs.writeFileSync(file, await makeJpeg(`kegiatan${i}`, i * 70, 800, 600))
    photos.push(file)
  }
  const staticDir = (app.payload.collections.media!.config.upload as { staticDir: string })
    .staticDir
  server = await startDevServer({
    databaseUri: app.databaseUri,
    distDir: '.next-test-admin',
    waitPath: '/admin/login',
    env: { MEDIA_DIR: staticDir, FAKE_PLATFORMS: 'false', JOBS_AUTORUN: 'false' },
  })
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS })
}, 300_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('the admin workbench in chromium', () => {
  let result: FlowResult

  it('takes a submission from a new draft to approval through the UI, role after role', async () => {
    const users = Object.fromEntries(
      ROLES.map((r) => [r, { email: people[r].email, password: PASSWORD }]),
    ) as Parameters<typeof runAdminFlow>[0]['users']
    result = await runAdminFlow({
      browser,
      base: server.base,
      users,
      photos,
      artifacts: ARTIFACTS,
      title: 'Rapat koordinasi percepatan penurunan stunting',
    })
    expect(result.errors).toEqual([])
  }, 900_000)

  it('showed each role exactly the buttons the state table allows at each step', () => {
    expect(result.buttons).toEqual({
      'draft/tim-pelaksana': ['submit'],
      'submitted/tim-pelaksana': [],
      'submitted/tim-pertimbangan': ['accept', 'reject'],
      'returned/tim-pelaksana': ['submit'],
      'accepted/tim-pertimbangan': [],
      'accepted/ketua-ppid': ['return', 'verify'],
      'verified/ketua-ppid': [],
      'verified/atasan-ppid': ['approve', 'decline', 'return'],
      'approved/admin-medsos': ['publish'],
    })
  })

  it('left the record the SOP asks for: reviews with the written response, the correction, one register number', async () => {
    const id = Number(result.id)
    const s = await app.payload.findByID({
      collection: 'submissions',
      id,
      overrideAccess: true,
      depth: 0,
    })
    expect(s.status).toBe('approved')
    expect(s.title).toBe('Rapat koordinasi percepatan penurunan stunting (dikoreksi)')
    expect((s.photos as unknown[]).length).toBe(4)
    const reviews = (
      await app.payload.find({
        collection: 'reviews',
        where: { submission: { equals: id } },
        sort: 'createdAt',
        overrideAccess: true,
        pagination: false,
      })
    ).docs as any[]
    expect(reviews.map((r) => r.action)).toEqual([
      'submit',
      'reject',
      'submit',
      'accept',
      'verify',
      'approve',
    ])
    expect(reviews[1].note).toBe('Foto nomor 2 buram; mohon ganti dan lengkapi nama narasumber.')
    expect(reviews[4].corrections).toMatchObject([
      {
        field: 'title',
        before: 'Rapat koordinasi percepatan penurunan stunting',
        after: 'Rapat koordinasi percepatan penurunan stunting (dikoreksi)',
      },
    ])
    expect(reviews[4].corrections[0].editors).toHaveLength(1)
    const register = await app.payload.find({
      collection: 'register',
      where: { submission: { equals: id } },
      overrideAccess: true,
    })
    expect(register.docs.map((r: any) => r.kind)).toEqual(['documentation'])
    // The refused hand-in (no photos) and the refused publish (no account) wrote nothing.
    expect(reviews.filter((r) => r.action === 'publish')).toHaveLength(0)
    for (const name of [
      'dashboard-tim-pertimbangan',
      'edit-verified-with-correction',
      'edit-approved-admin-medsos',
    ]) {
      expect(fs.statSync(path.join(ARTIFACTS, `admin-${name}.png`)).size).toBeGreaterThan(10_000)
    }
  })
})
