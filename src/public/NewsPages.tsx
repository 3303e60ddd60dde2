/**
 * The public pages (Indonesian): the list of published news and one news item. Server
 * components, no client JavaScript; text goes through React (escaped), the narrative is
 * the sanitised HTML from findNewsBySlug. An app mounts them under `news.path`
 * (default /berita); see src/app/(public)/ for the two route files.
 */
import type { Metadata } from 'next'
import type { Payload } from 'payload'
import type React from 'react'
import { FEED_FILES, feedUrl, formatDate, type FeedFormat } from '../news/feeds.js'
import {
  findNewsBySlug,
  findPublishedNews,
  newsSettings,
  type NewsSettings,
  type PublicNewsItem,
} from '../news/query.js'
import { publicCss } from './styles.js'

const FEED_TITLES: Record<FeedFormat, string> = { rss: 'RSS', atom: 'Atom', json: 'JSON Feed' }

function feedAlternates(
  settings: NewsSettings,
  apiRoute: string,
): NonNullable<Metadata['alternates']>['types'] {
  const types: Record<string, { url: string; title: string }[]> = {}
  for (const format of Object.keys(FEED_FILES) as FeedFormat[]) {
    const mime = FEED_FILES[format].type.split(';')[0]!
    types[mime] = [
      {
        url: feedUrl(settings, format, apiRoute),
        title: `${settings.title} (${FEED_TITLES[format]})`,
      },
    ]
  }
  return types
}

/** Page number from `?halaman=`; anything odd is page 1. */
export function pageParam(value: string | string[] | undefined): number {
  const n = Number(Array.isArray(value) ? value[0] : value)
  return Number.isInteger(n) && n >= 1 && n <= 100000 ? n : 1
}

export function Shell({ payload, children }: { payload: Payload; children: React.ReactNode }) {
  const settings = newsSettings(payload)
  const api = payload.config.routes.api
  return (
    <>
      <style>{publicCss}</style>
      <header className="site-header">
        <div className="wrap">
          <p className="site-title">
            <a href={settings.path}>{settings.title}</a>
          </p>
          <nav className="site-nav" aria-label="Umpan berita">
            {(Object.keys(FEED_FILES) as FeedFormat[]).map((f) => (
              <a key={f} href={`${api}/news/${FEED_FILES[f].file}`}>
                {FEED_TITLES[f]}
              </a>
            ))}
          </nav>
        </div>
      </header>
      {children}
      <footer className="site-footer">
        <div className="wrap">
          <span>© {settings.agencyName}</span>
          <span>Berita yang telah disetujui dan diunggah sesuai SOP PPID.</span>
        </div>
      </footer>
    </>
  )
}

export function newsListMetadata(payload: Payload): Metadata {
  const settings = newsSettings(payload)
  return {
    metadataBase: new URL(settings.siteUrl),
    title: settings.title,
    description: settings.description,
    alternates: {
      canonical: `${settings.siteUrl}${settings.path}`,
      types: feedAlternates(settings, payload.config.routes.api),
    },
    openGraph: {
      type: 'website',
      title: settings.title,
      description: settings.description,
      siteName: settings.agencyName,
      locale: 'id_ID',
      url: `${settings.siteUrl}${settings.path}`,
    },
  }
}

function Card({ item, settings }: { item: PublicNewsItem; settings: NewsSettings }) {
  const photo = item.photos[0]
  const href = `${settings.path}/${item.slug}`
  return (
    <li className="card">
      {photo ? (
        <a href={href} tabIndex={-1} aria-hidden="true">
          <img
            src={photo.thumbnail.path}
            alt={photo.alt}
            width={photo.thumbnail.width ?? undefined}
            height={photo.thumbnail.height ?? undefined}
            loading="lazy"
          />
        </a>
      ) : null}
      <div className="card-body">
        <h2>
          <a href={href}>{item.title}</a>
        </h2>
        <p className="meta">
          <time dateTime={item.activityDate ?? undefined}>
            {formatDate(item.activityDate, settings.timeZone)}
          </time>
          {item.location ? ` · ${item.location}` : ''}
        </p>
        {item.caption ? <p>{item.caption}</p> : null}
      </div>
    </li>
  )
}

export async function NewsListPage({ payload, page }: { payload: Payload; page: number }) {
  const settings = newsSettings(payload)
  const result = await findPublishedNews(payload, { page })
  const link = (n: number) => (n === 1 ? settings.path : `${settings.path}?halaman=${n}`)
  return (
    <Shell payload={payload}>
      <main className="wrap" id="konten">
        <h1>{settings.title}</h1>
        {result.items.length ? (
          <ul className="cards">
            {result.items.map((item) => (
              <Card key={item.id} item={item} settings={settings} />
            ))}
          </ul>
        ) : (
          <p className="empty">Belum ada berita{page > 1 ? ' di halaman ini' : ''}.</p>
        )}
        {result.totalPages > 1 ? (
          <nav className="pager" aria-label="Halaman">
            {result.page > 1 ? (
              <a href={link(result.page - 1)} rel="prev">
                ← Lebih baru
              </a>
            ) : (
              <span />
            )}
            <span>
              Halaman {result.page} dari {result.totalPages}
            </span>
            {result.page < result.totalPages ? (
              <a href={link(result.page + 1)} rel="next">
                Lebih lama →
              </a>
            ) : (
              <span />
            )}
          </nav>
        ) : null}
      </main>
    </Shell>
  )
}

export async function newsItemMetadata(payload: Payload, slug: string): Promise<Metadata> {
  const settings = newsSettings(payload)
  const item = await findNewsBySlug(payload, slug)
  if (!item) return { title: 'Berita tidak ditemukan', robots: { index: false } }
  const photo = item.photos[0]
  const images = photo
    ? [
        {
          url: photo.large.url,
          width: photo.large.width ?? undefined,
          height: photo.large.height ?? undefined,
          alt: photo.alt,
        },
      ]
    : []
  const description = item.caption || settings.description
  return {
    metadataBase: new URL(settings.siteUrl),
    title: `${item.title} — ${settings.agencyName}`,
    description,
    alternates: {
      canonical: item.link,
      types: feedAlternates(settings, payload.config.routes.api),
    },
    openGraph: {
      type: 'article',
      title: item.title,
      description,
      url: item.link,
      siteName: settings.agencyName,
      locale: 'id_ID',
      publishedTime: item.publishedAt,
      modifiedTime: item.updatedAt,
      images,
    },
    twitter: {
      card: photo ? 'summary_large_image' : 'summary',
      title: item.title,
      description,
      images: images.map((i) => ({ url: i.url, alt: i.alt })),
    },
  }
}

/** null when there is no published item with that slug: the route answers 404. */
export async function NewsItemPage({ payload, slug }: { payload: Payload; slug: string }) {
  const settings = newsSettings(payload)
  const item = await findNewsBySlug(payload, slug)
  if (!item) return null
  return (
    <Shell payload={payload}>
      <main className="wrap" id="konten">
        <a className="back" href={settings.path}>
          ← Semua berita
        </a>
        <article className="news">
          <h1>{item.title}</h1>
          <dl className="facts">
            <dt>Tanggal kegiatan</dt>
            <dd>
              <time dateTime={item.activityDate ?? undefined}>
                {formatDate(item.activityDate, settings.timeZone)}
              </time>
            </dd>
            {item.location ? (
              <>
                <dt>Tempat</dt>
                <dd>{item.location}</dd>
              </>
            ) : null}
            <dt>Diunggah</dt>
            <dd>
              <time dateTime={item.publishedAt}>
                {formatDate(item.publishedAt, settings.timeZone, true)}
              </time>
            </dd>
            {item.registerNumber ? (
              <>
                <dt>Nomor Register</dt>
                <dd>{item.registerNumber}</dd>
              </>
            ) : null}
          </dl>
          {item.caption ? <p className="caption">{item.caption}</p> : null}
          <div className="narrative" dangerouslySetInnerHTML={{ __html: item.narrativeHtml }} />
          {item.socialLinks.length ? (
            <p className="social">
              Lihat juga di:{' '}
              {item.socialLinks.map((l, i) => (
                <span key={i}>
                  {i ? ' · ' : ''}
                  <a href={l.url} rel="noopener noreferrer nofollow">
                    {l.label}
                  </a>
                </span>
              ))}
            </p>
          ) : null}
          {item.photos.length ? (
            <ul className="gallery" aria-label="Galeri foto">
              {item.photos.map((photo, i) => (
                <li key={i}>
                  <figure>
                    <a href={photo.original.path}>
                      <img
                        src={photo.large.path}
                        alt={photo.alt}
                        width={photo.large.width ?? undefined}
                        height={photo.large.height ?? undefined}
                        loading={i < 2 ? 'eager' : 'lazy'}
                      />
                    </a>
                    {photo.alt ? <figcaption>{photo.alt}</figcaption> : null}
                  </figure>
                </li>
              ))}
            </ul>
          ) : null}
        </article>
      </main>
    </Shell>
  )
}
