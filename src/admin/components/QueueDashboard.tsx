'use client'
/** The dashboard's "Antrian saya": what waits for this user, and the office's counts per status. */
import { useEffect, useState } from 'react'
import { Banner } from '@payloadcms/ui'
import { actionLabels } from '../../translations/labels.js'
import { formatInZone } from '../../workflow/deadlines.js'
import type { Status } from '../../workflow/model.js'
import type { QueueView } from '../workbench.js'
import { OverdueBadge } from './OverdueBadge.js'
import { StatusBadge } from './StatusBadge.js'
import { cell, duration, getJson, panel, useAdminRoute, useApi, useText } from './shared.js'

export function QueueDashboard() {
  const { t, lang } = useText()
  const api = useApi()
  const admin = useAdminRoute()
  const [view, setView] = useState<QueueView | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    getJson<QueueView>(`${api}/sop-medsos/queue`).then(setView, (e: Error) => setError(e.message))
  }, [api])
  return (
    <section className="sop-queue" style={panel}>
      <h2 style={{ marginTop: 0 }}>{t('sopMedsos:uiMyQueue')}</h2>
      {error ? (
        <div role="alert">
          <Banner type="error">{t('sopMedsos:uiFailed', { message: error })}</Banner>
        </div>
      ) : null}
      {!view && !error ? <p>{t('sopMedsos:uiLoading')}</p> : null}
      {view && view.items.length === 0 ? (
        <p className="sop-queue-empty">{t('sopMedsos:uiQueueEmpty')}</p>
      ) : null}
      {view && view.items.length > 0 ? (
        <table style={{ width: '100%', borderCollapse: 'collapse' }}>
          <thead>
            <tr>
              <th style={cell}>{t('sopMedsos:uiTitle')}</th>
              <th style={cell}>{t('sopMedsos:uiStatus')}</th>
              <th style={cell}>{t('sopMedsos:uiRegisterNumber')}</th>
              <th style={cell}>{t('sopMedsos:uiWaited')}</th>
              <th style={cell}>{t('sopMedsos:uiDeadline')}</th>
              <th style={cell}>{t('sopMedsos:uiActions')}</th>
            </tr>
          </thead>
          <tbody>
            {view.items.map((item) => (
              <tr key={item.id} className="sop-queue-item" data-id={item.id}>
                <td style={cell}>
                  <a href={`${admin}/collections/submissions/${item.id}`}>
                    {item.title || `#${item.id}`}
                  </a>
                </td>
                <td style={cell}>
                  <StatusBadge status={item.status} />
                </td>
                <td style={cell}>{item.registerNumber ?? '-'}</td>
                <td style={cell}>{duration(t, item.since)}</td>
                <td style={cell}>
                  {formatInZone(item.dueAt, view.timeZone, lang)}{' '}
                  {item.overdue ? <OverdueBadge /> : null}
                </td>
                <td style={cell}>{item.actions.map((a) => actionLabels[a][lang]).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {view && Object.keys(view.counts).length ? (
        <div style={{ marginTop: 16 }}>
          <h3>{t('sopMedsos:uiOfficeCounts')}</h3>
          <ul
            className="sop-counts"
            style={{ display: 'flex', flexWrap: 'wrap', gap: 12, listStyle: 'none', padding: 0 }}
          >
            {(Object.entries(view.counts) as [Status, number][]).map(([status, n]) => (
              <li key={status}>
                <a href={`${admin}/collections/submissions?where[status][equals]=${status}`}>
                  <StatusBadge status={status} /> <strong>{n}</strong>
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  )
}
