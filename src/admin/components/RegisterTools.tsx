'use client'
/** Above the register list: pick a month (and a kind), then list, export or print it. */
import { useState } from 'react'
import { TZDate } from '@date-fns/tz'
import { Button } from '@payloadcms/ui'
import { panel, useAdminRoute, useApi, useText } from './shared.js'

/** The first instant of a month (YYYY-MM) and of the next one, in the office's time zone. */
function monthRange(month: string, timeZone: string): { from: string; to: string } | null {
  const m = /^(\d{4})-(\d{2})$/.exec(month)
  if (!m) return null
  const [y, mo] = [Number(m[1]), Number(m[2])]
  return {
    from: new TZDate(y, mo - 1, 1, timeZone).toISOString(),
    to: new TZDate(y, mo, 1, timeZone).toISOString(),
  }
}

export function RegisterTools({ timeZone = 'Asia/Jakarta' }: { timeZone?: string }) {
  const { t } = useText()
  const api = useApi()
  const admin = useAdminRoute()
  const now = new TZDate(Date.now(), timeZone)
  const [month, setMonth] = useState(
    `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`,
  )
  const [kind, setKind] = useState('')
  const range = monthRange(month, timeZone)
  const kindQuery = kind ? `&kind=${kind}` : ''
  const listUrl = range
    ? `${admin}/collections/register?where[and][0][at][greater_than_equal]=${encodeURIComponent(range.from)}&where[and][1][at][less_than]=${encodeURIComponent(range.to)}${kind ? `&where[and][2][kind][equals]=${kind}` : ''}`
    : null
  const link = (format: string) =>
    `${api}/register/export?format=${format}&period=${month}${kindQuery}`
  const download = (format: string, label: string) => (
    <Button
      el="anchor"
      url={link(format)}
      buttonStyle="secondary"
      size="small"
      margin={false}
      extraButtonProps={{ download: true }}
    >
      {label}
    </Button>
  )
  return (
    <section
      className="sop-register-tools"
      style={{ ...panel, display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center' }}
    >
      <strong>{t('sopMedsos:uiRegisterTools')}</strong>
      <label>
        {t('sopMedsos:uiPeriod')}{' '}
        <input
          type="month"
          name="period"
          value={month}
          onChange={(e) => setMonth(e.target.value)}
        />
      </label>
      <select name="kind" aria-label="kind" value={kind} onChange={(e) => setKind(e.target.value)}>
        <option value="">{t('sopMedsos:uiAll')}</option>
        <option value="documentation">Dokumentasi / Documentation</option>
        <option value="content">Konten / Content</option>
      </select>
      {listUrl ? (
        <a href={listUrl} className="sop-register-filter">
          {t('sopMedsos:uiPeriod')} ↵
        </a>
      ) : null}
      {download('csv', 'CSV')}
      {download('xlsx', 'XLSX')}
      <Button
        el="anchor"
        url={link('pdf')}
        newTab
        buttonStyle="secondary"
        size="small"
        margin={false}
      >
        PDF
      </Button>
      <Button
        el="anchor"
        url={`${api}/register/report?format=pdf&period=${month}`}
        newTab
        buttonStyle="secondary"
        size="small"
        margin={false}
      >
        {t('sopMedsos:uiReport')}
      </Button>
    </section>
  )
}
