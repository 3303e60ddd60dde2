/**
 * SOP deadlines (Waktu column), computed in the agency's time zone (WIB by default).
 * "H" is the activity date; "H+1" means by the end of the next calendar day there.
 */
import { TZDate } from '@date-fns/tz'
import { addDays, endOfDay } from 'date-fns'
import { STATUS_FACTS, type Status } from './model.js'

export interface DeadlineInput {
  status: Status
  activityDate: Date | string | null | undefined
  /** When the field team last handed the submission in. */
  submittedAt?: Date | string | null
  /** When the submission entered its current status. */
  statusChangedAt?: Date | string | null
}

const toDate = (value: Date | string | null | undefined): Date | null => {
  if (value == null || value === '') return null
  const date = value instanceof Date ? value : new Date(value)
  return Number.isNaN(date.getTime()) ? null : date
}

/** The end (23:59:59.999) of the calendar day `days` after `instant`'s day, in `timeZone`. */
export function endOfDayAfter(instant: Date, days: number, timeZone: string): Date {
  const local = new TZDate(instant.getTime(), timeZone)
  return new Date(endOfDay(addDays(local, days)).getTime())
}

/** The calendar day (YYYY-MM-DD) of an instant in `timeZone`. */
export function localDay(instant: Date, timeZone: string): string {
  const local = new TZDate(instant.getTime(), timeZone)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`
}

/**
 * The deadline of the step a submission is in, or null when nothing is due
 * (the rule of each status is in STATUS_FACTS, model.ts).
 * - draft: by the end of day H (SOP step 1);
 * - returned: by the end of the day after it was returned (the SOP is silent; one day to fix);
 * - submitted / accepted / verified: by the end of the day after hand-in (steps 2–4, "H+1");
 * - approved / publishing / publish_failed: by the end of H+1 (step 5);
 * - published / declined: nothing due.
 */
export function dueAt(input: DeadlineInput, timeZone: string): Date | null {
  const activity = toDate(input.activityDate)
  switch (STATUS_FACTS[input.status]?.deadline) {
    case 'activityDay':
      return activity ? endOfDayAfter(activity, 0, timeZone) : null
    case 'dayAfterReturn': {
      const since = toDate(input.statusChangedAt)
      return since ? endOfDayAfter(since, 1, timeZone) : null
    }
    case 'dayAfterHandIn': {
      const handedIn = toDate(input.submittedAt)
      return handedIn ? endOfDayAfter(handedIn, 1, timeZone) : null
    }
    case 'dayAfterActivity':
      return activity ? endOfDayAfter(activity, 1, timeZone) : null
    default:
      return null
  }
}

export function isOverdue(due: Date | string | null | undefined, now: Date = new Date()): boolean {
  const date = toDate(due)
  return date !== null && now.getTime() > date.getTime()
}

const ZONE_NAMES: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
}

/** "27 Nov 2026 23.59 WIB": an instant as the office reads it (Indonesian zones by their names). */
export function formatInZone(
  value: Date | string | null | undefined,
  timeZone: string,
  lang: 'id' | 'en' = 'id',
): string {
  const date = toDate(value)
  if (!date) return '-'
  const text = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', {
    timeZone,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date)
  return `${text} ${ZONE_NAMES[timeZone] ?? timeZone}`
}
