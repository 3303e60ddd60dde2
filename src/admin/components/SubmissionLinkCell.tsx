'use client'
import { useAdminRoute } from './shared.js'

/** Register list: the entry's submission as a link to its record. */
export function SubmissionLinkCell({ cellData }: { cellData?: unknown }) {
  const admin = useAdminRoute()
  const id = cellData && typeof cellData === 'object' ? (cellData as { id?: unknown }).id : cellData
  if (id == null || id === '') return <span>-</span>
  const title =
    cellData && typeof cellData === 'object' ? (cellData as { title?: string }).title : undefined
  return (
    <a
      className="sop-submission-link"
      href={`${admin}/collections/submissions/${String(id)}`}
      onClick={(e) => e.stopPropagation()}
    >
      {title ?? `#${String(id)}`}
    </a>
  )
}
