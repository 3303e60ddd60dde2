'use client'
/** The header's bell: unread notices, polled every minute, linking to the unread list. */
import { useEffect, useState } from 'react'
import { Pill } from '@payloadcms/ui'
import { getJson, useAdminRoute, useApi, useText } from './shared.js'

export function NotificationBell() {
  const { t } = useText()
  const api = useApi()
  const admin = useAdminRoute()
  const [unread, setUnread] = useState<number | null>(null)
  useEffect(() => {
    let alive = true
    const load = () =>
      getJson<{ totalDocs: number }>(
        `${api}/notifications?where[read][equals]=false&limit=1&depth=0&select[read]=true`,
      ).then(
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
  const label = t('sopMedsos:uiUnread', { count: unread ?? 0 })
  return (
    <a
      className="sop-bell"
      href={`${admin}/collections/notifications?where[read][equals]=false`}
      title={label}
      aria-label={label}
      style={{
        display: 'inline-flex',
        alignItems: 'center',
        gap: 2,
        marginRight: 12,
        textDecoration: 'none',
      }}
    >
      <svg
        aria-hidden="true"
        width="20"
        height="20"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.73 21a2 2 0 0 1-3.46 0" />
      </svg>
      {unread ? (
        <Pill className="sop-bell-count" pillStyle="error" size="small" rounded>
          {unread}
        </Pill>
      ) : null}
    </a>
  )
}
