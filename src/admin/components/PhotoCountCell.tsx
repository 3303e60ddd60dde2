'use client'

/** Submissions list: how many photos are attached. */
export function PhotoCountCell({ cellData }: { cellData?: unknown }) {
  const n = Array.isArray(cellData) ? cellData.length : 0
  return <span className="sop-photo-count">{n}</span>
}
