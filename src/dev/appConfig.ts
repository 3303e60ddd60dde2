/**
 * The runnable app's config (payload.config.ts) and the tests' configs come from here:
 * Payload + this plugin + Lexical + sharp + PostgreSQL, Indonesian first.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { id } from '@payloadcms/translations/languages/id'
import { buildConfig, type Config } from 'payload'
import sharp from 'sharp'
import { sopMedsosPlugin, type SopMedsosOptions } from '../index.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export interface AppConfigInput {
  databaseUri: string
  secret?: string
  plugin?: SopMedsosOptions
  poolMax?: number
  onInit?: Config['onInit']
  serverURL?: string
  logLevel?: 'debug' | 'info' | 'warn' | 'error' | 'fatal'
  /** Where log lines go (tests capture them); stdout by default. */
  logDestination?: { write: (line: string) => void }
  /** Run queued jobs (posting) inside this process every few seconds (the demo app). */
  jobsAutoRun?: boolean
}

export function resolveSecret(): string {
  const secret = process.env.PAYLOAD_SECRET
  if (secret) return secret
  if (process.env.NODE_ENV === 'production') {
    throw new Error('PAYLOAD_SECRET must be set when NODE_ENV=production')
  }
  return 'dev-only-secret-not-for-production'
}

export function appConfig(input: AppConfigInput) {
  return buildConfig({
    secret: input.secret ?? resolveSecret(),
    serverURL: input.serverURL,
    editor: lexicalEditor(),
    sharp,
    db: postgresAdapter({
      // db-postgres keeps one pool client checked out: max must be ≥ 2.
      pool: { connectionString: input.databaseUri, max: Math.max(2, input.poolMax ?? 20) },
    }),
    i18n: {
      supportedLanguages: { id, en },
      fallbackLanguage: 'id',
    },
    admin: {
      importMap: { baseDir: root },
      meta: { titleSuffix: ' — SOP Medsos PPID' },
    },
    typescript: { outputFile: path.resolve(root, 'payload-types.ts'), autoGenerate: false },
    graphQL: { disablePlaygroundInProduction: true },
    upload: { limits: { fileSize: 25 * 1024 * 1024 } },
    plugins: [sopMedsosPlugin({ mediaDir: path.resolve(root, 'media'), ...input.plugin })],
    onInit: input.onInit,
    jobs: input.jobsAutoRun
      ? { autoRun: [{ cron: '*/5 * * * * *', queue: 'sop-medsos', limit: 10 }], shouldAutoRun: () => true }
      : undefined,
    logger: input.logLevel ? { options: { level: input.logLevel }, ...(input.logDestination ? { destination: input.logDestination as never } : {}) } : undefined,
    telemetry: false,
  })
}
