'use client'
/**
 * The admin workbench's browser components (referenced by path through Payload's import
 * map as `payload-plugin-sop-medsos/client#Name`). They read the two workbench
 * endpoints and take actions by creating a review — the same REST call any client
 * makes — so the server's state table stays the only judge of what is allowed.
 */
import React, { useCallback, useEffect, useState } from 'react'
import { useConfig, useDocumentInfo, useFormFields, useFormModified, useTranslation } from '@payloadcms/ui'
import type { QueueView, WorkbenchAction, WorkbenchView } from './workbench.js'
import { actionLabels, publicationStatusLabels, roleLabels, statusLabels } from '../translations/index.js'
import { countCharacters } from '../workflow/text.js'
import { formatInZone } from '../workflow/deadlines.js'
import { TZDate } from '@date-fns/tz'
import { FINAL_STATUSES, STATUSES, type Status } from '../workflow/model.js'

type Lang = 'id' | 'en'
type T = (key: string, vars?: Record<string, unknown>) => string

function useText(): { t: T; lang: Lang } {
  const { t, i18n } = useTranslation()
  const lang: Lang = i18n.language === 'en' ? 'en' : 'id'
  return { t: (key, vars) => (t as unknown as T)(`sopMedsos:${key}`, vars), lang }
}

function useApi(): string {
  const { config } = useConfig()
  return `${config.serverURL ?? ''}${config.routes.api}`
}

function useAdminRoute(): string {
  const { config } = useConfig()
  return `${config.serverURL ?? ''}${config.routes.admin}`
}

async function getJson<R>(url: string): Promise<R> {
  const res = await fetch(url, { credentials: 'include', headers: { Accept: 'application/json' } })
  const body = await res.json().catch(() => ({}))
  if (!res.ok) throw new Error(body?.errors?.[0]?.message ?? `HTTP ${res.status}`)
  return body as R
}

// ---------------------------------------------------------------- small pieces

const STATUS_COLOURS: Record<Status, string> = {
  draft: 'var(--theme-elevation-400)',
  submitted: '#2563eb',
  accepted: '#0891b2',
  verified: '#7c3aed',
  approved: '#059669',
  publishing: '#d97706',
  published: '#15803d',
  returned: '#dc2626',
  declined: '#6b7280',
  publish_failed: '#b91c1c',
}

export function StatusBadge({ status }: { status: Status }) {
  const { lang } = useText()
  const label = statusLabels[status]?.[lang] ?? status
  return (
    <span
      className="sop-badge"
      data-status={status}
      style={{ background: STATUS_COLOURS[status] ?? '#6b7280', color: '#fff', borderRadius: 10, padding: '1px 8px', fontSize: 12, whiteSpace: 'nowrap' }}
    >
      {label}
    </span>
  )
}

function OverdueBadge() {
  const { t } = useText()
  return (
    <span className="sop-overdue" style={{ background: '#dc2626', color: '#fff', borderRadius: 10, padding: '1px 8px', fontSize: 12, marginLeft: 6 }}>
      {t('uiOverdue')}
    </span>
  )
}

function duration(t: T, since: string | null): string {
  if (!since) return '-'
  const minutes = Math.max(0, Math.floor((Date.now() - new Date(since).getTime()) / 60000))
  if (minutes >= 1440) return t('uiDays', { count: Math.floor(minutes / 1440) })
  if (minutes >= 60) return t('uiHours', { count: Math.floor(minutes / 60) })
  return t('uiMinutes', { count: minutes })
}

const box: React.CSSProperties = { border: '1px solid var(--theme-elevation-150)', borderRadius: 4, padding: 16, marginBottom: 24 }
const cell: React.CSSProperties = { padding: '6px 8px', borderBottom: '1px solid var(--theme-elevation-100)', textAlign: 'left', verticalAlign: 'top' }

// ---------------------------------------------------------------- dashboard: Antrian saya

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
    <section className="sop-queue" style={box}>
      <h2 style={{ marginTop: 0 }}>{t('uiMyQueue')}</h2>
      {error ? <p role="alert">{t('uiFailed', { message: error })}</p> : null}
      {!view && !error ? <p>{t('uiLoading')}</p> : null}
      {view && view.items.length === 0 ? <p className="sop-queue-empty">{t('uiQueueEmpty')}</p> : null}
      {view && view.items.length > 0 ? (
        <table style={{ width: '100%', borderCollapse: 'collapse' }}>
          <thead>
            <tr>
              <th style={cell}>{t('uiTitle')}</th>
              <th style={cell}>{t('uiStatus')}</th>
              <th style={cell}>{t('uiRegisterNumber')}</th>
              <th style={cell}>{t('uiWaited')}</th>
              <th style={cell}>{t('uiDeadline')}</th>
              <th style={cell}>{t('uiActions')}</th>
            </tr>
          </thead>
          <tbody>
            {view.items.map((item) => (
              <tr key={item.id} className="sop-queue-item" data-id={item.id}>
                <td style={cell}>
                  <a href={`${admin}/collections/submissions/${item.id}`}>{item.title || `#${item.id}`}</a>
                </td>
                <td style={cell}>
                  <StatusBadge status={item.status} />
                </td>
                <td style={cell}>{item.registerNumber ?? '-'}</td>
                <td style={cell}>{duration(t, item.since)}</td>
                <td style={cell}>
                  {formatInZone(item.dueAt, view.timeZone, lang)}
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
          <h3 style={{ fontSize: 14 }}>{t('uiOfficeCounts')}</h3>
          <ul className="sop-counts" style={{ display: 'flex', flexWrap: 'wrap', gap: 12, listStyle: 'none', padding: 0 }}>
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

// ---------------------------------------------------------------- header: notification bell

export function NotificationBell() {
  const { t } = useText()
  const api = useApi()
  const admin = useAdminRoute()
  const [unread, setUnread] = useState<number | null>(null)
  useEffect(() => {
    let alive = true
    const load = () =>
      getJson<{ totalDocs: number }>(`${api}/notifications?where[read][equals]=false&limit=1&depth=0&select[read]=true`).then(
        (r) => alive && setUnread(r.totalDocs),
        () => alive && setUnread(null),
      )
    void load()
    const timer = setInterval(load, 60_000)
    return () => {
      alive = false
      clearInterval(timer)
    }
  }, [api])
  const label = t('uiUnread', { count: unread ?? 0 })
  return (
    <a
      className="sop-bell"
      href={`${admin}/collections/notifications?where[read][equals]=false`}
      title={label}
      aria-label={label}
      style={{ position: 'relative', display: 'inline-flex', alignItems: 'center', marginRight: 12, textDecoration: 'none', fontSize: 18 }}
    >
      <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.73 21a2 2 0 0 1-3.46 0" />
      </svg>
      {unread ? (
        <span className="sop-bell-count" style={{ background: '#dc2626', color: '#fff', borderRadius: 9, fontSize: 11, padding: '0 5px', marginLeft: 2 }}>
          {unread}
        </span>
      ) : null}
    </a>
  )
}

// ---------------------------------------------------------------- edit view: the workbench

function ActionForm({ action, onDone, disabled }: { action: WorkbenchAction; onDone: () => void; disabled: boolean }) {
  const { t, lang } = useText()
  const api = useApi()
  const { id } = useDocumentInfo()
  const [open, setOpen] = useState(false)
  const [note, setNote] = useState('')
  const [target, setTarget] = useState<string>(action.targets?.[0] ? String(action.targets[0].id) : '')
  const [url, setUrl] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const asksMore = action.noteRequired || action.decision || action.action === 'confirm'
  const send = async () => {
    setBusy(true)
    setError(null)
    try {
      const res = await fetch(`${api}/reviews`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json', 'Accept-Language': lang },
        body: JSON.stringify({ submission: id, action: action.action, note: note || undefined, ...(action.action === 'confirm' ? { publication: target, url } : {}) }),
      })
      const body = await res.json().catch(() => ({}))
      if (!res.ok) throw new Error(body?.errors?.[0]?.message ?? `HTTP ${res.status}`)
      onDone()
    } catch (e) {
      setError((e as Error).message)
      setBusy(false)
    }
  }
  const negative = action.to === 'returned' || action.to === 'declined'
  const label = actionLabels[action.action][lang]
  return (
    <div className="sop-action" data-action={action.action} style={{ display: 'inline-block', marginRight: 8, marginBottom: 8, verticalAlign: 'top' }}>
      {!open ? (
        <button
          type="button"
          className={`btn btn--size-medium ${negative ? 'btn--style-secondary' : 'btn--style-primary'}`}
          data-action-button={action.action}
          data-opens-form={asksMore ? 'true' : undefined}
          disabled={disabled || busy}
          onClick={() => (asksMore ? setOpen(true) : void send())}
        >
          {label}
        </button>
      ) : (
        <div style={{ ...box, marginBottom: 0, minWidth: 320 }}>
          <strong>{label}</strong>
          {action.action === 'confirm' ? (
            <>
              <select aria-label="publication" value={target} onChange={(e) => setTarget(e.target.value)} style={{ display: 'block', margin: '8px 0' }}>
                {action.targets?.map((p) => (
                  <option key={p.id} value={String(p.id)}>
                    {p.label ?? p.platform} — {publicationStatusLabels[p.status as keyof typeof publicationStatusLabels]?.[lang] ?? p.status}
                  </option>
                ))}
              </select>
              <input aria-label={t('uiPostUrl')} placeholder={t('uiPostUrl')} value={url} onChange={(e) => setUrl(e.target.value)} style={{ display: 'block', width: '100%', marginBottom: 8 }} />
            </>
          ) : null}
          <label style={{ display: 'block', margin: '8px 0 4px' }}>
            {action.noteRequired ? t('uiNoteRequired') : t('uiNote')}
            <textarea
              name={`note-${action.action}`}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              rows={4}
              required={action.noteRequired}
              style={{ display: 'block', width: '100%', marginTop: 4 }}
            />
          </label>
          {error ? (
            <p role="alert" className="sop-action-error" style={{ color: '#dc2626' }}>
              {error}
            </p>
          ) : null}
          <button type="button" className="btn btn--size-small btn--style-primary" data-send={action.action} disabled={busy || (action.noteRequired && !note.trim())} onClick={() => void send()}>
            {t('uiSend')}
          </button>{' '}
          <button type="button" className="btn btn--size-small btn--style-secondary" disabled={busy} onClick={() => setOpen(false)}>
            {t('uiCancel')}
          </button>
        </div>
      )}
      {!open && error ? (
        <p role="alert" className="sop-action-error" style={{ color: '#dc2626' }}>
          {error}
        </p>
      ) : null}
    </div>
  )
}

export function WorkbenchField() {
  const { t, lang } = useText()
  const api = useApi()
  const { id } = useDocumentInfo()
  const modified = useFormModified()
  const [view, setView] = useState<WorkbenchView | null>(null)
  const [error, setError] = useState<string | null>(null)
  const load = useCallback(() => {
    if (id == null) return
    getJson<WorkbenchView>(`${api}/sop-medsos/workbench/${id}`).then(setView, (e: Error) => setError(e.message))
  }, [api, id])
  useEffect(load, [load])
  if (id == null) return null
  if (error) return <p role="alert">{t('uiFailed', { message: error })}</p>
  if (!view) return <p>{t('uiLoading')}</p>
  // A taken action changes the status and the fields' access: reload the whole document.
  const done = () => window.location.reload()
  return (
    <section className="sop-workbench" data-status={view.status} style={box}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, alignItems: 'center', marginBottom: 12 }}>
        <StatusBadge status={view.status} />
        <span>
          {t('uiRegisterNumber')}: <strong className="sop-register-number">{view.registerNumber ?? '-'}</strong>
        </span>
        {view.dueAt ? (
          <span className="sop-deadline">
            {t('uiDeadline')}: {formatInZone(view.dueAt, view.timeZone, lang)}
            {view.overdue ? <OverdueBadge /> : null}
          </span>
        ) : null}
        {view.waitingOn.length ? <span>{t('uiWaitingOn', { roles: view.waitingOn.map((r) => roleLabels[r][lang]).join(', ') })}</span> : null}
        {view.approvalSheetUrl ? (
          <a href={view.approvalSheetUrl} target="_blank" rel="noreferrer">
            {t('uiApprovalSheet')}
          </a>
        ) : null}
      </div>
      <div className="sop-actions">
        {view.actions.length === 0 ? <p className="sop-no-actions">{t('uiNoActions')}</p> : null}
        {view.actions.length > 0 && modified ? <p role="status">{t('uiSaveFirst')}</p> : null}
        {view.actions.map((a) => (
          <ActionForm key={a.action} action={a} onDone={done} disabled={modified} />
        ))}
      </div>
      {view.timeline.length ? (
        <details open className="sop-timeline" style={{ marginTop: 12 }}>
          <summary>
            <strong>{t('uiTimeline')}</strong>
          </summary>
          <ol style={{ paddingLeft: 20 }}>
            {view.timeline.map((r) => (
              <li key={r.id} className="sop-timeline-item" data-action={r.action} style={{ marginBottom: 8 }}>
                <div>
                  <strong>{actionLabels[r.action]?.[lang] ?? r.action}</strong> — {r.actorName ?? '-'}
                  {r.actorJabatan ? ` (${r.actorJabatan})` : ''}, {formatInZone(r.at, view.timeZone, lang)}
                  {r.fromStatus && r.toStatus ? ` · ${statusLabels[r.fromStatus][lang]} → ${statusLabels[r.toStatus][lang]}` : ''}
                </div>
                {r.note ? <blockquote style={{ margin: '4px 0', paddingLeft: 8, borderLeft: '3px solid var(--theme-elevation-250)', whiteSpace: 'pre-wrap' }}>{r.note}</blockquote> : null}
                {r.url ? (
                  <a href={r.url} target="_blank" rel="noreferrer">
                    {r.url}
                  </a>
                ) : null}
                {r.corrections?.length ? (
                  <table className="sop-corrections" style={{ borderCollapse: 'collapse', marginTop: 4, width: '100%' }}>
                    <caption style={{ textAlign: 'left' }}>{t('uiCorrections')}</caption>
                    <thead>
                      <tr>
                        <th style={cell}>{t('uiField')}</th>
                        <th style={cell}>{t('uiBefore')}</th>
                        <th style={cell}>{t('uiAfter')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {r.corrections.map((c) => (
                        <tr key={c.field} data-field={c.field}>
                          <td style={cell}>{t(`field_${c.field}`)}</td>
                          <td style={{ ...cell, background: 'rgba(220,38,38,.08)', whiteSpace: 'pre-wrap' }}>
                            <del>{c.before}</del>
                          </td>
                          <td style={{ ...cell, background: 'rgba(22,163,74,.08)', whiteSpace: 'pre-wrap' }}>
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
      ) : null}
      {view.publications.length ? (
        <div className="sop-publications">
          <strong>{t('uiPublications')}</strong>
          <ul>
            {view.publications.map((p) => (
              <li key={p.id} data-platform={p.platform} data-status={p.status}>
                {p.label ?? p.platform}: {publicationStatusLabels[p.status as keyof typeof publicationStatusLabels]?.[lang] ?? p.status}
                {p.permalink ? (
                  <>
                    {' '}
                    —{' '}
                    <a href={p.permalink} target="_blank" rel="noreferrer">
                      {p.permalink}
                    </a>
                  </>
                ) : null}
                {p.errorMessage ? <div style={{ color: '#b91c1c' }}>{lang === 'en' ? (p.errorMessageEn ?? p.errorMessage) : p.errorMessage}</div> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  )
}

// ---------------------------------------------------------------- list view cells and filters

export function StatusCell({ cellData }: { cellData?: unknown }) {
  return typeof cellData === 'string' ? <StatusBadge status={cellData as Status} /> : null
}

export function DueCell({ cellData, rowData, timeZone = 'Asia/Jakarta' }: { cellData?: unknown; rowData?: Record<string, unknown>; timeZone?: string }) {
  const { lang } = useText()
  if (typeof cellData !== 'string') return <span>-</span>
  const overdue = new Date(cellData).getTime() < Date.now() && !(FINAL_STATUSES as string[]).includes(String(rowData?.status))
  return (
    <span>
      {formatInZone(cellData, timeZone, lang)}
      {overdue ? <OverdueBadge /> : null}
    </span>
  )
}

export function PhotoCountCell({ cellData }: { cellData?: unknown }) {
  const n = Array.isArray(cellData) ? cellData.length : 0
  return <span className="sop-photo-count">{n}</span>
}

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
  const mine = statuses?.length ? `${base}?${statuses.map((s, i) => `where[status][in][${i}]=${s}`).join('&')}` : null
  return (
    <nav className="sop-list-filters" style={{ display: 'flex', gap: 12, margin: '8px 0 16px', flexWrap: 'wrap', alignItems: 'center' }}>
      <a href={base}>{t('uiAll')}</a>
      {mine ? (
        <a href={mine} className="sop-filter-mine">
          {t('uiWaitingForMe')}
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

// ---------------------------------------------------------------- form helpers: counters

/** Characters left, counted as the server counts them (grapheme clusters). `max` comes from the plugin option. */
export function CaptionCounter({ path, max = 200 }: { path?: string; max?: number }) {
  const { t } = useText()
  const value = useFormFields(([fields]) => fields[path ?? 'caption']?.value)
  const used = countCharacters(typeof value === 'string' ? value : '')
  const left = max - used
  return (
    <div className="sop-caption-counter" data-left={left} style={{ color: left < 0 ? '#dc2626' : 'var(--theme-elevation-500)', fontSize: 12 }}>
      {left >= 0 ? t('uiCaptionLeft', { left, max }) : t('uiCaptionOver', { over: -left, max })}
    </div>
  )
}

export function PhotosHint({ path, min = 4 }: { path?: string; min?: number }) {
  const { t } = useText()
  const value = useFormFields(([fields]) => fields[path ?? 'photos']?.value)
  const count = Array.isArray(value) ? value.length : 0
  return (
    <div className="sop-photo-hint" data-count={count} style={{ color: count < min ? '#b45309' : '#15803d', fontSize: 12 }}>
      {t('uiPhotoCount', { count, min })}
    </div>
  )
}

// ---------------------------------------------------------------- register: period, exports, report

/** The first instant of a month (YYYY-MM) and of the next one, in the office's time zone. */
function monthRange(month: string, timeZone: string): { from: string; to: string } | null {
  const m = /^(\d{4})-(\d{2})$/.exec(month)
  if (!m) return null
  const [y, mo] = [Number(m[1]), Number(m[2])]
  return { from: new TZDate(y, mo - 1, 1, timeZone).toISOString(), to: new TZDate(y, mo, 1, timeZone).toISOString() }
}

export function RegisterTools({ timeZone = 'Asia/Jakarta' }: { timeZone?: string }) {
  const { t } = useText()
  const api = useApi()
  const admin = useAdminRoute()
  const now = new TZDate(Date.now(), timeZone)
  const [month, setMonth] = useState(`${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`)
  const [kind, setKind] = useState('')
  const range = monthRange(month, timeZone)
  const kindQuery = kind ? `&kind=${kind}` : ''
  const listUrl = range
    ? `${admin}/collections/register?where[and][0][at][greater_than_equal]=${encodeURIComponent(range.from)}&where[and][1][at][less_than]=${encodeURIComponent(range.to)}${kind ? `&where[and][2][kind][equals]=${kind}` : ''}`
    : null
  const link = (format: string) => `${api}/register/export?format=${format}&period=${month}${kindQuery}`
  return (
    <section className="sop-register-tools" style={{ ...box, display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center' }}>
      <strong>{t('uiRegisterTools')}</strong>
      <label>
        {t('uiPeriod')}{' '}
        <input type="month" name="period" value={month} onChange={(e) => setMonth(e.target.value)} />
      </label>
      <select name="kind" aria-label="kind" value={kind} onChange={(e) => setKind(e.target.value)}>
        <option value="">{t('uiAll')}</option>
        <option value="documentation">Dokumentasi / Documentation</option>
        <option value="content">Konten / Content</option>
      </select>
      {listUrl ? <a href={listUrl} className="sop-register-filter">{t('uiPeriod')} ↵</a> : null}
      <a href={link('csv')} download>CSV</a>
      <a href={link('xlsx')} download>XLSX</a>
      <a href={link('pdf')} target="_blank" rel="noreferrer">PDF</a>
      <a href={`${api}/register/report?format=pdf&period=${month}`} target="_blank" rel="noreferrer">
        {t('uiReport')}
      </a>
    </section>
  )
}

/** Register list: the entry's submission as a link to its record. */
export function SubmissionLinkCell({ cellData }: { cellData?: unknown }) {
  const admin = useAdminRoute()
  const id = cellData && typeof cellData === 'object' ? (cellData as { id?: unknown }).id : cellData
  if (id == null || id === '') return <span>-</span>
  const title = cellData && typeof cellData === 'object' ? (cellData as { title?: string }).title : undefined
  return (
    <a className="sop-submission-link" href={`${admin}/collections/submissions/${String(id)}`} onClick={(e) => e.stopPropagation()}>
      {title ?? `#${String(id)}`}
    </a>
  )
}
