import { describe, expect, it } from 'vitest'
import { formatLocal, parsePeriod, wallClock } from '../../src/workflow/period.js'

const TZ = 'Asia/Jakarta'
const inside = (p: ReturnType<typeof parsePeriod>, iso: string) =>
  Boolean(p && new Date(iso) >= p.start && new Date(iso) < p.end)

describe('periods in WIB', () => {
  it('a month runs from 00:00 WIB on the 1st to 00:00 WIB on the next 1st', () => {
    const nov = parsePeriod({ period: '2026-11' }, TZ)!
    expect(nov.start.toISOString()).toBe('2026-10-31T17:00:00.000Z')
    expect(nov.end.toISOString()).toBe('2026-11-30T17:00:00.000Z')
    expect(nov.label).toBe('November 2026')
    // 23:30 WIB on 30 November is still November (16:30 UTC); 00:10 WIB on 1 December is not.
    expect(inside(nov, '2026-11-30T16:30:00Z')).toBe(true)
    expect(inside(nov, '2026-11-30T17:10:00Z')).toBe(false)
    // 00:10 WIB on 1 November (31 October UTC) is November.
    expect(inside(nov, '2026-10-31T17:10:00Z')).toBe(true)
  })

  it('December ends at the new year; years and day ranges; bad input is null', () => {
    expect(parsePeriod({ period: '2026-12' }, TZ)!.end.toISOString()).toBe(
      '2026-12-31T17:00:00.000Z',
    )
    const y = parsePeriod({ period: '2026' }, TZ)!
    expect([y.start.toISOString(), y.end.toISOString()]).toEqual([
      '2025-12-31T17:00:00.000Z',
      '2026-12-31T17:00:00.000Z',
    ])
    const r = parsePeriod({ from: '2026-11-01', to: '2026-11-15' }, TZ)!
    expect(r.end.toISOString()).toBe('2026-11-15T17:00:00.000Z')
    for (const bad of [
      { period: '2026-13' },
      { period: 'nov' },
      { from: '2026-11-10', to: '2026-11-01' },
      {},
    ])
      expect(parsePeriod(bad, TZ)).toBeNull()
  })

  it('formats and shifts wall-clock time', () => {
    expect(formatLocal('2026-11-30T16:30:00Z', TZ)).toBe('30/11/2026 23:30')
    expect(wallClock('2026-11-30T16:30:00Z', TZ).toISOString()).toBe('2026-11-30T23:30:00.000Z')
  })
})
