/**
 * The SOP flow through the admin UI only, one role after another, as the agency's staff
 * would click it: a new draft with 4 photos (bulk upload), a refused hand-in (too few
 * photos), a rejection with a written response, a resubmission, the PPID head's
 * correction, approval; the buttons each role sees at each step; screenshots.
 * Used by tests/browser/admin.test.ts (and runnable against any dev server).
 */
import assert from 'node:assert/strict'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'

export type FlowRole =
  'tim-pelaksana' | 'tim-pertimbangan' | 'ketua-ppid' | 'atasan-ppid' | 'admin-medsos'
export type FlowUsers = Record<FlowRole, { email: string; password: string }>

export interface FlowOptions {
  browser: Browser
  base: string
  users: FlowUsers
  photos: string[]
  artifacts: string
  title: string
  /** Whether the app has enabled social accounts (the test app has none: `publish` is refused). */
  hasAccounts?: boolean
}

export interface FlowResult {
  id: string
  buttons: Record<string, string[]>
  errors: string[]
}

const pageErrors: string[] = []
const sessions = new Map<string, { page: Page; context: BrowserContext }>()

/** Logs a role in once per flow; later turns of the same role reuse its session (as a person keeps a tab open). */
async function login(
  o: FlowOptions,
  role: FlowRole,
): Promise<{ page: Page; context: BrowserContext }> {
  const key = `${o.base}|${role}`
  const open = sessions.get(key)
  if (open) {
    await open.page.goto(`${o.base}/admin`)
    return open
  }
  const session = await newSession(o, role)
  sessions.set(key, session)
  return session
}

async function closeSessions(o: FlowOptions) {
  for (const [key, session] of sessions) {
    if (!key.startsWith(`${o.base}|`)) continue
    await session.context.close()
    sessions.delete(key)
  }
}

async function newSession(
  o: FlowOptions,
  role: FlowRole,
): Promise<{ page: Page; context: BrowserContext }> {
  // The browser asks for English: the admin must still open in Indonesian.
  const context = await o.browser.newContext({
    locale: 'en-US',
    timezoneId: 'Asia/Jakarta',
    viewport: { width: 1280, height: 900 },
  })
  const page = await context.newPage()
  page.setDefaultTimeout(120_000)
  page.on('pageerror', (e) => pageErrors.push(`${role}: ${String(e)}`))
  await page.goto(`${o.base}/admin/login`)
  await page.fill('input[name="email"]', o.users[role].email)
  await page.fill('input[name="password"]', o.users[role].password)
  await page.click('button[type="submit"]')
  await page.waitForURL((u) => !u.pathname.endsWith('/login'))
  return { page, context }
}

async function openSubmission(page: Page, o: FlowOptions, id: string, status: string) {
  await page.goto(`${o.base}/admin/collections/submissions/${id}`)
  await page.waitForSelector(`.sop-workbench[data-status="${status}"]`)
}

const buttonsOf = async (page: Page) =>
  (
    await page
      .locator('[data-action-button]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-action-button') ?? ''))
  ).sort()

async function act(page: Page, action: string, next: string, note?: string) {
  const button = page.locator(`[data-action-button="${action}"]`)
  // Decisions open a form for the written response (the button says so); others send at once.
  const opensForm = (await button.getAttribute('data-opens-form')) === 'true'
  await button.click()
  if (opensForm) {
    if (note !== undefined) await page.fill(`textarea[name="note-${action}"]`, note)
    await page.click(`[data-send="${action}"]`)
  }
  await page.waitForSelector(
    next
      .split('|')
      .map((s) => `.sop-workbench[data-status="${s}"]`)
      .join(', '),
  )
}

async function save(page: Page) {
  await page.click('#action-save')
  // Saved when the form is no longer modified: the action buttons are enabled again.
  await page.waitForSelector('[data-action-button]:not([disabled]), .sop-no-actions')
}

export async function runAdminFlow(o: FlowOptions): Promise<FlowResult> {
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: path.join(o.artifacts, `admin-${name}.png`), fullPage: true })
  const buttons: Record<string, string[]> = {}
  const errors = pageErrors
  errors.length = 0

  // ---- Tim Pelaksana: a new draft, too few photos, then 4 photos by bulk upload.
  let { page } = await login(o, 'tim-pelaksana')
  assert.equal(await page.locator('html').getAttribute('lang'), 'id')
  await page.waitForSelector('.sop-queue')
  await shot(page, 'dashboard-tim-pelaksana')
  await page.goto(`${o.base}/admin/collections/submissions/create`)
  await page.waitForSelector('#field-title')
  await page.fill('#field-title', o.title)
  await page.fill('#field-location', 'Aula Kantor Bupati Lamandau, Nanga Bulik')
  await page.locator('[data-field-path="narrative"] [contenteditable="true"]').click()
  await page.keyboard.type(
    'Pemerintah Kabupaten Lamandau menggelar rapat koordinasi percepatan penurunan stunting bersama seluruh camat.',
  )
  // The caption counter counts as the server does (an emoji is one character).
  await page.fill('#field-caption', 'x'.repeat(205))
  await page.waitForSelector('.sop-caption-counter[data-left="-5"]')
  assert.match(await page.locator('.sop-caption-counter').innerText(), /Kelebihan 5 karakter/)
  await page.fill('#field-caption', 'Rakor percepatan penurunan stunting 👶 #LamandauSehat')
  await page.waitForSelector('.sop-caption-counter[data-left="148"]')
  assert.match(await page.locator('.sop-photo-hint').innerText(), /0 foto \(minimal 4\)/)
  await page.click('#action-save')
  await page.waitForURL(/\/submissions\/\d+$/)
  const id = page.url().split('/').pop()!
  await page.waitForSelector('.sop-workbench[data-status="draft"]')
  buttons['draft/tim-pelaksana'] = await buttonsOf(page)
  // Handing in without photos is refused with the rule's name, in Indonesian.
  await page.click('[data-action-button="submit"]')
  const refusal = page.locator('.sop-action-error')
  await refusal.waitFor()
  assert.match(await refusal.innerText(), /minimal 4 foto \(saat ini 0\)/)
  // Four photos at once through Payload's bulk upload.
  await page.locator('#field-photos').getByRole('button', { name: 'Buat Baru' }).click()
  await page
    .locator('.drawer input[type="file"], [class*="drawer"] input[type="file"]')
    .first()
    .setInputFiles(o.photos)
  await page.getByText('4 File untuk Diunggah').first().waitFor()
  await page.getByRole('button', { name: 'Simpan', exact: true }).last().click()
  await page.waitForSelector('.sop-photo-hint[data-count="4"]')
  await shot(page, 'edit-draft-4-photos')
  await save(page)
  await act(page, 'submit', 'submitted')
  buttons['submitted/tim-pelaksana'] = await buttonsOf(page)
  assert.match(await page.locator('.sop-register-number').innerText(), /\/REG-MEDSOS\//)

  // ---- Tim Pertimbangan: the queue and the bell show it; reject with a written response.
  ;({ page } = await login(o, 'tim-pertimbangan'))
  await page.waitForSelector(`.sop-queue-item[data-id="${id}"]`)
  await page.waitForSelector('.sop-bell-count')
  await shot(page, 'dashboard-tim-pertimbangan')
  await openSubmission(page, o, id, 'submitted')
  buttons['submitted/tim-pertimbangan'] = await buttonsOf(page)
  await page.click('[data-action-button="reject"]')
  // The written response is required: "Kirim" stays disabled until there is one.
  assert.equal(await page.locator('[data-send="reject"]').isDisabled(), true)
  await page.fill(
    'textarea[name="note-reject"]',
    'Foto nomor 2 buram; mohon ganti dan lengkapi nama narasumber.',
  )
  await page.click('[data-send="reject"]')
  await page.waitForSelector('.sop-workbench[data-status="returned"]')
  await shot(page, 'edit-returned')

  // ---- Tim Pelaksana: reads the response in the timeline, fixes the caption, resubmits.
  ;({ page } = await login(o, 'tim-pelaksana'))
  await page.waitForSelector(`.sop-queue-item[data-id="${id}"]`)
  await openSubmission(page, o, id, 'returned')
  buttons['returned/tim-pelaksana'] = await buttonsOf(page)
  assert.match(await page.locator('.sop-timeline').innerText(), /Foto nomor 2 buram/)
  await page.fill(
    '#field-caption',
    'Rakor percepatan penurunan stunting bersama camat 👶 #LamandauSehat',
  )
  // Unsaved changes: actions wait for a save.
  await page.waitForSelector('[data-action-button="submit"][disabled]')
  await save(page)
  await act(page, 'submit', 'submitted')

  // ---- Tim Pertimbangan accepts.
  ;({ page } = await login(o, 'tim-pertimbangan'))
  await openSubmission(page, o, id, 'submitted')
  await act(page, 'accept', 'accepted', 'Lengkap dan sesuai.')
  buttons['accepted/tim-pertimbangan'] = await buttonsOf(page)

  // ---- Ketua PPID: controls and corrects the title, then verifies; the diff is in the timeline.
  ;({ page } = await login(o, 'ketua-ppid'))
  await page.waitForSelector(`.sop-queue-item[data-id="${id}"]`)
  await shot(page, 'dashboard-ketua-ppid')
  await openSubmission(page, o, id, 'accepted')
  buttons['accepted/ketua-ppid'] = await buttonsOf(page)
  await page.fill('#field-title', `${o.title} (dikoreksi)`)
  await save(page)
  await act(page, 'verify', 'verified', 'Judul disesuaikan.')
  await page.waitForSelector('.sop-corrections tr[data-field="title"]')
  assert.match(
    await page.locator('.sop-corrections tr[data-field="title"]').innerText(),
    /dikoreksi/,
  )
  buttons['verified/ketua-ppid'] = await buttonsOf(page)
  await shot(page, 'edit-verified-with-correction')

  // ---- Atasan PPID approves.
  ;({ page } = await login(o, 'atasan-ppid'))
  await page.waitForSelector(`.sop-queue-item[data-id="${id}"]`)
  await openSubmission(page, o, id, 'verified')
  buttons['verified/atasan-ppid'] = await buttonsOf(page)
  // With accounts, approval starts posting (a fast worker may already have finished it).
  await act(
    page,
    'approve',
    o.hasAccounts ? 'publishing|published' : 'approved',
    'Disetujui untuk diunggah.',
  )

  // ---- Admin Medsos: sees it; without accounts, "Unggah" explains what is missing.
  ;({ page } = await login(o, 'admin-medsos'))
  await shot(page, 'dashboard-admin-medsos')
  if (!o.hasAccounts) {
    await page.waitForSelector(`.sop-queue-item[data-id="${id}"]`)
    await openSubmission(page, o, id, 'approved')
    buttons['approved/admin-medsos'] = await buttonsOf(page)
    await page.click('[data-action-button="publish"]')
    await page.locator('.sop-action-error').waitFor()
    assert.match(
      await page.locator('.sop-action-error').innerText(),
      /Belum ada akun media sosial yang aktif/,
    )
    await shot(page, 'edit-approved-admin-medsos')
  }
  // ---- The register in the admin (Ketua PPID): the period tools, the entry linking its submission, an export.
  ;({ page } = await login(o, 'ketua-ppid'))
  await page.goto(`${o.base}/admin/collections/register`)
  await page.waitForSelector('.sop-register-tools input[name="period"]')
  const link = page.locator(`.sop-submission-link[href$="/collections/submissions/${id}"]`)
  await link.first().waitFor()
  const csvHref = await page
    .locator('.sop-register-tools a', { hasText: 'CSV' })
    .getAttribute('href')
  // Fetched by the page itself, as a click on the link would: with the session cookie and
  // the browser's Sec-Fetch-Site. (Payload ignores the cookie of a client that sends neither
  // Origin nor Sec-Fetch-Site once `csrf` is set, as Playwright's own request context does.)
  const csv = await page.evaluate(async (href) => {
    const res = await fetch(href)
    return { status: res.status, text: await res.text() }
  }, new URL(csvHref!, o.base).toString())
  assert.equal(csv.status, 200)
  assert.match(csv.text, /REG-MEDSOS/)
  await shot(page, 'register')
  await link.first().click()
  await page.waitForSelector(`.sop-workbench[data-status]`)
  await closeSessions(o)
  return { id, buttons, errors }
}
