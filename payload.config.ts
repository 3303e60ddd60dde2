// The runnable app. `npm run dev` sets DATABASE_URI to the embedded PostgreSQL when
// none is given; set it yourself to use an external server.
import path from 'node:path'
import { appConfig } from './src/dev/appConfig.js'
import { seedDemo } from './src/dev/seed.js'

const databaseUri = process.env.DATABASE_URI ?? 'postgres://postgres:postgres@127.0.0.1:54320/sop_medsos'
const seed = process.env.SEED_DEMO ? process.env.SEED_DEMO !== 'false' : process.env.NODE_ENV !== 'production'

export default appConfig({
  databaseUri,
  serverURL: process.env.SERVER_URL,
  onInit: seed ? seedDemo : undefined,
  plugin: {
    ...(process.env.MEDIA_DIR ? { mediaDir: path.resolve(process.env.MEDIA_DIR) } : {}),
    news: {
      agencyName: process.env.AGENCY_NAME ?? 'PPID Kabupaten Lamandau',
      ...(process.env.PUBLIC_SITE_URL ? { siteUrl: process.env.PUBLIC_SITE_URL } : {}),
    },
  },
})
