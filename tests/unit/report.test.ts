import { XMLParser } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { parsePeriod } from '../../src/workflow/period.js'
import { monthlyReport, reportChartSvg } from '../../src/workflow/report.js'

const TZ = 'Asia/Jakarta'
const nov = parsePeriod({ period: '2026-11' }, TZ)!
const at = (iso: string) => new Date(iso)

describe('monthly report', () => {
  // Submission 1: activity 10 Nov; handed in on H (10 Nov 15:00 WIB), accepted 11 Nov 09:00,
  // verified 11 Nov 10:00, approved 13 Nov 10:00 WIB (late: due end of 11 Nov), posted 13 Nov 11:00.
  // Submission 2: handed in 12 Nov, rejected the same day, resubmitted 14 Nov, declined 15 Nov.
  const reviews = [
    {
      submission: 1,
      action: 'submit',
      fromStatus: 'draft',
      toStatus: 'submitted',
      at: at('2026-11-10T08:00:00Z'),
    },
    {
      submission: 1,
      action: 'accept',
      fromStatus: 'submitted',
      toStatus: 'accepted',
      at: at('2026-11-11T02:00:00Z'),
    },
    {
      submission: 1,
      action: 'verify',
      fromStatus: 'accepted',
      toStatus: 'verified',
      at: at('2026-11-11T03:00:00Z'),
    },
    {
      submission: 1,
      action: 'approve',
      fromStatus: 'verified',
      toStatus: 'approved',
      at: at('2026-11-13T03:00:00Z'),
    },
    {
      submission: 2,
      action: 'submit',
      fromStatus: 'draft',
      toStatus: 'submitted',
      at: at('2026-11-12T02:00:00Z'),
    },
    {
      submission: 2,
      action: 'reject',
      fromStatus: 'submitted',
      toStatus: 'returned',
      at: at('2026-11-12T05:00:00Z'),
    },
    {
      submission: 2,
      action: 'submit',
      fromStatus: 'returned',
      toStatus: 'submitted',
      at: at('2026-11-14T02:00:00Z'),
    },
    {
      submission: 2,
      action: 'accept',
      fromStatus: 'submitted',
      toStatus: 'accepted',
      at: at('2026-11-14T03:00:00Z'),
    },
    {
      submission: 2,
      action: 'verify',
      fromStatus: 'accepted',
      toStatus: 'verified',
      at: at('2026-11-14T04:00:00Z'),
    },
    {
      submission: 2,
      action: 'decline',
      fromStatus: 'verified',
      toStatus: 'declined',
      at: at('2026-11-15T02:00:00Z'),
    },
  ]
  const subs = [
    { id: 1, activityDate: at('2026-11-10T05:00:00Z') },
    { id: 2, activityDate: at('2026-11-12T01:00:00Z') },
  ]
  const pubs = [
    { submission: 1, platform: 'facebook', publishedAt: at('2026-11-13T04:00:00Z') },
    { submission: 1, platform: 'instagram', publishedAt: at('2026-11-13T04:05:00Z') },
  ]
  const r = monthlyReport(nov, TZ, reviews, subs, pubs)

  it('counts what happened in the month', () => {
    expect(r.counts).toEqual({
      handedIn: 3,
      accepted: 2,
      returned: 1,
      approved: 1,
      declined: 1,
      published: 2,
    })
    expect(r.publishedByPlatform).toEqual({ facebook: 1, instagram: 1 })
  })

  it('measures each step from the review that brought the submission there, against its deadline', () => {
    const step = (n: string) => r.steps.find((s) => s.step === n)!
    // Step 2: 18 h (sub 1), 3 h (reject), 1 h (sub 2 resubmitted) → average 7.3, worst 18.
    expect(step('2')).toMatchObject({ count: 3, averageHours: 7.3, worstHours: 18, overdue: 0 })
    // Step 4: approve after 48 h (due end of 11 Nov WIB: late), decline after 22 h (due end of 15 Nov: on time).
    expect(step('4')).toMatchObject({ count: 2, worstHours: 48, overdue: 1 })
    // Step 5: posted 1 h and 1 h 5 min after approval; due end of H+1 (11 Nov): both late.
    expect(step('5')).toMatchObject({ count: 2, averageHours: 1, overdue: 2 })
    // Step 1: on H twice; the resubmission on 14 Nov was due by the end of the day after the return (13 Nov).
    expect(step('1')).toMatchObject({ count: 3, overdue: 1 })
    expect(r.steps.reduce((a, s) => a + s.count, 0)).toBe(12)
    expect(r.overdueRate).toBeCloseTo(4 / 12, 3)
  })

  it('draws the days of the month as an SVG bar chart', () => {
    expect(r.days).toHaveLength(30)
    expect(r.days[9]).toEqual({ day: 10, handedIn: 1, published: 0 })
    expect(r.days[12]).toEqual({ day: 13, handedIn: 0, published: 2 })
    const svg = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(
      reportChartSvg(r),
    ).svg
    const bars = (svg.rect as Record<string, string>[]).filter((b) => b['@class'] === 'published')
    expect(bars).toHaveLength(30)
    expect(Number(bars[12]!['@height'])).toBeGreaterThan(Number(bars[0]!['@height']))
  })
})
