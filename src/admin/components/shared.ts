'use client'
/**
 * What the admin components share: the plugin's words through Payload's typed
 * `useTranslation`, the API and admin routes, and a JSON GET that turns an error answer
 * into its message.
 */
import { useConfig, useTranslation } from '@payloadcms/ui'
import type { SopMedsosTranslationKeys, SopMedsosTranslations } from '../../translations/types.js'

export type Lang = 'id' | 'en'
export type T = ReturnType<typeof useText>['t']

/** `t('sopMedsos:uiMyQueue')`, typed: a key that no language file has does not compile. */
export function useText() {
  const { t, i18n } = useTranslation<SopMedsosTranslations, SopMedsosTranslationKeys>()
  const lang: Lang = i18n.language === 'en' ? 'en' : 'id'
  return { t, lang }
}

export function useApi(): string {
  const { config } = useConfig()
  return `${config.serverURL ?? ''}${config.routes.api}`
}

export function useAdminRoute(): string {
  const { config } = useConfig()
  return `${config.serverURL ?? ''}${config.routes.admin}`
}

export async function getJson<R>(url: string): Promise<R> {
  const res = await fetch(url, { credentials: 'include', headers: { Accept: 'application/json' } })
  const body = await res.json().catch(() => ({}))
  if (!res.ok) throw new Error(body?.errors?.[0]?.message ?? `HTTP ${res.status}`)
  return body as R
}

/** "3 hari", "5 jam", "12 menit" since `since`. */
export function duration(t: T, since: string | null): string {
  if (!since) return '-'
  const minutes = Math.max(0, Math.floor((Date.now() - new Date(since).getTime()) / 60000))
  if (minutes >= 1440) return t('sopMedsos:uiDays', { count: Math.floor(minutes / 1440) })
  if (minutes >= 60) return t('sopMedsos:uiHours', { count: Math.floor(minutes / 60) })
  return t('sopMedsos:uiMinutes', { count: minutes })
}

/** Layout of the plugin's panels and tables, in the admin theme's colours. */
export const panel = {
  border: '1px solid var(--theme-elevation-150)',
  borderRadius: 'var(--style-radius-m)',
  padding: 16,
  marginBottom: 24,
} as const
export const cell = {
  padding: '6px 8px',
  borderBottom: '1px solid var(--theme-elevation-100)',
  textAlign: 'left',
  verticalAlign: 'top',
} as const
