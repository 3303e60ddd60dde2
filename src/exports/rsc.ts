/**
 * `payload-plugin-sop-medsos/rsc`: the public news pages as React server components. An
 * app mounts them with two route files (README: "The public news pages"):
 *
 *   app/(frontend)/berita/page.tsx         → NewsListRoute, newsListRouteMetadata
 *   app/(frontend)/berita/[slug]/page.tsx  → NewsItemRoute, newsItemRouteMetadata
 */
export {
  NewsItemPage,
  NewsListPage,
  Shell,
  newsItemMetadata,
  newsListMetadata,
  pageParam,
} from '../public/NewsPages.js'
export {
  NewsItemRoute,
  NewsListRoute,
  NewsNotFound,
  newsItemRouteMetadata,
  newsListRouteMetadata,
  newsHomeRedirect,
} from '../public/routes.js'
