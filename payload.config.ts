// The runnable app. `npm run dev` sets DATABASE_URI to the embedded PostgreSQL when
// none is given; set it yourself to use an external server.
import { appConfig } from './src/dev/appConfig.js'
import { seedDemo } from './src/dev/seed.js'

const databaseUri = process.env.DATABASE_URI ?? 'postgres://postgres:postgres@127.0.0.1:54320/sop_medsos'
const seed = process.env.SEED_DEMO ? process.env.SEED_DEMO !== 'false' : process.env.NODE_ENV !== 'production'

export default appConfig({
  databaseUri,
  serverURL: process.env.SERVER_URL,
  onInit: seed ? seedDemo : undefined,
})
