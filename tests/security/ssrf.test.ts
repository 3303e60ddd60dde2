/**
 * Issue 13, item 9: SSRF through webhook accounts. Internal targets are refused when an
 * account is saved (literal addresses, localhost) and when the engine sends (after DNS
 * resolution, pinned, and on every redirect), unless the operator allowlisted them
 * (`publishing.allowPrivateHosts`). A local server counts every request it gets.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyRegisterInDatabase } from '../../src/register/chain.js'
import { createTestApp, type TestApp } from '../helpers/app.js'
import {
  countRows,
  createPeople,
  createPhotos,
  createSubmissionIn,
  type ActorName,
  type Person,
} from '../helpers/fixtures.js'

describe('item 9: SSRF through webhook accounts', () => {
  let ssrf: TestApp
  let crew: Record<ActorName, Person>
  let crewPhotos: number[]
  let hits: string[] = []
  let inside: http.Server
  let hop: http.Server
  let port = 0
  let hopPort = 0

  beforeAll(async () => {
    // A local server that counts every request it gets: "nothing fetched" is hits === 0.
    inside = http.createServer((req, res) => {
      hits.push(`${req.method} ${req.url}`)
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ id: 'bocor', secret: 'isi internal yang tidak boleh terbaca' }))
    })
    await new Promise<void>((r) => inside.listen(0, '127.0.0.1', r))
    port = (inside.address() as AddressInfo).port
    // The operator's intranet portal (allowlisted below), which answers one path and redirects another inward.
    hop = http.createServer((req, res) => {
      if (req.url === '/redirect') {
        res.writeHead(307, { location: `http://127.0.0.1:${port}/hook` })
        res.end()
        return
      }
      req.resume()
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ id: 'intranet-1', url: 'https://intranet.example/berita/1' }))
      })
    })
    await new Promise<void>((r) => hop.listen(0, '127.0.0.3', r))
    hopPort = (hop.address() as AddressInfo).port
    ssrf = await createTestApp('security_ssrf', {
      publishing: {
        allowPrivateHosts: ['127.0.0.3'],
        requestTimeoutMs: 3000,
        retryDelayMs: 1,
        prepareAttempts: 1,
      },
    })
    crew = await createPeople(ssrf, ['tim-pelaksana', 'atasan-ppid', 'admin-medsos'])
    crewPhotos = await createPhotos(ssrf.payload, crew['tim-pelaksana'], 4)
  })
  afterAll(async () => {
    inside?.close()
    hop?.close()
  })

  const hostile = () => [
    `http://127.0.0.1:${port}/hook`,
    'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
    `http://[::1]:${port}/hook`,
    `http://0x7f000001:${port}/hook`,
    `http://2130706433:${port}/hook`,
    `http://localhost:${port}/hook`,
    'http://10.0.0.5/hook',
    'http://100.64.1.1/hook',
    'http://[fe80::1]/hook',
    'http://0.0.0.0/hook',
    'http://[::ffff:127.0.0.1]/hook',
  ]

  it('each internal URL is refused when the account is saved (400 webhookUrlInternal), created or edited', async () => {
    const medsos = crew['admin-medsos']
    const ok = await ssrf.rest('POST', 'social-accounts', {
      token: medsos.token,
      json: {
        label: 'Portal publik',
        platform: 'webhook',
        url: 'https://portal.lamandaukab.go.id/hook',
        secret: 's',
      },
    })
    expect(ok.status).toBe(201)
    const before = await countRows(ssrf, 'social_accounts')
    for (const url of hostile()) {
      const res = await ssrf.rest('POST', 'social-accounts', {
        token: medsos.token,
        json: { label: 'Jahat', platform: 'webhook', url, secret: 's' },
      })
      expect(res.status, url).toBe(400)
      expect(res.body.errors[0].data.rule, url).toBe('webhookUrlInternal')
      const edit = await ssrf.rest('PATCH', `social-accounts/${ok.body.doc.id}`, {
        token: medsos.token,
        json: { url },
      })
      expect(edit.status, url).toBe(400)
    }
    expect(await countRows(ssrf, 'social_accounts')).toBe(before)
    expect(
      (
        await ssrf.sql<{ url: string }>('select url from social_accounts where id = $1', [
          ok.body.doc.id,
        ])
      )[0]!.url,
    ).toBe('https://portal.lamandaukab.go.id/hook')
    // The operator's explicit allowlist serves an intranet portal.
    const intranet = await ssrf.rest('POST', 'social-accounts', {
      token: medsos.token,
      json: {
        label: 'Intranet',
        platform: 'webhook',
        url: `http://127.0.0.3:${hopPort}/ok`,
        secret: 's',
      },
    })
    expect(intranet.status, JSON.stringify(intranet.body)).toBe(201)
    await ssrf.sql('delete from social_accounts')
    expect(hits).toEqual([])
  })

  it('at send time (accounts saved before the rule, names that resolve inward, redirects inward): each target fails as blocked, nothing is fetched', async () => {
    hits = []
    await ssrf.sql('delete from social_accounts')
    const medsos = crew['admin-medsos']
    // Saved when allowed, then pointed inward behind the rule's back (as an account saved before this release).
    const urls = [...hostile(), `http://127.0.0.3:${hopPort}/redirect`]
    for (const [i] of urls.entries()) {
      const res = await ssrf.rest('POST', 'social-accounts', {
        token: medsos.token,
        json: {
          label: `Akun ${i}`,
          platform: 'webhook',
          url: `http://127.0.0.3:${hopPort}/ok`,
          secret: 's',
        },
      })
      expect(res.status).toBe(201)
    }
    const accounts = await ssrf.sql<{ id: number }>('select id from social_accounts order by id')
    for (const [i, url] of urls.entries())
      await ssrf.sql('update social_accounts set url = $1 where id = $2', [url, accounts[i]!.id])
    // One allowed intranet target beside them: it still posts.
    expect(
      (
        await ssrf.rest('POST', 'social-accounts', {
          token: medsos.token,
          json: {
            label: 'Intranet',
            platform: 'webhook',
            url: `http://127.0.0.3:${hopPort}/ok`,
            secret: 's',
          },
        })
      ).status,
    ).toBe(201)

    const s = await createSubmissionIn(ssrf.payload, crew['tim-pelaksana'], 'verified', crewPhotos)
    expect(
      (
        await ssrf.rest('POST', 'reviews', {
          token: crew['atasan-ppid'].token,
          json: { submission: s.id, action: 'approve' },
        })
      ).status,
    ).toBe(201)
    await ssrf.payload.jobs.run({ queue: 'sop-medsos', limit: 100 })
    const pubs = await ssrf.sql<{
      account_id: number
      status: string
      error_class: string | null
      error_code: string | null
      error_detail: string | null
      id: number
    }>(
      'select id, account_id, status, error_class, error_code, error_detail from publications where submission_id = $1 order by account_id',
      [s.id],
    )
    expect(pubs).toHaveLength(urls.length + 1)
    const expected = [
      'loopback',
      'metadata',
      'loopback',
      'loopback',
      'loopback',
      'loopback',
      'private',
      'cgnat',
      'link-local',
      'unspecified',
      'loopback',
      'loopback',
    ]
    for (const [i, p] of pubs.slice(0, urls.length).entries()) {
      expect(p, urls[i]).toMatchObject({
        status: 'failed',
        error_class: 'blocked',
        error_code: `blocked:${expected[i]}`,
      })
      expect(p.error_detail).not.toContain('isi internal')
      // The explanation is worded when read (stored: class, code, detail).
      const read = await ssrf.payload.findByID({
        collection: 'publications',
        id: p.id,
        overrideAccess: true,
      })
      expect((read as { errorMessage?: string }).errorMessage).toContain('Alamat tujuan ditolak')
      expect((read as { errorMessage?: string }).errorMessage).not.toContain('isi internal')
    }
    expect(pubs[urls.length]).toMatchObject({ status: 'published', error_class: null })
    expect(hits).toEqual([])
    expect(
      (
        await ssrf.sql<{ status: string }>('select status from submissions where id = $1', [s.id])
      )[0]!.status,
    ).toBe('publish_failed')
    expect(await verifyRegisterInDatabase(ssrf.databaseUri)).toMatchObject({ ok: true })
  })
})
