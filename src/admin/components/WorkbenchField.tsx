'use client'
/**
 * The submission's workbench (a UI field of its edit view): status, register number,
 * deadline, who it waits on, the actions this user may take, the history and the posts.
 * It reads the workbench endpoint; actions go through `ActionForm`.
 */
import { useCallback, useEffect, useState } from 'react'
import { Banner, toast, useDocumentInfo, useFormModified } from '@payloadcms/ui'
import { publicationStatusLabels, roleLabels } from '../../translations/labels.js'
import { formatInZone } from '../../workflow/deadlines.js'
import type { WorkbenchView } from '../workbench.js'
import { ActionForm } from './ActionForm.js'
import { OverdueBadge } from './OverdueBadge.js'
import { StatusBadge } from './StatusBadge.js'
import { Timeline } from './Timeline.js'
import { getJson, panel, useApi, useText } from './shared.js'

/** The action just taken, kept over the reload that follows it (see `done`). */
const DONE_KEY = 'sop-medsos.actionDone'

export function WorkbenchField() {
  const { t, lang } = useText()
  const api = useApi()
  const { id } = useDocumentInfo()
  const modified = useFormModified()
  const [view, setView] = useState<WorkbenchView | null>(null)
  const [error, setError] = useState<string | null>(null)
  const load = useCallback(() => {
    if (id == null) return
    getJson<WorkbenchView>(`${api}/sop-medsos/workbench/${id}`).then(setView, (e: Error) =>
      setError(e.message),
    )
  }, [api, id])
  useEffect(load, [load])
  useEffect(() => {
    try {
      const action = sessionStorage.getItem(DONE_KEY)
      if (action === null) return
      sessionStorage.removeItem(DONE_KEY)
      toast.success(t('sopMedsos:uiActionDone', { action }))
    } catch {
      // No session storage (private mode): the new status says it as well.
    }
  }, [t])
  if (id == null) return null
  if (error)
    return (
      <div role="alert">
        <Banner type="error">{t('sopMedsos:uiFailed', { message: error })}</Banner>
      </div>
    )
  if (!view) return <p>{t('sopMedsos:uiLoading')}</p>
  // A taken action changes the status and the fields' access: reload the whole document,
  // and say what was done once it is back.
  const done = (label: string) => {
    try {
      sessionStorage.setItem(DONE_KEY, label)
    } catch {
      // Nothing to keep it in: the reload alone shows the new status.
    }
    window.location.reload()
  }
  return (
    <section className="sop-workbench" data-status={view.status} style={panel}>
      <div
        style={{
          display: 'flex',
          flexWrap: 'wrap',
          gap: 16,
          alignItems: 'center',
          marginBottom: 12,
        }}
      >
        <StatusBadge status={view.status} />
        <span>
          {t('sopMedsos:uiRegisterNumber')}:{' '}
          <strong className="sop-register-number">{view.registerNumber ?? '-'}</strong>
        </span>
        {view.dueAt ? (
          <span className="sop-deadline">
            {t('sopMedsos:uiDeadline')}: {formatInZone(view.dueAt, view.timeZone, lang)}{' '}
            {view.overdue ? <OverdueBadge /> : null}
          </span>
        ) : null}
        {view.waitingOn.length ? (
          <span>
            {t('sopMedsos:uiWaitingOn', {
              roles: view.waitingOn.map((r) => roleLabels[r][lang]).join(', '),
            })}
          </span>
        ) : null}
        {view.approvalSheetUrl ? (
          <a href={view.approvalSheetUrl} target="_blank" rel="noreferrer">
            {t('sopMedsos:uiApprovalSheet')}
          </a>
        ) : null}
      </div>
      <div className="sop-actions">
        {view.actions.length === 0 ? (
          <Banner className="sop-no-actions">{t('sopMedsos:uiNoActions')}</Banner>
        ) : null}
        {view.actions.length > 0 && modified ? (
          <div role="status">
            <Banner type="info">{t('sopMedsos:uiSaveFirst')}</Banner>
          </div>
        ) : null}
        {view.actions.map((a) => (
          <ActionForm key={a.action} action={a} onDone={done} disabled={modified} />
        ))}
      </div>
      <Timeline view={view} />
      {view.publications.length ? (
        <div className="sop-publications">
          <strong>{t('sopMedsos:uiPublications')}</strong>
          <ul>
            {view.publications.map((p) => (
              <li key={p.id} data-platform={p.platform} data-status={p.status}>
                {p.label ?? p.platform}:{' '}
                {publicationStatusLabels[p.status as keyof typeof publicationStatusLabels]?.[
                  lang
                ] ?? p.status}
                {p.permalink ? (
                  <>
                    {' '}
                    —{' '}
                    <a href={p.permalink} target="_blank" rel="noreferrer">
                      {p.permalink}
                    </a>
                  </>
                ) : null}
                {p.errorMessage ? <Banner type="error">{p.errorMessage}</Banner> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  )
}
