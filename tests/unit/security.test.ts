/** Pure parts of issue 13's fixes: SSRF address rules, CSV neutralisation, control characters, edit rights. */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { neutralizeCell } from '../../src/register/exports.js'
import {
  BlockedTargetError,
  classifyAddress,
  guardedFetch,
  targetPolicy,
  targetRefusal,
  urlRefusal,
  allowEntryProblem,
} from '../../src/publishing/targets.js'
import { CONTROL_CHARACTERS, escapeControls, stripXmlInvalid } from '../../src/workflow/text.js'
import { buildWorkflow, decideEdit } from '../../src/workflow/table.js'
import { mergeCorrections } from '../../src/workflow/corrections.js'
import { textProblem } from '../../src/hooks/guards.js'

describe('SSRF: address classification', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['64:ff9b::7f00:1', 'loopback'],
    ['2002:7f00:1::', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['fd12:3456::1', 'private'],
    ['169.254.169.254', 'metadata'],
    ['::ffff:169.254.169.254', 'metadata'],
    ['fd00:ec2::254', 'metadata'],
    ['100.100.100.200', 'metadata'],
    ['169.254.10.10', 'link-local'],
    ['fe80::1', 'link-local'],
    ['100.64.0.1', 'cgnat'],
    ['100.127.255.255', 'cgnat'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['255.255.255.255', 'reserved'],
    ['192.0.2.1', 'reserved'],
    ['not-an-address', 'reserved'],
  ])('%s is %s', (address, kind) => {
    expect(classifyAddress(address)).toBe(kind)
  })

  it.each([
    '8.8.8.8',
    '172.32.0.1',
    '100.128.0.1',
    '2001:4860:4860::8888',
    '::ffff:8.8.8.8',
    '103.10.20.30',
  ])('%s is public', (address) => {
    expect(classifyAddress(address)).toBeNull()
  })

  it('URLs as a person types them: hex, decimal, octal and bracketed forms are the same loopback address', () => {
    const none = targetPolicy()
    for (const url of [
      'http://127.0.0.1:8080/x',
      'http://0x7f000001:1/',
      'http://2130706433/',
      'http://0177.0.0.1/',
      'http://[::1]:9/',
      'http://[::ffff:127.0.0.1]/',
      'http://localhost:3000/',
      'http://api.localhost/',
    ]) {
      expect(urlRefusal(none, url), url).toMatchObject({ kind: 'loopback' })
    }
    expect(urlRefusal(none, 'http://169.254.169.254/latest/meta-data/')).toMatchObject({
      kind: 'metadata',
    })
    expect(urlRefusal(none, 'http://metadata.google.internal/')).toMatchObject({ kind: 'metadata' })
    expect(urlRefusal(none, 'ftp://example.com/')).toMatchObject({ kind: 'scheme' })
    expect(urlRefusal(none, 'https://user:pass@example.com/')).toMatchObject({ kind: 'scheme' })
    expect(urlRefusal(none, 'https://portal.lamandaukab.go.id/hook')).toBeNull()
  })

  it('the allowlist: host names, addresses and ranges; metadata never', () => {
    const policy = targetPolicy([
      'intranet.lamandaukab.go.id',
      '10.0.0.0/8',
      '127.0.0.1',
      'fd00::/8',
      '169.254.0.0/16',
    ])
    expect(targetRefusal(policy, 'intranet.lamandaukab.go.id', '192.168.5.5')).toBeNull()
    expect(targetRefusal(policy, 'INTRANET.lamandaukab.go.id.', '192.168.5.5')).toBeNull()
    expect(targetRefusal(policy, 'other.example', '10.20.30.40')).toBeNull()
    expect(targetRefusal(policy, 'other.example', '192.168.5.5')).toBe('private')
    expect(targetRefusal(policy, '127.0.0.1', '127.0.0.1')).toBeNull()
    expect(targetRefusal(policy, '127.0.0.2', '127.0.0.2')).toBe('loopback')
    expect(targetRefusal(policy, 'x', '::ffff:10.0.0.1')).toBeNull()
    expect(targetRefusal(policy, 'x', '169.254.169.254')).toBe('metadata')
    expect(targetRefusal(policy, 'x', '169.254.1.1')).toBeNull()
    expect(allowEntryProblem('10.0.0.0/8')).toBeNull()
    expect(allowEntryProblem('intranet.lamandaukab.go.id')).toBeNull()
    expect(allowEntryProblem('10.0.0.0/33')).toMatch(/CIDR/)
    expect(allowEntryProblem('http://x/')).not.toBeNull()
  })

  it('guardedFetch refuses a loopback target before connecting, and a redirect into one; an allowed one goes through', async () => {
    let hits = 0
    const server = http.createServer((req, res) => {
      hits++
      if (req.url === '/redirect') {
        res.writeHead(302, {
          location: `http://127.0.0.2:${(server.address() as AddressInfo).port}/inside`,
        })
        res.end()
        return
      }
      let body = ''
      req.on('data', (c) => (body += c))
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(
          JSON.stringify({
            method: req.method,
            url: req.url,
            body,
            type: req.headers['content-type'],
          }),
        )
      })
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const port = (server.address() as AddressInfo).port
    const signal = () => AbortSignal.timeout(5000)
    try {
      await expect(
        guardedFetch(
          `http://127.0.0.1:${port}/x`,
          { method: 'POST', body: '{}' },
          targetPolicy(),
          signal(),
        ),
      ).rejects.toBeInstanceOf(BlockedTargetError)
      await expect(
        guardedFetch(`http://0x7f000001:${port}/x`, {}, targetPolicy(), signal()),
      ).rejects.toMatchObject({ kind: 'loopback' })
      // A name is checked when it is resolved: "localhost" is loopback whatever it resolves to.
      await expect(
        guardedFetch(`http://localhost:${port}/x`, {}, targetPolicy(), signal()),
      ).rejects.toMatchObject({ kind: 'loopback' })
      expect(hits).toBe(0)
      // 127.0.0.1 allowed: the first hop is served; its redirect to 127.0.0.2 is not followed.
      await expect(
        guardedFetch(
          `http://127.0.0.1:${port}/redirect`,
          {},
          targetPolicy(['127.0.0.1']),
          signal(),
        ),
      ).rejects.toMatchObject({ kind: 'loopback', host: '127.0.0.2' })
      expect(hits).toBe(1)
      const ok = await guardedFetch(
        `http://127.0.0.1:${port}/ok`,
        { method: 'POST', body: new URLSearchParams({ a: '1' }) },
        targetPolicy(['127.0.0.1']),
        signal(),
      )
      expect(ok.status).toBe(200)
      expect(await ok.json()).toEqual({
        method: 'POST',
        url: '/ok',
        body: 'a=1',
        type: 'application/x-www-form-urlencoded;charset=UTF-8',
      })
    } finally {
      server.close()
    }
  })
})

describe('CSV/XLSX formula injection', () => {
  it.each([
    ['=HYPERLINK("http://evil","klik")', `'=HYPERLINK("http://evil","klik")`],
    ['@SUM(1+1)', `'@SUM(1+1)`],
    ['+62 812', `'+62 812`],
    ['-1', `'-1`],
    ['\tTAB', `'\tTAB`],
    ['\rCR', `'\rCR`],
    ['Kunjungan kerja', 'Kunjungan kerja'],
    ['', ''],
    [' =spasi dulu', ' =spasi dulu'],
  ])('%j → %j', (input, output) => {
    expect(neutralizeCell(input)).toBe(output)
  })
})

describe('control characters', () => {
  it('refuses C0 controls but tab, LF and CR', () => {
    expect(CONTROL_CHARACTERS.test('Judul\u001b[31m merah')).toBe(true)
    expect(CONTROL_CHARACTERS.test('a\u0007b')).toBe(true)
    expect(CONTROL_CHARACTERS.test('baris 1\r\nbaris 2\tkolom')).toBe(false)
    expect(textProblem({ title: 'x\u001by' })).toBe('textControl')
    expect(textProblem({ narrative: { root: { children: [{ text: 'ok\nok\t' }] } } })).toBeNull()
    expect(textProblem({ title: 'x\u0000' })).toBe('textNul')
  })

  it('escapes them visibly for logs, and strips XML-invalid ones from feeds', () => {
    expect(escapeControls('a\r\n[INFO] palsu\u001b[0m')).toBe('a\\r\\n[INFO] palsu\\x1b[0m')
    expect(escapeControls('bersih')).toBe('bersih')
    expect(stripXmlInvalid('<t>a\u001bb\tc\n</t>')).toBe('<t>ab\tc\n</t>')
  })
})

describe('edit rights follow separation of duties', () => {
  const wf = buildWorkflow()
  it('the owner edits its draft/returned; a Ketua edits accepted unless it created or acted in another stage', () => {
    expect(
      decideEdit(
        wf,
        { id: 1, roles: ['tim-pelaksana'] },
        { status: 'draft', ownerId: 1, priorStages: [] },
      ),
    ).toEqual({ ok: true, as: 'owner' })
    expect(
      decideEdit(
        wf,
        { id: 1, roles: ['tim-pelaksana'] },
        { status: 'submitted', ownerId: 1, priorStages: [] },
      ),
    ).toMatchObject({ ok: false, reason: 'status' })
    expect(
      decideEdit(
        wf,
        { id: 2, roles: ['ketua-ppid'] },
        { status: 'accepted', ownerId: 1, priorStages: [] },
      ),
    ).toEqual({ ok: true, as: 'ketua-ppid' })
    expect(
      decideEdit(
        wf,
        { id: 1, roles: ['tim-pelaksana', 'ketua-ppid'] },
        { status: 'accepted', ownerId: 1, priorStages: ['tim-pelaksana'] },
      ),
    ).toMatchObject({ ok: false, reason: 'ownContent' })
    expect(
      decideEdit(
        wf,
        { id: 3, roles: ['tim-pertimbangan', 'ketua-ppid'] },
        { status: 'accepted', ownerId: 1, priorStages: ['tim-pertimbangan'] },
      ),
    ).toMatchObject({ ok: false, reason: 'separation', stage: 'tim-pertimbangan' })
    expect(
      decideEdit(
        wf,
        { id: 2, roles: ['ketua-ppid'] },
        { status: 'verified', ownerId: 1, priorStages: [] },
      ),
    ).toMatchObject({ ok: false, reason: 'status' })
    expect(
      decideEdit(
        buildWorkflow(['tim-pertimbangan']),
        { id: 2, roles: ['ketua-ppid'] },
        { status: 'accepted', ownerId: 1, priorStages: [] },
      ),
    ).toMatchObject({ ok: false })
  })

  it('corrections carry who made them', () => {
    const a = mergeCorrections(null, { title: 'A' }, { title: 'B' }, { id: 7, name: 'Ketua Satu' })
    const b = mergeCorrections(a, { title: 'B' }, { title: 'C' }, { id: 8, name: 'Ketua Dua' })
    expect(b).toEqual([
      {
        field: 'title',
        before: 'A',
        after: 'C',
        editors: [
          { id: 7, name: 'Ketua Satu' },
          { id: 8, name: 'Ketua Dua' },
        ],
      },
    ])
    expect(
      mergeCorrections(b, { title: 'C' }, { title: 'A' }, { id: 8, name: 'Ketua Dua' }),
    ).toEqual([])
  })
})
