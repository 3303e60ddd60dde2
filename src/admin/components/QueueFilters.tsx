'use client'
/** Above the submissions list: all, what waits for me, and one link per status. */
import { useEffect, useState } from 'react'
import { STATUSES, type Status } from '../../workflow/model.js'
import type { QueueView } from '../workbench.js'
import { StatusBadge } from './StatusBadge.js'
import { getJson, useAdminRoute, useApi, useText } from './shared.js'

export function QueueFilters() {
  const { t } = useText()
  const admin = useAdminRoute()
  const api = useApi()
  const [statuses, setStatuses] = useState<Status[] | null>(null)
  useEffect(() => {
    getJson<QueueView>(`${api}/sop-medsos/queue?counts=false`).then(
      (v) => setStatuses([...new Set(v.items.map((i) => i.status))]),
      () => setStatuses([]),
    )
  }, [api])
  const base = `${admin}/collections/submissions`
  const mine = statuses?.length
    ? `${base}?${statuses.map((s, i) => `where[status][in][${i}]=${s}`).join('&')}`
    : null
  return (
    <nav
      className="sop-list-filters"
      style={{
        display: 'flex',
        gap: 12,
        margin: '8px 0 16px',
        flexWrap: 'wrap',
        alignItems: 'center',
      }}
    >
      <a href={base}>{t('sopMedsos:uiAll')}</a>
      {mine ? (
        <a href={mine} className="sop-filter-mine">
          {t('sopMedsos:uiWaitingForMe')}
        </a>
      ) : null}
      {STATUSES.map((s) => (
        <a key={s} href={`${base}?where[status][equals]=${s}`}>
          <StatusBadge status={s} />
        </a>
      ))}
    </nav>
  )
}
