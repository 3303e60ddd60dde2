'use client'
import { formatInZone } from '../../workflow/deadlines.js'
import { FINAL_STATUSES } from '../../workflow/model.js'
import { OverdueBadge } from './OverdueBadge.js'
import { useText } from './shared.js'

/** Submissions list: the deadline in the office's time zone, flagged once it has passed. */
export function DueCell({
  cellData,
  rowData,
  timeZone = 'Asia/Jakarta',
}: {
  cellData?: unknown
  rowData?: Record<string, unknown>
  timeZone?: string
}) {
  const { lang } = useText()
  if (typeof cellData !== 'string') return <span>-</span>
  const overdue =
    new Date(cellData).getTime() < Date.now() &&
    !(FINAL_STATUSES as string[]).includes(String(rowData?.status))
  return (
    <span>
      {formatInZone(cellData, timeZone, lang)} {overdue ? <OverdueBadge /> : null}
    </span>
  )
}
