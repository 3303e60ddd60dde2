// The runnable app. `npm run dev` sets DATABASE_URI to the embedded PostgreSQL when
// none is given; set it yourself to use an external server.
import path from 'node:path'
import { appConfig, emailFromEnv, s3FromEnv, siteOriginsFromEnv } from './appConfig.js'
import { seedDemo } from './seed.js'
import { FAKE_PLATFORMS_PORT, ensureFakePlatforms } from './fakeForDev.js'

const databaseUri =
  process.env.DATABASE_URI ?? 'postgres://postgres:postgres@127.0.0.1:54320/sop_medsos'
const seed = process.env.SEED_DEMO
  ? process.env.SEED_DEMO !== 'false'
  : process.env.NODE_ENV !== 'production'
// Outside production the demo posts to the local fake platform server (started here),
// so approving really "posts": see http://127.0.0.1:4010/_control/posts.
const fake = process.env.FAKE_PLATFORMS
  ? process.env.FAKE_PLATFORMS !== 'false'
  : process.env.NODE_ENV !== 'production'
const fakeBase = `http://127.0.0.1:${FAKE_PLATFORMS_PORT}`

export default appConfig({
  databaseUri,
  serverURL: process.env.SERVER_URL ?? process.env.NEXT_PUBLIC_SERVER_URL,
  // The session cookie works only from the site's own pages (CSRF).
  csrf: siteOriginsFromEnv(),
  // SMTP_* and S3_* (README: Environment); only the runnable app reads them.
  email: emailFromEnv(),
  s3: s3FromEnv(),
  onInit: async (payload) => {
    if (fake) await ensureFakePlatforms()
    if (seed) await seedDemo(payload, { fakeAccounts: fake ? fakeBase : undefined })
  },
  jobsAutoRun: process.env.JOBS_AUTORUN
    ? process.env.JOBS_AUTORUN !== 'false'
    : process.env.NODE_ENV !== 'production',
  plugin: {
    // TRUST_PROXY: reverse proxies in front (their X-Forwarded-For names the client).
    ...(process.env.TRUST_PROXY
      ? { security: { trustProxy: Number(process.env.TRUST_PROXY) } }
      : {}),
    ...(process.env.MEDIA_DIR ? { mediaDir: path.resolve(process.env.MEDIA_DIR) } : {}),
    ...(fake
      ? {
          publishing: {
            baseUrls: {
              facebook: `${fakeBase}/graph/v20.0`,
              instagram: `${fakeBase}/graph/v20.0`,
              x: `${fakeBase}/x`,
            },
            pollIntervalMs: 1000,
            // The demo's fake platforms run on loopback; allowed explicitly (SSRF guard).
            allowPrivateHosts: ['127.0.0.1'],
          },
        }
      : {}),
    news: {
      agencyName: process.env.AGENCY_NAME ?? 'PPID Kabupaten Lamandau',
      ...(process.env.PUBLIC_SITE_URL ? { siteUrl: process.env.PUBLIC_SITE_URL } : {}),
    },
  },
})
