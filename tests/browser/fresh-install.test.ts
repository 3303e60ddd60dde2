/**
 * A fresh install as a user meets it: `npm run dev` on an empty database (the app pushes
 * the schema and seeds the demo itself), a new build directory and an empty media
 * folder, then the admin first and the public pages second, in chromium.
 *
 * Issue 13 ("found beside it"): on webpack, compiling /berita after /admin swapped the
 * shared server runtime under the admin's render, `uncaughtException: TypeError: Cannot
 * read properties of undefined (reading 'call')`, and /berita never answered.
 * No timing asserts: each wait is bounded and generous.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD, DEMO_USERS } from '../../dev/seed.js'
import { createDatabase } from '../helpers/app.js'
import {
  CHROMIUM,
  CHROMIUM_ARGS,
  ROOT,
  freePort,
  startDevServer,
  type DevServer,
} from './devServer.js'

const DIST = '.next-test-fresh'
// Seeded published on the first start (src/dev/seed.ts).
const SEEDED_NEWS = 'Pelantikan pengurus PPID pembantu'
const CRASH = /uncaughtException|unhandledRejection|reading 'call'/

let server: DevServer
let browser: Browser

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(
      `${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium); .ci/run does`,
    )
  fs.rmSync(path.join(ROOT, 'dev', DIST), { recursive: true, force: true })
  const databaseUri = await createDatabase('fresh') // empty: no schema, no users
  const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sop-media-fresh-'))
  server = await startDevServer({
    databaseUri,
    distDir: DIST,
    // The first request the server gets is the admin's (it also pushes the schema and seeds).
    waitPath: '/admin/login',
    env: {
      MEDIA_DIR: mediaDir,
      SEED_DEMO: 'true',
      FAKE_PLATFORMS: 'true',
      FAKE_PLATFORMS_PORT: String(await freePort()),
    },
    timeoutMs: 600_000,
  })
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS })
}, 900_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('a fresh install: the admin first, the public pages second', () => {
  it('the admin renders and the seeded admin signs in', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const res = await page.goto(`${server.base}/admin`, { timeout: 300_000 })
    expect(res!.status()).toBe(200)
    // Payload sends the signed-out visitor on to the login form.
    await page.waitForURL((u) => u.pathname === '/admin/login', { timeout: 300_000 })
    await page.fill('input[name="email"]', DEMO_USERS[0].email, { timeout: 120_000 })
    await page.fill('input[name="password"]', DEMO_PASSWORD)
    await page.click('button[type="submit"]', { timeout: 300_000 })
    await page.waitForURL((u) => !u.pathname.endsWith('/login'), { timeout: 300_000 })
    await expect
      .poll(() => page.locator('a[href$="/admin/collections/submissions"]').count(), {
        timeout: 300_000,
      })
      .toBeGreaterThan(0)
    await context.close()
  }, 900_000)

  it('then /berita renders the seeded news, and its detail page too', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const res = await page.goto(`${server.base}/berita`, { timeout: 300_000 })
    expect(res!.status()).toBe(200)
    expect(await page.locator('.card h2').allTextContents()).toEqual([SEEDED_NEWS])
    const href = await page.locator('.card h2 a').first().getAttribute('href')
    expect(href).toMatch(/^\/berita\/[^/]+$/)
    const detail = await page.goto(`${server.base}${href}`, { timeout: 300_000 })
    expect(detail!.status()).toBe(200)
    expect(await page.locator('h1').textContent()).toBe(SEEDED_NEWS)
    await context.close()
  }, 900_000)

  it('the admin still answers after the public pages were compiled', async () => {
    const res = await fetch(`${server.base}/admin/login`, { signal: AbortSignal.timeout(300_000) })
    expect(res.status).toBe(200)
  }, 400_000)

  it('the server wrote no uncaught exception', () => {
    expect(
      server
        .log()
        .split('\n')
        .filter((line) => CRASH.test(line)),
    ).toEqual([])
  })
})
