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
import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import { s3Storage } from '@payloadcms/storage-s3'
import {
  buildConfig,
  type Config,
  type Connect,
  type DatabaseAdapterObj,
  type EmailAdapter,
} from 'payload'
import pg from 'pg'
import sharp from 'sharp'
import { APPROVAL_SHEETS, sopMedsosPlugin, type SopMedsosOptions } from 'payload-plugin-sop-medsos'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

export interface AppConfigInput {
  databaseUri: string
  secret?: string
  plugin?: SopMedsosOptions
  poolMax?: number
  onInit?: Config['onInit']
  serverURL?: string
  /**
   * Origins whose pages may use the session cookie for requests (Payload's `csrf`):
   * the site's own URL(s). The runnable app passes `siteOriginsFromEnv()`.
   */
  csrf?: string[]
  logLevel?: 'debug' | 'info' | 'warn' | 'error' | 'fatal'
  /** Where log lines go (tests capture them); stdout by default. */
  logDestination?: { write: (line: string) => void }
  /** Run queued jobs (posting, emails, reminders) inside this process every few seconds (the demo app). */
  jobsAutoRun?: boolean
  /**
   * Email adapter; default the console. The runnable app (payload.config.ts) passes
   * `emailFromEnv()`: tests, benchmarks and their child processes never pick up a
   * developer's SMTP_* or S3_* variables.
   */
  email?: Config['email']
  /** S3-compatible storage for media and approval sheets; default none (local files). The runnable app passes `s3FromEnv()`. */
  s3?: S3Settings | null
  /**
   * Outside production Payload pushes the schema on start (drizzle "dev push"); false
   * skips it: a process started on a database another process of the same config has
   * already set up (the tests' child processes).
   */
  push?: boolean
  /** The app's own collections (the tests' host-app shapes); the plugin extends `users` and `media` when given. */
  collections?: Config['collections']
}

export interface S3Settings {
  bucket: string
  region?: string
  /** For S3-compatible services (MinIO, Ceph, a provider's object storage): their URL. */
  endpoint?: string
  accessKeyId?: string
  secretAccessKey?: string
  /** Path-style URLs (`endpoint/bucket/key`); most S3-compatible services need it. */
  forcePathStyle?: boolean
  /** Key prefix before `media/` and `approval-sheets/` (several offices in one bucket). */
  prefix?: string
}

/**
 * S3_BUCKET (+ S3_REGION, S3_ENDPOINT, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY,
 * S3_FORCE_PATH_STYLE, S3_PREFIX) stores uploads in S3-compatible storage; without it
 * they go to the local media directory.
 */
export function s3FromEnv(env: NodeJS.ProcessEnv = process.env): S3Settings | null {
  if (!env.S3_BUCKET) return null
  return {
    bucket: env.S3_BUCKET,
    region: env.S3_REGION,
    endpoint: env.S3_ENDPOINT,
    accessKeyId: env.S3_ACCESS_KEY_ID,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY,
    forcePathStyle: env.S3_FORCE_PATH_STYLE
      ? env.S3_FORCE_PATH_STYLE === 'true'
      : Boolean(env.S3_ENDPOINT),
    prefix: env.S3_PREFIX,
  }
}

/**
 * Always installed, enabled only with settings: `alwaysInsertFields` keeps the storage
 * fields (`prefix`, `_objectKey`) in the schema either way, so one set of committed
 * migrations serves local and S3 deployments.
 */
function storagePlugin(s3: S3Settings | null, mediaSlug: string) {
  const key = (folder: string) => path.posix.join(s3?.prefix ?? '', folder)
  return s3Storage({
    enabled: Boolean(s3),
    alwaysInsertFields: true,
    bucket: s3?.bucket ?? 'unused',
    collections: {
      [mediaSlug]: { prefix: key('media') },
      [APPROVAL_SHEETS]: { prefix: key('approval-sheets') },
    },
    // One client per bucket and endpoint (tests run several apps in one process).
    clientCacheKey: `s3:${s3?.endpoint ?? 'aws'}:${s3?.bucket ?? ''}`,
    config: {
      region: s3?.region ?? 'us-east-1',
      ...(s3?.endpoint ? { endpoint: s3.endpoint } : {}),
      forcePathStyle: s3?.forcePathStyle ?? false,
      ...(s3?.accessKeyId
        ? {
            credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey ?? '' },
          }
        : {}),
    },
  })
}

/**
 * SMTP_HOST (+ SMTP_PORT, SMTP_SECURE, SMTP_USER, SMTP_PASS, SMTP_FROM, SMTP_FROM_NAME)
 * sends real email through nodemailer; without it emails are printed to the console.
 */
export function emailFromEnv(env: NodeJS.ProcessEnv = process.env): Config['email'] {
  const from = {
    defaultFromAddress: env.SMTP_FROM ?? 'no-reply@localhost',
    defaultFromName: env.SMTP_FROM_NAME ?? env.AGENCY_NAME ?? 'SOP Medsos PPID',
  }
  if (env.SMTP_HOST) {
    return nodemailerAdapter({
      ...from,
      skipVerify: true,
      transportOptions: {
        host: env.SMTP_HOST,
        port: Number(env.SMTP_PORT ?? 587),
        secure: env.SMTP_SECURE === 'true',
        ...(env.SMTP_USER ? { auth: { user: env.SMTP_USER, pass: env.SMTP_PASS ?? '' } } : {}),
      },
    })
  }
  const consoleEmail: EmailAdapter = ({ payload }) => ({
    name: 'console',
    ...from,
    sendEmail: async (message) => {
      const to = JSON.stringify(message.to)
      payload.logger.info({
        msg: `Email (console, set SMTP_HOST to send) to ${to}: ${message.subject}\n${message.text ?? ''}`,
      })
    },
  })
  return consoleEmail
}

/**
 * The app's own URL(s) from SERVER_URL, NEXT_PUBLIC_SERVER_URL and PUBLIC_SITE_URL;
 * outside production also http://localhost:3000 and http://127.0.0.1:3000 (npm run dev).
 * Payload accepts the session cookie only from these origins (CSRF); the plugin also
 * refuses other sites' state-changing requests when a host app sets none.
 */
export function siteOriginsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  const urls = [env.SERVER_URL, env.NEXT_PUBLIC_SERVER_URL, env.PUBLIC_SITE_URL].filter(
    (v): v is string => Boolean(v),
  )
  if (env.NODE_ENV !== 'production') urls.push('http://localhost:3000', 'http://127.0.0.1:3000')
  const origins = new Set<string>()
  for (const url of urls) {
    try {
      origins.add(new URL(url).origin)
    } catch {
      throw new Error(`Not a URL: "${url}" (SERVER_URL, NEXT_PUBLIC_SERVER_URL or PUBLIC_SITE_URL)`)
    }
  }
  return [...origins]
}

export function resolveSecret(): string {
  const secret = process.env.PAYLOAD_SECRET
  if (secret) return secret
  if (process.env.NODE_ENV === 'production') {
    throw new Error('PAYLOAD_SECRET must be set when NODE_ENV=production')
  }
  return 'dev-only-secret-not-for-production'
}

/** Key of the advisory lock that serialises schema set-up on start (any 64-bit value of our own). */
export const SCHEMA_LOCK_KEY = 0x50_4d_45_44_53_4f_53n // "SOPMEDS"

/**
 * The adapter's connect() (which pushes the dev schema, or runs production migrations
 * given to it) under a PostgreSQL session advisory lock: processes starting at once on
 * one fresh database set the schema up one after the other. Unserialised, drizzle's push
 * in each process diffs the same empty schema and all but one fail on "CREATE TYPE … /
 * CREATE TABLE … already exists" (measured: 2 of 3 processes, exit 1). The next process
 * finds the schema in place and has nothing to push.
 */
export function serialiseSchemaSetup<T extends DatabaseAdapterObj<any>>(
  adapter: T,
  connectionString: string,
): T {
  return {
    ...adapter,
    init: (args) => {
      const db = adapter.init(args)
      const connect = db.connect
      if (!connect) return db
      db.connect = async function (this: unknown, options?: Parameters<Connect>[0]) {
        if (options?.hotReload) return connect.call(this, options)
        const lock = new pg.Client({ connectionString })
        lock.on('error', () => {})
        let locked = false
        try {
          await lock.connect()
          await lock.query('select pg_advisory_lock($1)', [SCHEMA_LOCK_KEY.toString()])
          locked = true
        } catch {
          // No lock without a database (Payload creates a missing one in connect()) or
          // without a server (connect() reports that itself): start unserialised.
        }
        try {
          return await connect.call(this, options)
        } finally {
          if (locked)
            await lock
              .query('select pg_advisory_unlock($1)', [SCHEMA_LOCK_KEY.toString()])
              .catch(() => {})
          await lock.end().catch(() => {})
        }
      }
      return db
    },
  }
}

export function appConfig(input: AppConfigInput) {
  return buildConfig({
    secret: input.secret ?? resolveSecret(),
    serverURL: input.serverURL,
    csrf: input.csrf ?? [],
    editor: lexicalEditor(),
    sharp,
    collections: input.collections ?? [],
    db: serialiseSchemaSetup(
      postgresAdapter({
        // db-postgres keeps one pool client checked out: max must be ≥ 2.
        pool: { connectionString: input.databaseUri, max: Math.max(2, input.poolMax ?? 20) },
        // Committed migrations (npm run payload -- migrate:create <name>); production applies
        // them with `npm run payload -- migrate` before starting (README: a whole province).
        migrationDir: process.env.MIGRATION_DIR ?? path.resolve(root, 'migrations'),
        ...(input.push === false ? { push: false } : {}),
      }),
      input.databaseUri,
    ),
    i18n: {
      supportedLanguages: { id, en },
      fallbackLanguage: 'id',
    },
    admin: {
      importMap: {
        baseDir: root,
        importMapFile: path.resolve(root, 'dev/app/(payload)/admin/importMap.js'),
      },
      meta: { titleSuffix: ' — SOP Medsos PPID' },
    },
    typescript: { outputFile: path.resolve(root, 'payload-types.ts'), autoGenerate: false },
    // Production: no playground page and no schema introspection (the schema is not a public map).
    graphQL: { disablePlaygroundInProduction: true, disableIntrospectionInProduction: true },
    upload: { limits: { fileSize: 25 * 1024 * 1024 } },
    email: input.email ?? emailFromEnv({} as NodeJS.ProcessEnv),
    plugins: [
      sopMedsosPlugin({ mediaDir: path.resolve(root, 'media'), ...input.plugin }),
      storagePlugin(input.s3 ?? null, input.plugin?.mediaCollection ?? 'media'),
    ],
    onInit: input.onInit,
    jobs: input.jobsAutoRun
      ? {
          autoRun: [
            { cron: '*/5 * * * * *', queue: 'sop-medsos', limit: 10 },
            { cron: '*/5 * * * * *', queue: 'sop-medsos-notify', limit: 50 },
          ],
          shouldAutoRun: () => true,
        }
      : undefined,
    logger: input.logLevel
      ? {
          options: { level: input.logLevel },
          ...(input.logDestination ? { destination: input.logDestination as never } : {}),
        }
      : undefined,
    telemetry: false,
  })
}
