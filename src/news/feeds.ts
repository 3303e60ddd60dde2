/**
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1 of the published news, built with the `feed`
 * package. Titles and captions are escaped before they go in: RSS readers and Atom
 * (`type="html"`) treat those elements as HTML, so `<script>` must arrive as text.
 */
import { Feed } from 'feed'
import { escapeHtml, sanitize } from './html.js'
import { stripXmlInvalid } from '../workflow/text.js'
import type { NewsSettings, PublicNewsItem } from './query.js'

export type FeedFormat = 'rss' | 'atom' | 'json'

export const FEED_FILES: Record<FeedFormat, { file: string; type: string }> = {
  rss: { file: 'rss.xml', type: 'application/rss+xml; charset=utf-8' },
  atom: { file: 'atom.xml', type: 'application/atom+xml; charset=utf-8' },
  json: { file: 'feed.json', type: 'application/feed+json; charset=utf-8' },
}

/** Where the feeds are served, relative to the site (Payload's `/api` route). */
export function feedUrl(settings: NewsSettings, format: FeedFormat, apiRoute = '/api'): string {
  return `${settings.siteUrl}${apiRoute}/news/${FEED_FILES[format].file}`
}

export function formatDate(value: string | null, timeZone: string, withTime = false): string {
  if (!value) return ''
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return ''
  return (
    new Intl.DateTimeFormat('id-ID', {
      timeZone,
      dateStyle: 'long',
      ...(withTime ? { timeStyle: 'short' } : {}),
    }).format(date) + (withTime ? ' WIB' : '')
  )
}

/** The item's HTML body: facts line, the narrative, every photo. Sanitised as a whole. */
function itemHtml(item: PublicNewsItem, settings: NewsSettings): string {
  const facts = [
    item.activityDate
      ? `<strong>Tanggal kegiatan:</strong> ${escapeHtml(formatDate(item.activityDate, settings.timeZone))}`
      : '',
    item.location ? `<strong>Tempat:</strong> ${escapeHtml(item.location)}` : '',
    item.registerNumber
      ? `<strong>Nomor Register:</strong> ${escapeHtml(item.registerNumber)}`
      : '',
  ].filter(Boolean)
  const photos = item.photos.map(
    (p) =>
      `<figure><img src="${escapeHtml(p.large.url)}" alt="${escapeHtml(p.alt)}"` +
      (p.large.width ? ` width="${p.large.width}"` : '') +
      (p.large.height ? ` height="${p.large.height}"` : '') +
      `>${p.alt ? `<figcaption>${escapeHtml(p.alt)}</figcaption>` : ''}</figure>`,
  )
  return sanitize(
    [
      facts.length ? `<p>${facts.join('<br>')}</p>` : '',
      item.caption ? `<p><em>${escapeHtml(item.caption)}</em></p>` : '',
      item.narrativeHtml,
      ...photos,
    ].join('\n'),
  )
}

export function buildFeed(
  items: PublicNewsItem[],
  settings: NewsSettings,
  apiRoute = '/api',
): Feed {
  const updated = items.reduce<Date | undefined>((max, i) => {
    const d = new Date(i.updatedAt)
    return !max || d > max ? d : max
  }, undefined)
  const feed = new Feed({
    id: `${settings.siteUrl}${settings.path}`,
    link: `${settings.siteUrl}${settings.path}`,
    title: settings.title,
    description: settings.description,
    language: settings.language,
    copyright: settings.agencyName,
    updated: updated ?? new Date(0),
    generator: 'payload-plugin-sop-medsos',
    author: { name: settings.agencyName, link: settings.siteUrl },
    feedLinks: {
      rss: feedUrl(settings, 'rss', apiRoute),
      atom: feedUrl(settings, 'atom', apiRoute),
      json: feedUrl(settings, 'json', apiRoute),
    },
  })
  for (const item of items) {
    const first = item.photos[0]
    feed.addItem({
      id: item.link,
      link: item.link,
      title: escapeHtml(item.title),
      description: escapeHtml(item.caption),
      content: itemHtml(item, settings),
      date: new Date(item.updatedAt),
      published: new Date(item.publishedAt),
      author: [{ name: settings.agencyName, link: settings.siteUrl }],
      ...(first
        ? {
            image: {
              url: first.large.url,
              type: first.large.mimeType ?? 'image/jpeg',
              length: first.large.filesize ?? 0,
            },
          }
        : {}),
      extensions: [
        {
          name: '_ppid',
          objects: {
            activity_date: item.activityDate,
            location: item.location || null,
            register_number: item.registerNumber || null,
          },
        },
      ],
    })
  }
  return feed
}

/**
 * JSON Feed 1.1 from the package's 1.0 output: version, `language`, `authors`; `title`
 * and `summary` are plain text in JSON Feed, so they get the unescaped values.
 */
function jsonFeed11(feed: Feed, items: PublicNewsItem[], settings: NewsSettings): string {
  const doc = JSON.parse(feed.json1()) as Record<string, unknown> & {
    items: Record<string, unknown>[]
  }
  const author = { name: settings.agencyName, url: settings.siteUrl }
  doc.version = 'https://jsonfeed.org/version/1.1'
  doc.language = settings.language
  doc.authors = [author]
  delete doc.author
  doc.items = doc.items.map((entry, i) => {
    const item = items[i]!
    const { author: _old, ...rest } = entry
    return {
      ...rest,
      title: item.title,
      summary: item.caption || undefined,
      authors: [author],
      attachments: item.photos.map((p) => ({
        url: p.large.url,
        mime_type: p.large.mimeType ?? 'image/jpeg',
        ...(p.large.filesize ? { size_in_bytes: p.large.filesize } : {}),
      })),
    }
  })
  return JSON.stringify(doc, null, 2)
}

export function renderFeed(
  format: FeedFormat,
  items: PublicNewsItem[],
  settings: NewsSettings,
  apiRoute = '/api',
): string {
  const feed = buildFeed(items, settings, apiRoute)
  // Text stored before control characters were refused must not make the XML invalid.
  if (format === 'rss') return stripXmlInvalid(feed.rss2())
  if (format === 'atom') return stripXmlInvalid(feed.atom1())
  return jsonFeed11(feed, items, settings)
}
