import { describe, expect, it } from 'vitest'
import {
  dueAt,
  formatRegisterNumber,
  GENESIS_HASH,
  isOverdue,
  registerEntryHash,
  registerFormatProblem,
  registerPeriod,
  verifyRegisterChain,
} from '../../src/workflow/index.js'

const WIB = 'Asia/Jakarta'
const iso = (d: Date | null) => d?.toISOString()

describe('deadlines in WIB', () => {
  it('draft: end of day H in WIB, whatever instant stores the date', () => {
    // 15 July 2025 in WIB, stored as UTC midnight or as WIB midnight
    expect(iso(dueAt({ status: 'draft', activityDate: '2025-07-15T00:00:00.000Z' }, WIB))).toBe(
      '2025-07-15T16:59:59.999Z',
    )
    expect(iso(dueAt({ status: 'draft', activityDate: '2025-07-14T17:00:00.000Z' }, WIB))).toBe(
      '2025-07-15T16:59:59.999Z',
    )
  })

  it('review steps: end of the day after hand-in, across midnight WIB', () => {
    // 23:30 WIB on 15 July = 16:30Z; 00:30 WIB on 16 July = 17:30Z
    const late = dueAt(
      { status: 'submitted', activityDate: null, submittedAt: '2025-07-15T16:30:00.000Z' },
      WIB,
    )
    const early = dueAt(
      { status: 'accepted', activityDate: null, submittedAt: '2025-07-15T17:30:00.000Z' },
      WIB,
    )
    expect(iso(late)).toBe('2025-07-16T16:59:59.999Z')
    expect(iso(early)).toBe('2025-07-17T16:59:59.999Z')
  })

  it('crosses the year boundary', () => {
    expect(
      iso(
        dueAt(
          { status: 'verified', activityDate: null, submittedAt: '2025-12-31T10:00:00.000Z' },
          WIB,
        ),
      ),
    ).toBe('2026-01-01T16:59:59.999Z')
    expect(iso(dueAt({ status: 'approved', activityDate: '2025-12-31T00:00:00.000Z' }, WIB))).toBe(
      '2026-01-01T16:59:59.999Z',
    )
  })

  it('returned: one day to fix; final statuses: nothing due', () => {
    expect(
      iso(
        dueAt(
          { status: 'returned', activityDate: null, statusChangedAt: '2025-07-15T03:00:00.000Z' },
          WIB,
        ),
      ),
    ).toBe('2025-07-16T16:59:59.999Z')
    expect(dueAt({ status: 'published', activityDate: '2025-07-15T00:00:00.000Z' }, WIB)).toBeNull()
    expect(dueAt({ status: 'declined', activityDate: '2025-07-15T00:00:00.000Z' }, WIB)).toBeNull()
  })

  it('tells overdue', () => {
    expect(isOverdue('2025-07-15T16:59:59.999Z', new Date('2025-07-15T17:00:00.000Z'))).toBe(true)
    expect(isOverdue('2025-07-15T16:59:59.999Z', new Date('2025-07-15T16:59:59.000Z'))).toBe(false)
    expect(isOverdue(null)).toBe(false)
  })
})

describe('register numbers', () => {
  const format = '{seq:4}/REG-MEDSOS/{monthRoman}/{year}'
  it('formats the agency style in WIB', () => {
    expect(formatRegisterNumber(format, 1, new Date('2025-07-15T03:00:00Z'), WIB)).toBe(
      '0001/REG-MEDSOS/VII/2025',
    )
    // 23:30 WIB on 31 December is still December 2025 there
    expect(formatRegisterNumber(format, 42, new Date('2025-12-31T16:30:00Z'), WIB)).toBe(
      '0042/REG-MEDSOS/XII/2025',
    )
    // 00:30 WIB on 1 January is the new year
    expect(registerPeriod(new Date('2025-12-31T17:30:00Z'), WIB)).toEqual({ year: 2026, month: 1 })
    expect(
      formatRegisterNumber('{seq}-{month}-{year}', 7, new Date('2025-03-01T03:00:00Z'), WIB),
    ).toBe('7-03-2025')
  })
  it('refuses formats that cannot be gap-free per year', () => {
    expect(registerFormatProblem('REG/{year}')).toMatch(/seq/)
    expect(registerFormatProblem('{seq}/REG')).toMatch(/year/)
    expect(registerFormatProblem('{seq}/{yr}/{year}')).toMatch(/unknown/)
    expect(registerFormatProblem(format)).toBeNull()
  })
})

describe('register hash chain', () => {
  const entry = (n: number, previousHash: string) => {
    const content = {
      number: `000${n}/REG-MEDSOS/VII/2025`,
      kind: 'documentation',
      submission: n,
      at: `2025-07-15T0${n}:00:00.000Z`,
      actor: 1,
      summary: `Kegiatan ${n}`,
      contentHash: 'c'.repeat(64),
      previousHash,
    }
    return { ...content, hash: registerEntryHash(content) }
  }
  const chain = () => {
    const a = entry(1, GENESIS_HASH)
    const b = entry(2, a.hash)
    const c = entry(3, b.hash)
    return [a, b, c]
  }

  it('verifies an intact chain', () => {
    expect(verifyRegisterChain(chain())).toEqual({ ok: true, entries: 3 })
  })
  it('finds a changed entry and a removed one', () => {
    const changed = chain()
    changed[1] = { ...changed[1]!, summary: 'diubah' }
    expect(verifyRegisterChain(changed)).toMatchObject({ ok: false, index: 1, problem: 'hash' })
    const removed = chain()
    removed.splice(1, 1)
    expect(verifyRegisterChain(removed)).toMatchObject({ ok: false, index: 1, problem: 'link' })
  })
})
