/**
 * GET /api/news/rss.xml, /api/news/atom.xml, /api/news/feed.json. Public on purpose
 * (no req.user check): they read only what findPublishedNews returns. Conditional GET
 * with a strong ETag (SHA-256 of the body) and Last-Modified.
 */
import { createHash } from 'node:crypto'
import type { Endpoint, PayloadHandler } from 'payload'
import { FEED_FILES, renderFeed, type FeedFormat } from './feeds.js'
import { findPublishedNews, newsSettings } from './query.js'

function notModified(headers: Headers, etag: string, lastModified: Date | null): boolean {
  const inm = headers.get('if-none-match')
  if (inm) {
    return inm
      .split(',')
      .map((t) => t.trim().replace(/^W\//, ''))
      .some((t) => t === '*' || t === etag)
  }
  const ims = headers.get('if-modified-since')
  if (ims && lastModified) {
    const since = Date.parse(ims)
    // HTTP dates have whole seconds.
    if (!Number.isNaN(since)) return Math.floor(lastModified.getTime() / 1000) * 1000 <= since
  }
  return false
}

function feedHandler(format: FeedFormat): PayloadHandler {
  return async (req) => {
    const settings = newsSettings(req.payload)
    const { items } = await findPublishedNews(req.payload, {
      limit: settings.feedSize,
      count: false,
    })
    const body = renderFeed(format, items, settings, req.payload.config.routes.api)
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`
    const newest = items.reduce<number>((max, i) => Math.max(max, Date.parse(i.updatedAt) || 0), 0)
    const lastModified = newest ? new Date(newest) : null
    const headers = new Headers({
      ETag: etag,
      'Cache-Control': `public, max-age=${settings.maxAge}, stale-while-revalidate=${settings.maxAge}`,
      Vary: 'Accept-Encoding',
      'X-Content-Type-Options': 'nosniff',
    })
    if (lastModified) headers.set('Last-Modified', lastModified.toUTCString())
    if (notModified(req.headers, etag, lastModified))
      return new Response(null, { status: 304, headers })
    headers.set('Content-Type', FEED_FILES[format].type)
    return new Response(body, { status: 200, headers })
  }
}

export function newsEndpoints(): Endpoint[] {
  return (Object.keys(FEED_FILES) as FeedFormat[]).map((format) => ({
    path: `/news/${FEED_FILES[format].file}`,
    method: 'get',
    handler: feedHandler(format),
  }))
}
