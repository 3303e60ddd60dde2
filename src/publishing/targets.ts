/**
 * Where the server may send a request (SSRF guard). Every URL the publishing engine
 * fetches — webhook accounts, the platforms' API base URLs, their redirects — goes
 * through `guardedFetch`: the host name is resolved once, every address it resolves to
 * is checked, and the connection is made to the checked address (the lookup is pinned,
 * so a second DNS answer cannot swap in an internal address). Refused: loopback,
 * private (RFC 1918, IPv6 ULA), link-local, CGNAT (100.64/10), cloud metadata,
 * multicast, unspecified and reserved ranges — unless the operator lists the host name
 * or a range in `publishing.allowPrivateHosts` (an intranet portal). Metadata addresses
 * are refused always.
 *
 * Pure parts (address classification, the allowlist) have no I/O and are unit-tested.
 */
import dns from 'node:dns'
import http from 'node:http'
import https from 'node:https'
import net from 'node:net'

export type BlockedKind =
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'cgnat'
  | 'metadata'
  | 'multicast'
  | 'unspecified'
  | 'reserved'

interface Range4 {
  v: 4
  base: number
  bits: number
}
interface Range6 {
  v: 6
  base: bigint
  bits: number
}
type Range = Range4 | Range6

function parseV4(address: string): number | null {
  if (net.isIPv4(address) === false) return null
  const parts = address.split('.').map(Number)
  return ((parts[0]! << 24) >>> 0) + (parts[1]! << 16) + (parts[2]! << 8) + parts[3]!
}

function parseV6(address: string): bigint | null {
  if (!net.isIPv6(address)) return null
  let text = address.toLowerCase().replace(/%.*$/, '')
  // A trailing dotted IPv4 part (::ffff:127.0.0.1) becomes two hextets.
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)
  if (dotted) {
    const v4 = parseV4(dotted[1]!)!
    text =
      text.slice(0, -dotted[1]!.length) +
      `${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, null]
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const fill = tail === null ? [] : Array(8 - left.length - right.length).fill('0')
  const groups = [...left, ...fill, ...right]
  if (groups.length !== 8) return null
  return groups.reduce((acc, g) => (acc << 16n) + BigInt(parseInt(g || '0', 16)), 0n)
}

const r4 = (cidr: string): Range4 => {
  const [a, b] = cidr.split('/')
  return { v: 4, base: parseV4(a!)!, bits: Number(b) }
}
const r6 = (cidr: string): Range6 => {
  const [a, b] = cidr.split('/')
  return { v: 6, base: parseV6(a!)!, bits: Number(b) }
}

function inRange(range: Range, v4: number | null, v6: bigint | null): boolean {
  if (range.v === 4) {
    if (v4 === null) return false
    if (range.bits === 0) return true
    const mask = (0xffffffff << (32 - range.bits)) >>> 0
    return (v4 & mask) >>> 0 === (range.base & mask) >>> 0
  }
  if (v6 === null) return false
  const shift = BigInt(128 - range.bits)
  return v6 >> shift === range.base >> shift
}

/** In order: the first match names the reason. */
const BLOCKED: [BlockedKind, Range][] = [
  ['metadata', r4('169.254.169.254/32')], // AWS, GCP, Azure, OpenStack, DigitalOcean
  ['metadata', r4('100.100.100.200/32')], // Alibaba Cloud
  ['metadata', r4('168.63.129.16/32')], // Azure wire server
  ['metadata', r6('fd00:ec2::254/128')], // AWS over IPv6
  ['unspecified', r4('0.0.0.0/8')],
  ['loopback', r4('127.0.0.0/8')],
  ['private', r4('10.0.0.0/8')],
  ['private', r4('172.16.0.0/12')],
  ['private', r4('192.168.0.0/16')],
  ['link-local', r4('169.254.0.0/16')],
  ['cgnat', r4('100.64.0.0/10')],
  ['multicast', r4('224.0.0.0/4')],
  ['reserved', r4('240.0.0.0/4')], // and 255.255.255.255
  ['reserved', r4('192.0.0.0/24')],
  ['reserved', r4('192.0.2.0/24')],
  ['reserved', r4('198.18.0.0/15')],
  ['reserved', r4('198.51.100.0/24')],
  ['reserved', r4('203.0.113.0/24')],
  ['unspecified', r6('::/128')],
  ['loopback', r6('::1/128')],
  ['private', r6('fc00::/7')],
  ['link-local', r6('fe80::/10')],
  ['reserved', r6('fec0::/10')],
  ['multicast', r6('ff00::/8')],
  ['reserved', r6('2001:db8::/32')],
  ['reserved', r6('100::/64')],
]

/** IPv6 forms that carry an IPv4 address: mapped, NAT64, 6to4, IPv4-compatible. */
function embeddedV4(v6: bigint): number | null {
  const low32 = Number(v6 & 0xffffffffn)
  if (v6 >> 32n === 0xffffn) return low32 // ::ffff:a.b.c.d
  if (v6 >> 32n === 0x64ff9b0000000000000000n) return low32 // 64:ff9b::a.b.c.d
  if (v6 >> 112n === 0x2002n) return Number((v6 >> 80n) & 0xffffffffn) // 2002:aabb:ccdd::
  if (v6 >> 32n === 0n && v6 > 1n) return low32 // ::a.b.c.d
  return null
}

/** Why a literal address must not be a target, or null when it is a public address. */
export function classifyAddress(address: string): BlockedKind | null {
  let v4 = parseV4(address)
  const v6 = v4 === null ? parseV6(address.replace(/^\[|\]$/g, '')) : null
  if (v4 === null && v6 === null) return 'reserved' // not an address at all: never connect
  if (v6 !== null) {
    const inner = embeddedV4(v6)
    if (inner !== null) v4 = inner
  }
  for (const [kind, range] of BLOCKED) {
    if (range.v === 4 && v4 !== null && inRange(range, v4, null)) return kind
    if (range.v === 6 && v6 !== null && inRange(range, null, v6)) return kind
  }
  return null
}

/** Host names that are loopback or metadata by name, refused when a URL is saved. */
export function classifyHostName(host: string): BlockedKind | null {
  const name = host.toLowerCase().replace(/\.$/, '')
  if (name === 'localhost' || name.endsWith('.localhost')) return 'loopback'
  if (name === 'metadata.google.internal' || name === 'metadata') return 'metadata'
  return null
}

/** The operator's exceptions (`publishing.allowPrivateHosts`): host names, addresses, CIDR ranges. */
export interface TargetPolicy {
  hosts: Set<string>
  ranges: Range[]
}

/** Returns a problem with one allowlist entry, or null. */
export function allowEntryProblem(entry: string): string | null {
  const [address, bits, extra] = entry.split('/')
  if (extra !== undefined) return `"${entry}" is not a host name, an address or a CIDR range`
  if (bits !== undefined) {
    const n = Number(bits)
    const v = net.isIP(address!)
    if (!v || !/^\d{1,3}$/.test(bits) || n > (v === 4 ? 32 : 128))
      return `"${entry}" is not a CIDR range such as 10.0.0.0/8`
    return null
  }
  if (net.isIP(address!)) return null
  if (
    !/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i.test(
      entry,
    )
  )
    return `"${entry}" is not a host name`
  return null
}

export function targetPolicy(allow: readonly string[] = []): TargetPolicy {
  const hosts = new Set<string>()
  const ranges: Range[] = []
  for (const entry of allow) {
    const [address, bits] = entry.split('/')
    const v = net.isIP(address!)
    if (v === 4) ranges.push(r4(`${address}/${bits ?? 32}`))
    else if (v === 6) ranges.push(r6(`${address}/${bits ?? 128}`))
    else hosts.add(entry.toLowerCase().replace(/\.$/, ''))
  }
  return { hosts, ranges }
}

/**
 * Why a connection to `address` (what `host` resolved to) is refused under `policy`,
 * or null when it may go ahead.
 */
export function targetRefusal(
  policy: TargetPolicy,
  host: string,
  address: string,
): BlockedKind | null {
  const kind = classifyAddress(address)
  if (!kind) return null
  if (kind === 'metadata') return kind
  const name = host
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
  if (policy.hosts.has(name)) return null
  let v4 = parseV4(address)
  const v6 = v4 === null ? parseV6(address) : null
  if (v6 !== null) v4 = embeddedV4(v6) ?? null
  if (policy.ranges.some((r) => inRange(r, v4, v6))) return null
  return kind
}

/** A literal address or a well-known internal name in a URL saved by a person (no DNS). */
export function urlRefusal(
  policy: TargetPolicy,
  url: string,
): { kind: BlockedKind | 'scheme'; host: string } | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return { kind: 'scheme', host: '' }
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return { kind: 'scheme', host: parsed.hostname }
  if (parsed.username || parsed.password) return { kind: 'scheme', host: parsed.hostname }
  // WHATWG URL parsing already turned 0x7f000001, 2130706433 and 0177.0.0.1 into 127.0.0.1.
  const host = parsed.hostname.replace(/^\[|\]$/g, '')
  if (net.isIP(host)) {
    const kind = targetRefusal(policy, host, host)
    return kind ? { kind, host } : null
  }
  const named = classifyHostName(host)
  if (named && (named === 'metadata' || !policy.hosts.has(host.toLowerCase())))
    return { kind: named, host }
  return null
}

/** A request the guard refused before anything was sent. */
export class BlockedTargetError extends Error {
  constructor(
    public readonly host: string,
    public readonly address: string,
    public readonly kind: BlockedKind | 'scheme' | 'redirects',
  ) {
    super(`refused target ${host}${address && address !== host ? ` (${address})` : ''}: ${kind}`)
    this.name = 'BlockedTargetError'
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308])
const NULL_BODY = new Set([101, 204, 205, 304])
const MAX_REDIRECTS = 5
/** Replies larger than this are cut off (a webhook or API answer is small). */
const MAX_REPLY_BYTES = 16 * 1024 * 1024

function pinnedLookup(policy: TargetPolicy): net.LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(
      hostname,
      { all: true, family: (options as dns.LookupOptions).family ?? 0 },
      (err, addresses) => {
        if (err) return (callback as (e: Error) => void)(err)
        const list = addresses as dns.LookupAddress[]
        for (const a of list) {
          const kind = targetRefusal(policy, hostname, a.address)
          if (kind)
            return (callback as (e: Error) => void)(
              new BlockedTargetError(hostname, a.address, kind),
            )
        }
        if (!list.length)
          return (callback as (e: Error) => void)(
            Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }),
          )
        if ((options as { all?: boolean }).all)
          return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list)
        ;(callback as (e: null, a: string, f: number) => void)(
          null,
          list[0]!.address,
          list[0]!.family,
        )
      },
    )
  }
}

function send(
  url: URL,
  method: string,
  headers: Headers,
  body: Buffer | null,
  policy: TargetPolicy,
  signal: AbortSignal,
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const outgoing: Record<string, string> = {}
    headers.forEach((value, key) => (outgoing[key] = value))
    if (body) outgoing['content-length'] = String(body.length)
    const request = (url.protocol === 'https:' ? https : http).request(
      url,
      { method, headers: outgoing, lookup: pinnedLookup(policy), signal, agent: false },
      (res) => {
        const chunks: Buffer[] = []
        let size = 0
        res.on('data', (chunk: Buffer) => {
          size += chunk.length
          if (size > MAX_REPLY_BYTES) {
            res.destroy(new Error(`reply larger than ${MAX_REPLY_BYTES} bytes`))
            return
          }
          chunks.push(chunk)
        })
        res.on('error', reject)
        res.on('end', () => {
          const h = new Headers()
          for (const [key, value] of Object.entries(res.headers)) {
            if (Array.isArray(value)) for (const v of value) h.append(key, v)
            else if (value !== undefined) h.set(key, value)
          }
          const status = res.statusCode ?? 502
          resolve(
            new Response(NULL_BODY.has(status) ? null : Buffer.concat(chunks), {
              status: status < 200 || status > 599 ? 502 : status,
              statusText: res.statusMessage,
              headers: h,
            }),
          )
        })
      },
    )
    request.on('error', reject)
    request.end(body ?? undefined)
  })
}

/**
 * fetch() for outgoing calls, with the guard: literal addresses are checked before the
 * connection, names at DNS resolution (pinned), and every redirect target again.
 */
export async function guardedFetch(
  input: string,
  init: RequestInit,
  policy: TargetPolicy,
  signal: AbortSignal,
): Promise<Response> {
  // Let the platform's own Request turn FormData/URLSearchParams/strings into bytes + content type.
  const prepared = new Request(input, { ...init, signal: undefined, redirect: 'manual' })
  let headers = new Headers(prepared.headers)
  let body: Buffer | null = prepared.body ? Buffer.from(await prepared.arrayBuffer()) : null
  let method = prepared.method
  let url = new URL(input)
  for (let hop = 0; ; hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new BlockedTargetError(url.hostname, '', 'scheme')
    const host = url.hostname.replace(/^\[|\]$/g, '')
    if (net.isIP(host)) {
      const kind = targetRefusal(policy, host, host)
      if (kind) throw new BlockedTargetError(host, host, kind)
    }
    const res = await send(url, method, headers, body, policy, signal)
    const location = res.headers.get('location')
    if (!REDIRECTS.has(res.status) || !location) return res
    if (hop >= MAX_REDIRECTS) throw new BlockedTargetError(url.hostname, '', 'redirects')
    const next = new URL(location, url)
    if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === 'POST')) {
      method = method === 'HEAD' ? 'HEAD' : 'GET'
      body = null
      headers.delete('content-type')
    }
    if (next.origin !== url.origin) {
      headers = new Headers(headers)
      for (const name of ['authorization', 'cookie', 'proxy-authorization']) headers.delete(name)
    }
    url = next
  }
}
