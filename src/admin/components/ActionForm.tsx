'use client'
/**
 * One action of the workbench: a button, and for actions that need more (a written
 * response, a decision, a post URL) a small form. Taking it creates a review, the same
 * REST call any client makes, so the server's state table stays the only judge.
 */
import { useState } from 'react'
import { Banner, Button, useDocumentInfo } from '@payloadcms/ui'
import { actionLabels, publicationStatusLabels } from '../../translations/labels.js'
import type { WorkbenchAction } from '../workbench.js'
import { panel, useApi, useText } from './shared.js'

export function ActionForm({
  action,
  onDone,
  disabled,
}: {
  action: WorkbenchAction
  onDone: (label: string) => void
  disabled: boolean
}) {
  const { t, lang } = useText()
  const api = useApi()
  const { id } = useDocumentInfo()
  const [open, setOpen] = useState(false)
  const [note, setNote] = useState('')
  const [target, setTarget] = useState<string>(
    action.targets?.[0] ? String(action.targets[0].id) : '',
  )
  const [url, setUrl] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const asksMore = action.noteRequired || action.decision || action.action === 'confirm'
  const label = actionLabels[action.action][lang]
  const send = async () => {
    setBusy(true)
    setError(null)
    try {
      const res = await fetch(`${api}/reviews`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json', 'Accept-Language': lang },
        body: JSON.stringify({
          submission: id,
          action: action.action,
          note: note || undefined,
          ...(action.action === 'confirm' ? { publication: target, url } : {}),
        }),
      })
      const body = await res.json().catch(() => ({}))
      if (!res.ok) throw new Error(body?.errors?.[0]?.message ?? `HTTP ${res.status}`)
      onDone(label)
    } catch (e) {
      setError((e as Error).message)
      setBusy(false)
    }
  }
  const negative = action.to === 'returned' || action.to === 'declined'
  // The server's refusal, in the reader's language, next to what was refused.
  const refusal = error ? (
    <div role="alert" className="sop-action-error">
      <Banner type="error">{error}</Banner>
    </div>
  ) : null
  return (
    <div
      className="sop-action"
      data-action={action.action}
      style={{ display: 'inline-block', marginRight: 8, verticalAlign: 'top' }}
    >
      {!open ? (
        <Button
          buttonStyle={negative ? 'secondary' : 'primary'}
          disabled={disabled || busy}
          extraButtonProps={{
            'data-action-button': action.action,
            'data-opens-form': asksMore ? 'true' : undefined,
          }}
          onClick={() => (asksMore ? setOpen(true) : void send())}
        >
          {label}
        </Button>
      ) : (
        <div style={{ ...panel, marginBottom: 0, minWidth: 320 }}>
          <strong>{label}</strong>
          {action.action === 'confirm' ? (
            <>
              <select
                aria-label="publication"
                value={target}
                onChange={(e) => setTarget(e.target.value)}
                style={{ display: 'block', margin: '8px 0' }}
              >
                {action.targets?.map((p) => (
                  <option key={p.id} value={String(p.id)}>
                    {p.label ?? p.platform} —{' '}
                    {publicationStatusLabels[p.status as keyof typeof publicationStatusLabels]?.[
                      lang
                    ] ?? p.status}
                  </option>
                ))}
              </select>
              <input
                aria-label={t('sopMedsos:uiPostUrl')}
                placeholder={t('sopMedsos:uiPostUrl')}
                value={url}
                onChange={(e) => setUrl(e.target.value)}
                style={{ display: 'block', width: '100%', marginBottom: 8 }}
              />
            </>
          ) : null}
          <label style={{ display: 'block', margin: '8px 0 4px' }}>
            {action.noteRequired ? t('sopMedsos:uiNoteRequired') : t('sopMedsos:uiNote')}
            <textarea
              name={`note-${action.action}`}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              rows={4}
              required={action.noteRequired}
              style={{ display: 'block', width: '100%', marginTop: 4 }}
            />
          </label>
          {refusal}
          <Button
            size="small"
            disabled={busy || (action.noteRequired && !note.trim())}
            extraButtonProps={{ 'data-send': action.action }}
            onClick={() => void send()}
          >
            {t('sopMedsos:uiSend')}
          </Button>{' '}
          <Button
            size="small"
            buttonStyle="secondary"
            disabled={busy}
            onClick={() => setOpen(false)}
          >
            {t('sopMedsos:uiCancel')}
          </Button>
        </div>
      )}
      {!open ? refusal : null}
    </div>
  )
}
