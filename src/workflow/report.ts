/**
 * The monthly report, computed from plain facts (pure): what was handed in, decided and
 * published in the period, how long each SOP step took against its deadline, the
 * overdue rate, and per-day counts for the chart.
 */
import { TZDate } from '@date-fns/tz'
import { dueAt } from './deadlines.js'
import type { Period } from './period.js'

type Id = string | number

export interface ReviewFact {
  submission: Id
  action: string
  fromStatus: string
  toStatus: string
  at: Date
}
export interface SubmissionFact {
  id: Id
  activityDate: Date | null
}
export interface PublicationFact {
  submission: Id
  platform: string
  publishedAt: Date
}

export interface StepFigures {
  step: string
  label: string
  count: number
  averageHours: number | null
  worstHours: number | null
  overdue: number
}

export interface MonthlyReport {
  period: { start: string; end: string; label: string }
  counts: {
    handedIn: number
    accepted: number
    returned: number
    approved: number
    declined: number
    published: number
  }
  publishedByPlatform: Record<string, number>
  steps: StepFigures[]
  overdueRate: number | null
  days: { day: number; handedIn: number; published: number }[]
}

const STEPS: { step: string; label: string; from: string[] }[] = [
  {
    step: '1',
    label: 'Penyerahan dokumentasi (Tim Pelaksana, hari H)',
    from: ['draft', 'returned'],
  },
  { step: '2', label: 'Penilaian (Tim Pertimbangan, H+1)', from: ['submitted'] },
  { step: '3', label: 'Pengendalian dan koreksi (Ketua PPID, H+1)', from: ['accepted'] },
  { step: '4', label: 'Keputusan (Atasan PPID, H+1)', from: ['verified'] },
  { step: '5', label: 'Unggah (Admin Medsos, H+1)', from: ['approved'] },
]

const hours = (ms: number) => Math.round((ms / 3_600_000) * 10) / 10

export function monthlyReport(
  period: Period,
  timeZone: string,
  reviews: ReviewFact[],
  submissions: SubmissionFact[],
  publications: PublicationFact[],
): MonthlyReport {
  const inPeriod = (d: Date) => d >= period.start && d < period.end
  const byId = new Map(submissions.map((s) => [String(s.id), s]))
  const sorted = [...reviews].sort((a, b) => a.at.getTime() - b.at.getTime())
  const history = new Map<string, ReviewFact[]>()
  for (const r of sorted)
    history.set(String(r.submission), [...(history.get(String(r.submission)) ?? []), r])

  const samples = new Map<string, { ms: number | null; late: boolean }[]>()
  const add = (step: string, ms: number | null, late: boolean) =>
    samples.set(step, [...(samples.get(step) ?? []), { ms, late }])
  const counts = { handedIn: 0, accepted: 0, returned: 0, approved: 0, declined: 0, published: 0 }
  const days = new Map<number, { handedIn: number; published: number }>()
  const day = (d: Date) => new TZDate(d.getTime(), timeZone).getDate()
  const bump = (d: Date, key: 'handedIn' | 'published') => {
    const k = day(d)
    const v = days.get(k) ?? { handedIn: 0, published: 0 }
    v[key]++
    days.set(k, v)
  }

  for (const r of sorted) {
    if (!inPeriod(r.at)) continue
    const sub = byId.get(String(r.submission))
    if (r.action === 'submit') {
      counts.handedIn++
      bump(r.at, 'handedIn')
    }
    if (r.action === 'accept') counts.accepted++
    if (r.action === 'reject' || r.action === 'return') counts.returned++
    if (r.toStatus === 'approved') counts.approved++
    if (r.action === 'decline') counts.declined++
    const step = STEPS.find((s) => s.from.includes(r.fromStatus) && s.step !== '5')
    if (!step) continue
    const before = (history.get(String(r.submission)) ?? []).filter((h) => h.at < r.at)
    const earlier = before.filter((h) => h.toStatus === r.fromStatus).at(-1)
    // As the workflow does: `submittedAt` is the latest hand-in (a resubmission restarts H+1).
    const submittedAt = before.filter((h) => h.action === 'submit').at(-1)?.at ?? null
    const start = earlier?.at ?? (step.step === '1' ? null : submittedAt)
    const due = dueAt(
      {
        status: r.fromStatus as never,
        activityDate: sub?.activityDate ?? null,
        submittedAt,
        statusChangedAt: start,
      },
      timeZone,
    )
    add(step.step, start ? r.at.getTime() - start.getTime() : null, due ? r.at > due : false)
  }
  const publishedByPlatform: Record<string, number> = {}
  for (const p of publications) {
    if (!inPeriod(p.publishedAt)) continue
    counts.published++
    bump(p.publishedAt, 'published')
    publishedByPlatform[p.platform] = (publishedByPlatform[p.platform] ?? 0) + 1
    const approval = (history.get(String(p.submission)) ?? [])
      .filter((h) => h.toStatus === 'approved' && h.at <= p.publishedAt)
      .at(-1)
    const due = dueAt(
      {
        status: 'approved',
        activityDate: byId.get(String(p.submission))?.activityDate ?? null,
        submittedAt: null,
        statusChangedAt: null,
      },
      timeZone,
    )
    add(
      '5',
      approval ? p.publishedAt.getTime() - approval.at.getTime() : null,
      due ? p.publishedAt > due : false,
    )
  }
  const steps = STEPS.map(({ step, label }) => {
    const list = samples.get(step) ?? []
    const timed = list.map((s) => s.ms).filter((ms): ms is number => ms !== null)
    return {
      step,
      label,
      count: list.length,
      averageHours: timed.length ? hours(timed.reduce((a, b) => a + b, 0) / timed.length) : null,
      worstHours: timed.length ? hours(Math.max(...timed)) : null,
      overdue: list.filter((s) => s.late).length,
    }
  })
  const total = steps.reduce((a, s) => a + s.count, 0)
  const late = steps.reduce((a, s) => a + s.overdue, 0)
  const lastDay = new TZDate(period.end.getTime() - 1, timeZone).getDate()
  const spanDays = Math.round((period.end.getTime() - period.start.getTime()) / 86_400_000)
  return {
    period: {
      start: period.start.toISOString(),
      end: period.end.toISOString(),
      label: period.label,
    },
    counts,
    publishedByPlatform,
    steps,
    overdueRate: total ? Math.round((late / total) * 1000) / 1000 : null,
    days:
      spanDays <= 31
        ? Array.from({ length: lastDay }, (_, i) => ({
            day: i + 1,
            ...(days.get(i + 1) ?? { handedIn: 0, published: 0 }),
          }))
        : [],
  }
}

/** A bar chart of the month's days (handed in, published) as a self-contained SVG. */
export function reportChartSvg(report: MonthlyReport): string {
  const W = 760
  const H = 240
  const pad = { l: 36, r: 12, t: 28, b: 30 }
  const days = report.days
  const max = Math.max(1, ...days.flatMap((d) => [d.handedIn, d.published]))
  const slot = days.length ? (W - pad.l - pad.r) / days.length : 0
  const bar = Math.max(1, slot / 2 - 1)
  const y = (v: number) => H - pad.b - (v / max) * (H - pad.t - pad.b)
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="DejaVu Sans, sans-serif" font-size="10">`,
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    `<text x="${pad.l}" y="16" font-size="12" font-weight="bold">${esc(`Per hari — ${report.period.label}`)}</text>`,
    `<rect x="${W - 230}" y="8" width="10" height="10" fill="#0b5d3b"/><text x="${W - 216}" y="17">Diserahkan</text>`,
    `<rect x="${W - 140}" y="8" width="10" height="10" fill="#f0b429"/><text x="${W - 126}" y="17">Diunggah</text>`,
    `<line x1="${pad.l}" y1="${H - pad.b}" x2="${W - pad.r}" y2="${H - pad.b}" stroke="#333"/>`,
    `<text x="${pad.l - 6}" y="${y(max) + 4}" text-anchor="end">${max}</text><text x="${pad.l - 6}" y="${H - pad.b + 4}" text-anchor="end">0</text>`,
  ]
  days.forEach((d, i) => {
    const x = pad.l + i * slot
    parts.push(
      `<rect class="handed-in" data-day="${d.day}" x="${x.toFixed(1)}" y="${y(d.handedIn).toFixed(1)}" width="${bar.toFixed(1)}" height="${(H - pad.b - y(d.handedIn)).toFixed(1)}" fill="#0b5d3b"/>`,
    )
    parts.push(
      `<rect class="published" data-day="${d.day}" x="${(x + bar + 1).toFixed(1)}" y="${y(d.published).toFixed(1)}" width="${bar.toFixed(1)}" height="${(H - pad.b - y(d.published)).toFixed(1)}" fill="#f0b429"/>`,
    )
    if (d.day === 1 || d.day % 5 === 0)
      parts.push(
        `<text x="${(x + bar).toFixed(1)}" y="${H - pad.b + 14}" text-anchor="middle">${d.day}</text>`,
      )
  })
  parts.push('</svg>')
  return parts.join('')
}
