'use client'
import type { Status } from '../../workflow/model.js'
import { StatusBadge } from './StatusBadge.js'

/** Submissions list: the status column as a chip. */
export function StatusCell({ cellData }: { cellData?: unknown }) {
  return typeof cellData === 'string' ? <StatusBadge status={cellData as Status} /> : null
}
