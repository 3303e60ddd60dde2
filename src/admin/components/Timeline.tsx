'use client'
/** A submission's history: each review with its note, link and the PPID head's corrections. */
import { actionLabels, statusLabels } from '../../translations/labels.js'
import { formatInZone } from '../../workflow/deadlines.js'
import type { WorkbenchView } from '../workbench.js'
import { cell, useText } from './shared.js'

export function Timeline({ view }: { view: WorkbenchView }) {
  const { t, lang } = useText()
  if (!view.timeline.length) return null
  return (
    <details open className="sop-timeline" style={{ marginTop: 12 }}>
      <summary>
        <strong>{t('sopMedsos:uiTimeline')}</strong>
      </summary>
      <ol style={{ paddingLeft: 20 }}>
        {view.timeline.map((r) => (
          <li
            key={r.id}
            className="sop-timeline-item"
            data-action={r.action}
            style={{ marginBottom: 8 }}
          >
            <div>
              <strong>{actionLabels[r.action]?.[lang] ?? r.action}</strong> — {r.actorName ?? '-'}
              {r.actorJabatan ? ` (${r.actorJabatan})` : ''},{' '}
              {formatInZone(r.at, view.timeZone, lang)}
              {r.fromStatus && r.toStatus
                ? ` · ${statusLabels[r.fromStatus][lang]} → ${statusLabels[r.toStatus][lang]}`
                : ''}
            </div>
            {r.note ? (
              <blockquote
                style={{
                  margin: '4px 0',
                  paddingLeft: 8,
                  borderLeft: '3px solid var(--theme-elevation-250)',
                  whiteSpace: 'pre-wrap',
                }}
              >
                {r.note}
              </blockquote>
            ) : null}
            {r.url ? (
              <a href={r.url} target="_blank" rel="noreferrer">
                {r.url}
              </a>
            ) : null}
            {r.corrections?.length ? (
              <table
                className="sop-corrections"
                style={{ borderCollapse: 'collapse', marginTop: 4, width: '100%' }}
              >
                <caption style={{ textAlign: 'left' }}>{t('sopMedsos:uiCorrections')}</caption>
                <thead>
                  <tr>
                    <th style={cell}>{t('sopMedsos:uiField')}</th>
                    <th style={cell}>{t('sopMedsos:uiBefore')}</th>
                    <th style={cell}>{t('sopMedsos:uiAfter')}</th>
                  </tr>
                </thead>
                <tbody>
                  {r.corrections.map((c) => (
                    <tr key={c.field} data-field={c.field}>
                      <td style={cell}>{t(`sopMedsos:field_${c.field}`)}</td>
                      <td
                        style={{
                          ...cell,
                          background: 'var(--theme-error-50)',
                          whiteSpace: 'pre-wrap',
                        }}
                      >
                        <del>{c.before}</del>
                      </td>
                      <td
                        style={{
                          ...cell,
                          background: 'var(--theme-success-50)',
                          whiteSpace: 'pre-wrap',
                        }}
                      >
                        <ins>{c.after}</ins>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </li>
        ))}
      </ol>
    </details>
  )
}
