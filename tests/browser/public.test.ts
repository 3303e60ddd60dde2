/**
 * The public pages in a real browser (Debian chromium via playwright-core), against the
 * app started as a user starts it (`npm run dev`), on a database this file fills.
 * Screenshots at 360 px go to tests/artifacts/ for a person to look at.
 */
import fs from 'node:fs'
import path from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WORKFLOW_CONTEXT } from '../../src/context.js'
import { createTestApp, type TestApp } from '../helpers/app.js'
import {
  createPeople,
  createPhotos,
  createSubmissionIn,
  richText,
  type Person,
} from '../helpers/fixtures.js'
import { ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, startDevServer, type DevServer } from './devServer.js'

const HOSTILE_TITLE = '<script>window.__xss=1</script>Rapat <b>evaluasi</b>'
const HOSTILE_CAPTION = '<img src=x onerror="window.__xss=2"> javascript:window.__xss=3'

let app: TestApp
let owner: Person
let server: DevServer
let base: string
let browser: Browser
const items: { slug: string; title: string }[] = []
let unpublishedId: number

async function publishNew(title: string, extra: Record<string, unknown> = {}) {
  const photos = await createPhotos(app.payload, owner, 4, `b${items.length}`)
  const doc = await createSubmissionIn(app.payload, owner, 'approved', photos, {
    title,
    registerNumber: `00${items.length + 1}/REG-MEDSOS/XI/2026`,
    narrative: richText(`Narasi lengkap untuk ${title}.`),
    ...extra,
  })
  const now = new Date(Date.now() + items.length * 1000).toISOString()
  const done = await app.payload.update({
    collection: 'submissions',
    id: doc.id,
    data: { status: 'published', publishedAt: now, statusChangedAt: now } as never,
    overrideAccess: true,
    context: { [WORKFLOW_CONTEXT]: true },
  })
  items.push({ slug: done.slug as string, title })
}

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(
      `${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium); .ci/run does`,
    )
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  app = await createTestApp('browser', { news: { agencyName: 'PPID Kabupaten Lamandau' } })
  owner = (await createPeople(app, ['tim-pelaksana']))['tim-pelaksana']
  await publishNew('Peresmian jembatan Desa Kujan')
  await publishNew('Festival budaya Babukung 2026', { location: 'Nanga Bulik' })
  await publishNew(HOSTILE_TITLE, { caption: HOSTILE_CAPTION })
  const photos = await createPhotos(app.payload, owner, 4, 'hidden')
  unpublishedId = (
    await createSubmissionIn(app.payload, owner, 'approved', photos, {
      title: 'Rahasia belum terbit',
    })
  ).id as number

  const staticDir = (app.payload.collections.media!.config.upload as { staticDir: string })
    .staticDir
  server = await startDevServer({
    databaseUri: app.databaseUri,
    distDir: '.next-test-public',
    waitPath: '/berita',
    env: { MEDIA_DIR: staticDir, FAKE_PLATFORMS: 'false' },
  })
  base = server.base
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS })
}, 300_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

async function newPage(width = 1280, javaScriptEnabled = true) {
  const context = await browser.newContext({ viewport: { width, height: 800 }, javaScriptEnabled })
  // A route's first visit compiles it (`next dev`): bounded, generous, for a busy machine.
  context.setDefaultNavigationTimeout(300_000)
  const page = await context.newPage()
  const dialogs: string[] = []
  page.on('dialog', async (d) => {
    dialogs.push(d.message())
    await d.dismiss()
  })
  return { page, context, dialogs }
}

describe('public pages in chromium', { timeout: 400_000 }, () => {
  it('the list shows every published item as a card, and nothing unpublished', async () => {
    const { page, context } = await newPage()
    const res = await page.goto(`${base}/berita`)
    expect(res!.status()).toBe(200)
    expect(await page.locator('html').getAttribute('lang')).toBe('id')
    const titles = await page.locator('.card h2').allTextContents()
    expect([...titles].sort()).toEqual(items.map((i) => i.title).sort())
    expect(titles[0]).toBe(HOSTILE_TITLE) // newest first
    expect(await page.content()).not.toContain('Rahasia belum terbit')
    const images = page.locator('.card img')
    expect(await images.count()).toBe(items.length)
    for (const img of await images.all()) {
      await img.scrollIntoViewIfNeeded()
      await expect
        .poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0), {
          timeout: 60_000,
        })
        .toBe(true)
    }
    const alternates = await page
      .locator('link[rel="alternate"]')
      .evaluateAll((els) => els.map((e) => [e.getAttribute('type'), e.getAttribute('href')]))
    expect(alternates).toEqual([
      ['application/rss+xml', `${base}/api/news/rss.xml`],
      ['application/atom+xml', `${base}/api/news/atom.xml`],
      ['application/feed+json', `${base}/api/news/feed.json`],
    ])
    await context.close()
  })

  it('the detail shows all photos with alt texts, the narrative, the facts and share tags', async () => {
    const { page, context } = await newPage()
    const item = items[1]!
    const res = await page.goto(`${base}/berita/${item.slug}`)
    expect(res!.status()).toBe(200)
    expect(await page.locator('h1').textContent()).toBe(item.title)
    const gallery = page.locator('.gallery img')
    expect(await gallery.count()).toBe(4)
    expect(await gallery.evaluateAll((els) => els.map((e) => e.getAttribute('alt')))).toEqual([
      'photo 0',
      'photo 1',
      'photo 2',
      'photo 3',
    ])
    for (const img of await gallery.all()) {
      await img.scrollIntoViewIfNeeded()
      await expect
        .poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0), {
          timeout: 60_000,
        })
        .toBe(true)
    }
    expect(await page.locator('.narrative').textContent()).toContain(
      `Narasi lengkap untuk ${item.title}.`,
    )
    const facts = await page.locator('.facts').textContent()
    expect(facts).toContain('Nanga Bulik')
    expect(facts).toContain('002/REG-MEDSOS/XI/2026')
    const meta = (sel: string) => page.locator(sel).getAttribute('content')
    expect(await meta('meta[property="og:title"]')).toBe(item.title)
    expect(await meta('meta[property="og:description"]')).toBe(
      'Bupati meninjau jembatan Desa Kujan 🌉',
    )
    expect(await meta('meta[property="og:image"]')).toMatch(
      new RegExp(`^${base}/api/media/file/.+\\.jpg$`),
    )
    expect(await meta('meta[property="og:url"]')).toBe(`${base}/berita/${item.slug}`)
    expect(await meta('meta[name="twitter:card"]')).toBe('summary_large_image')
    const ogImage = await fetch((await meta('meta[property="og:image"]'))!)
    expect(ogImage.status).toBe(200)
    await context.close()
  })

  it('hostile text is shown as text and never runs', async () => {
    const { page, context, dialogs } = await newPage()
    const item = items[2]!
    await page.goto(`${base}/berita/${item.slug}`)
    expect(await page.locator('h1').textContent()).toBe(HOSTILE_TITLE)
    expect(await page.locator('.caption').textContent()).toBe(HOSTILE_CAPTION)
    expect(await page.locator('article script, article [onerror], article b').count()).toBe(0)
    await page.goto(`${base}/berita`)
    expect(await page.locator('.card p').allTextContents()).toContain(HOSTILE_CAPTION)
    expect(
      await page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
    ).toBeUndefined()
    expect(dialogs).toEqual([])
    await context.close()
  })

  it('anything unpublished is a 404, by slug or by id', async () => {
    const { page, context } = await newPage()
    for (const probe of [
      'rahasia-belum-terbit',
      String(unpublishedId),
      'tidak-ada',
      '..%2F..%2Fapi%2Fusers',
    ]) {
      const res = await page.goto(`${base}/berita/${probe}`)
      expect(res!.status(), probe).toBe(404)
      expect(await page.content()).not.toContain('Rahasia belum terbit')
    }
    await context.close()
  })

  it('is readable without JavaScript', async () => {
    const { page, context } = await newPage(1280, false)
    await page.goto(`${base}/berita`)
    expect(await page.locator('.card h2').count()).toBe(items.length)
    await page.goto(`${base}/berita/${items[0]!.slug}`)
    expect(await page.locator('.gallery img').count()).toBe(4)
    expect(await page.locator('.narrative').textContent()).toContain('Narasi lengkap')
    await context.close()
  })

  it('fits a 360 px phone (no sideways scrolling); screenshots saved', async () => {
    const { page, context } = await newPage(360)
    for (const [name, url] of [
      ['berita-list-360.png', `${base}/berita`],
      ['berita-detail-360.png', `${base}/berita/${items[1]!.slug}`],
      ['berita-hostile-360.png', `${base}/berita/${items[2]!.slug}`],
    ] as const) {
      await page.goto(url)
      await page.waitForLoadState('load')
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth),
        name,
      ).toBeLessThanOrEqual(360)
      await page.screenshot({ path: path.join(ARTIFACTS, name), fullPage: true })
      expect(fs.statSync(path.join(ARTIFACTS, name)).size).toBeGreaterThan(5000)
    }
    await context.close()
  })
})
