/**
 * The public pages as route components: each takes the app's config promise (the
 * `@payload-config` import) and Next's route props, so an app's route file is two lines.
 */
import type { Metadata } from 'next'
import { notFound, redirect } from 'next/navigation'
import { getPayload, type SanitizedConfig } from 'payload'
import type React from 'react'
import { newsSettings } from '../news/query.js'
import {
  NewsItemPage,
  NewsListPage,
  newsItemMetadata,
  newsListMetadata,
  pageParam,
} from './NewsPages.js'

type ConfigInput = Promise<SanitizedConfig> | SanitizedConfig
type SearchParams = Promise<Record<string, string | string[] | undefined>>
type SlugParams = Promise<{ slug: string }>

/** The list of published news (`?halaman=` pages it). */
export async function NewsListRoute({
  config,
  searchParams,
}: {
  config: ConfigInput
  searchParams: SearchParams
}) {
  const payload = await getPayload({ config })
  return NewsListPage({ payload, page: pageParam((await searchParams).halaman) })
}

export async function newsListRouteMetadata(config: ConfigInput): Promise<Metadata> {
  return newsListMetadata(await getPayload({ config }))
}

/** One published news item; anything else is Next's 404. */
export async function NewsItemRoute({
  config,
  params,
}: {
  config: ConfigInput
  params: SlugParams
}) {
  const page = await NewsItemPage({
    payload: await getPayload({ config }),
    slug: (await params).slug,
  })
  if (!page) notFound()
  return page
}

export async function newsItemRouteMetadata(
  config: ConfigInput,
  params: SlugParams,
): Promise<Metadata> {
  return newsItemMetadata(await getPayload({ config }), (await params).slug)
}

/** A site whose front page is the news list: `export default () => newsHomeRedirect(config)`. */
export async function newsHomeRedirect(config: ConfigInput): Promise<never> {
  redirect(newsSettings(await getPayload({ config })).path)
}

/** The "not found" page for the news path. */
export function NewsNotFound({ listPath = '/berita' }: { listPath?: string }): React.ReactElement {
  return (
    <main
      style={{
        maxWidth: '40rem',
        margin: '3rem auto',
        padding: '0 1rem',
        fontFamily: 'system-ui, sans-serif',
      }}
    >
      <h1>Berita tidak ditemukan</h1>
      <p>Berita yang Anda cari tidak ada atau belum diterbitkan.</p>
      <p>
        <a href={listPath}>← Semua berita</a>
      </p>
    </main>
  )
}
