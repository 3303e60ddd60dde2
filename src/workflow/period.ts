/**
 * Report periods in the agency's time zone (WIB): a month ("2026-11"), a year ("2026")
 * or a custom range of days; always [start, end) instants. Pure.
 */
import { TZDate } from '@date-fns/tz'

export interface Period {
  start: Date
  end: Date
  /** For headings: "November 2026", "2026", "1–15 November 2026". */
  label: string
}

const MONTHS_ID = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
]

const at = (y: number, m: number, d: number, tz: string) =>
  new Date(new TZDate(y, m - 1, d, 0, 0, 0, 0, tz).getTime())

/** null when the input is not a period. */
export function parsePeriod(
  input: { period?: string | null; from?: string | null; to?: string | null },
  timeZone: string,
): Period | null {
  const p = input.period?.trim()
  let match: RegExpExecArray | null
  if (p && (match = /^(\d{4})-(\d{2})$/.exec(p))) {
    const [y, m] = [Number(match[1]), Number(match[2])]
    if (m < 1 || m > 12) return null
    return {
      start: at(y, m, 1, timeZone),
      end: m === 12 ? at(y + 1, 1, 1, timeZone) : at(y, m + 1, 1, timeZone),
      label: `${MONTHS_ID[m - 1]} ${y}`,
    }
  }
  if (p && /^\d{4}$/.test(p)) {
    const y = Number(p)
    return { start: at(y, 1, 1, timeZone), end: at(y + 1, 1, 1, timeZone), label: String(y) }
  }
  const day = /^(\d{4})-(\d{2})-(\d{2})$/
  const f = input.from ? day.exec(input.from) : null
  const t = input.to ? day.exec(input.to) : null
  if (f && t) {
    const start = at(Number(f[1]), Number(f[2]), Number(f[3]), timeZone)
    const end = at(Number(t[1]), Number(t[2]), Number(t[3]) + 1, timeZone) // the day after `to`, 00:00
    if (!(end > start)) return null
    return { start, end, label: `${input.from} – ${input.to}` }
  }
  return null
}

/** Wall-clock date and time in the zone, as "27/11/2026 09:05". */
export function formatLocal(
  date: Date | string | null | undefined,
  timeZone: string,
  withTime = true,
): string {
  if (!date) return ''
  const d = new TZDate(new Date(date).getTime(), timeZone)
  const pad = (n: number) => String(n).padStart(2, '0')
  const day = `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`
  return withTime ? `${day} ${pad(d.getHours())}:${pad(d.getMinutes())}` : day
}

/** The same wall-clock time as a UTC Date: what a spreadsheet shows as the local time. */
export function wallClock(date: Date | string, timeZone: string): Date {
  const d = new TZDate(new Date(date).getTime(), timeZone)
  return new Date(
    Date.UTC(
      d.getFullYear(),
      d.getMonth(),
      d.getDate(),
      d.getHours(),
      d.getMinutes(),
      d.getSeconds(),
    ),
  )
}
