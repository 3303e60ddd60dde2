/**
 * Register numbering and the register's hash chain. Pure functions: the Payload layer
 * takes a database lock, reads the previous entry, and calls these.
 */
import { createHash } from 'node:crypto'
import { TZDate } from '@date-fns/tz'
import { canonicalJson } from './canonical.js'

export const DEFAULT_REGISTER_FORMAT = '{seq:4}/REG-MEDSOS/{monthRoman}/{year}'
export const GENESIS_HASH = '0'.repeat(64)

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII']

/** Tokens: {seq} or {seq:N} (zero-padded to N), {month}, {monthRoman}, {year}. */
const TOKEN = /\{(seq(?::(\d{1,2}))?|month|monthRoman|year)\}/g

export function registerFormatProblem(format: string): string | null {
  if (!/\{seq(?::\d{1,2})?\}/.test(format)) return 'must contain {seq} or {seq:N}'
  if (!format.includes('{year}')) return 'must contain {year} (numbers restart every year)'
  const leftover = format.replace(TOKEN, '')
  if (/[{}]/.test(leftover))
    return 'has an unknown {token}; known: {seq}, {seq:N}, {month}, {monthRoman}, {year}'
  return null
}

/** The calendar year and month (1–12) of an instant in the agency's time zone. */
export function registerPeriod(at: Date, timeZone: string): { year: number; month: number } {
  const local = new TZDate(at.getTime(), timeZone)
  return { year: local.getFullYear(), month: local.getMonth() + 1 }
}

export function formatRegisterNumber(
  format: string,
  sequence: number,
  at: Date,
  timeZone: string,
): string {
  const { year, month } = registerPeriod(at, timeZone)
  return format.replace(TOKEN, (_match, token: string, width?: string) => {
    if (token.startsWith('seq')) return String(sequence).padStart(width ? Number(width) : 1, '0')
    if (token === 'month') return String(month).padStart(2, '0')
    if (token === 'monthRoman') return ROMAN[month - 1]!
    return String(year)
  })
}

export interface RegisterEntryContent {
  number: string
  kind: string
  /** An id, or the related document when read with depth. */
  submission: string | number | { id: string | number }
  at: string
  actor: string | number | { id: string | number } | null
  summary: string
  contentHash: string
  previousHash: string
}

type Ref = string | number | { id: string | number } | null | undefined
const refId = (value: Ref): string | null =>
  value == null ? null : typeof value === 'object' ? String(value.id) : String(value)

/** The hash of an entry covers all its content and the previous entry's hash. */
export function registerEntryHash(entry: RegisterEntryContent): string {
  const content = {
    number: entry.number,
    kind: entry.kind,
    submission: refId(entry.submission as Ref),
    at: new Date(entry.at).toISOString(),
    actor: refId(entry.actor as Ref),
    summary: entry.summary,
    contentHash: entry.contentHash,
    previousHash: entry.previousHash,
  }
  return createHash('sha256').update(canonicalJson(content)).digest('hex')
}

export type ChainVerdict =
  | { ok: true; entries: number }
  | { ok: false; index: number; number: string; problem: 'hash' | 'link' }

/** Walks entries in chain order; reports the first one whose hash or link is wrong. */
export function verifyRegisterChain(
  entries: readonly (RegisterEntryContent & { hash: string })[],
): ChainVerdict {
  let previous = GENESIS_HASH
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!
    if (entry.previousHash !== previous)
      return { ok: false, index, number: entry.number, problem: 'link' }
    if (registerEntryHash(entry) !== entry.hash)
      return { ok: false, index, number: entry.number, problem: 'hash' }
    previous = entry.hash
  }
  return { ok: true, entries: entries.length }
}
