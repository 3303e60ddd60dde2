import path from 'node:path'
import type { CollectionConfig, Field } from 'payload'
import { z } from 'zod'
import { APPROVER_STAGES, type ApproverStage } from './workflow/model.js'
import { stagesProblem } from './workflow/table.js'
import { DEFAULT_REGISTER_FORMAT, registerFormatProblem } from './workflow/register.js'
import { allowEntryProblem } from './publishing/targets.js'

/**
 * What an app may change of a collection the plugin owns, as plugin-form-builder's
 * `formOverrides` do: add fields, admin settings, labels and hooks. The slug, the access
 * rules and the plugin's own fields and hooks stay (collections/overrides.ts).
 */
const collectionOverride = z
  .object({
    /** `({ defaultFields }) => [...defaultFields, myField]`: the plugin's fields must all stay, unchanged. */
    fields: z
      .custom<(args: { defaultFields: Field[] }) => Field[]>(
        (v) => typeof v === 'function',
        'must be a function ({ defaultFields }) => fields',
      )
      .optional(),
    admin: z
      .custom<NonNullable<CollectionConfig['admin']>>(
        (v) => typeof v === 'object' && v !== null,
        'must be an object (CollectionConfig.admin)',
      )
      .optional(),
    labels: z
      .custom<NonNullable<CollectionConfig['labels']>>(
        (v) => typeof v === 'object' && v !== null,
        'must be { singular, plural }',
      )
      .optional(),
    /** Run after the plugin's hooks of the same kind. */
    hooks: z
      .custom<NonNullable<CollectionConfig['hooks']>>(
        (v) => typeof v === 'object' && v !== null,
        'must be an object (CollectionConfig.hooks)',
      )
      .optional(),
  })
  .strict()

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz })
    return true
  } catch {
    return false
  }
}

export const optionsSchema = z
  .object({
    /** Approver stages in SOP order; ketua-ppid and/or atasan-ppid may be dropped ("dan/atau"). */
    stages: z
      .array(z.enum(APPROVER_STAGES))
      .default([...APPROVER_STAGES])
      .superRefine((stages, ctx) => {
        const problem = stagesProblem(stages)
        if (problem) ctx.addIssue({ code: 'custom', message: problem })
      }),
    minPhotos: z.number().int().min(1).max(100).default(4),
    captionMaxLength: z.number().int().min(1).max(10000).default(200),
    timeZone: z
      .string()
      .refine(isTimeZone, { message: 'must be an IANA time zone such as "Asia/Jakarta"' })
      .default('Asia/Jakarta'),
    /** Tokens: {seq} / {seq:N}, {month}, {monthRoman}, {year}. */
    registerNumberFormat: z
      .string()
      .superRefine((format, ctx) => {
        const problem = registerFormatProblem(format)
        if (problem) ctx.addIssue({ code: 'custom', message: problem })
      })
      .default(DEFAULT_REGISTER_FORMAT),
    /** Slug of the auth collection holding staff; created when the config has none. */
    usersCollection: z.string().min(1).default('users'),
    /** Slug of the upload collection holding photos and videos; created when the config has none. */
    mediaCollection: z.string().min(1).default('media'),
    /** Where the plugin's own media collection stores files (when it creates it). */
    mediaDir: z.string().min(1).optional(),
    /**
     * Where the approval sheets (PDF) are stored locally; never inside `mediaDir` (the media
     * route would serve them). Default: beside `mediaDir`, named `<mediaDir>-approval-sheets`.
     */
    approvalSheetsDir: z.string().min(1).optional(),
    /** The public news: the feeds at /api/news/* and the pages at `news.path`. */
    news: z
      .object({
        /** Public base URL of the site (absolute links in feeds and meta tags); default: serverURL, else http://localhost:3000. */
        siteUrl: z.url({ protocol: /^https?$/ }).optional(),
        /** The agency as the public sees it, e.g. "PPID Kabupaten Lamandau". */
        agencyName: z.string().min(1).default('PPID'),
        /** Feed and page title; default "Berita <agencyName>". */
        title: z.string().min(1).optional(),
        description: z.string().min(1).optional(),
        language: z.string().min(2).default('id'),
        /** Path of the public pages in the Next.js app. */
        path: z
          .string()
          .regex(/^\/[a-z0-9/_-]*[a-z0-9_-]$/, 'must look like "/berita"')
          .default('/berita'),
        /** Items in each feed (newest first). */
        feedSize: z.number().int().min(1).max(500).default(50),
        /** Cards per page on the public list. */
        pageSize: z.number().int().min(1).max(100).default(12),
        /** Seconds feeds may be cached by browsers and proxies. */
        maxAge: z.number().int().min(0).max(86400).default(300),
      })
      .strict()
      .prefault({}),
    /** Posting to the social accounts (SOP step 5). */
    publishing: z
      .object({
        /** auto: post when the last stage approves; manual: wait for the Admin Medsos's `publish`. */
        mode: z.enum(['auto', 'manual']).default('auto'),
        /** API base URLs (tests and the demo point them at the local fake server). */
        baseUrls: z
          .object({
            facebook: z.url().default('https://graph.facebook.com/v20.0'),
            instagram: z.url().default('https://graph.facebook.com/v20.0'),
            x: z.url().default('https://api.x.com'),
          })
          .strict()
          .prefault({}),
        /**
         * Targets on internal addresses the server may post to anyway (SSRF guard): host
         * names (e.g. "intranet.lamandaukab.go.id"), addresses or CIDR ranges
         * ("10.0.0.0/8"). Default none: loopback, private, link-local, CGNAT, multicast
         * and reserved addresses are refused; metadata addresses always are.
         */
        allowPrivateHosts: z
          .array(
            z.string().superRefine((entry, ctx) => {
              const problem = allowEntryProblem(entry)
              if (problem) ctx.addIssue({ code: 'custom', message: problem })
            }),
          )
          .default([]),
        /** Public base URL platforms fetch prepared photos from; default news.siteUrl. */
        mediaBaseUrl: z.url().optional(),
        /** Jobs queue the publishing tasks go to (run it with `payload jobs:run --queue …`). */
        queue: z.string().min(1).default('sop-medsos'),
        requestTimeoutMs: z.number().int().min(100).max(600_000).default(30_000),
        /** Attempts of the invisible preparation steps before a target fails as transient. */
        prepareAttempts: z.number().int().min(1).max(20).default(4),
        retryDelayMs: z.number().int().min(0).max(600_000).default(2_000),
        pollIntervalMs: z.number().int().min(0).max(600_000).default(20_000),
        pollTimeoutMs: z.number().int().min(0).max(3_600_000).default(300_000),
        /** A worker's claim on a target; after it expires another worker reconciles. */
        leaseMs: z.number().int().min(1_000).max(86_400_000).default(600_000),
      })
      .strict()
      .prefault({}),
    /** Additions to the plugin's own collections (issue 14). */
    overrides: z
      .object({
        submissions: collectionOverride.optional(),
        reviews: collectionOverride.optional(),
      })
      .strict()
      .prefault({}),
    /** Sign-in and request protections (issue 13). */
    security: z
      .object({
        /**
         * Reverse proxies in front of the app that append the client's address to
         * X-Forwarded-For (nginx `proxy_add_x_forwarded_for`): the client is the entry that
         * many places from the right. 0: no proxy; the client is the address Next.js put
         * there from the socket (a directly exposed server cannot tell it from a header the
         * client sent itself: put a proxy in front in production).
         */
        trustProxy: z.number().int().min(0).max(10).default(0),
        /** Failed sign-ins of one account from one client, per window, before that pair is refused. */
        loginFailuresPerAccount: z.number().int().min(1).max(1000).default(5),
        /** Failed sign-ins from one client (any accounts), per window. */
        loginFailuresPerClient: z.number().int().min(1).max(100_000).default(30),
        loginWindowMs: z
          .number()
          .int()
          .min(1000)
          .max(86_400_000)
          .default(15 * 60 * 1000),
        /** Largest request body of any API route except uploads (bytes); see `limitBody`. */
        maxBodyBytes: z
          .number()
          .int()
          .min(1024)
          .max(1024 * 1024 * 1024)
          .default(2 * 1024 * 1024),
      })
      .strict()
      .prefault({}),
    /** In-app notices and emails (issue "admin workbench"). */
    notifications: z
      .object({
        enabled: z.boolean().default(true),
        /** Jobs queue of the email and overdue-reminder tasks. */
        queue: z.string().min(1).default('sop-medsos-notify'),
        /** How often the overdue reminder runs (cron, 5 fields). */
        overdueCron: z.string().min(9).default('*/10 * * * *'),
      })
      .strict()
      .prefault({}),
  })
  .strict()
  .superRefine((o, ctx) => {
    const { media, sheets } = storageDirs(o)
    const rel = path.relative(media, sheets)
    if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))) {
      ctx.addIssue({
        code: 'custom',
        path: ['approvalSheetsDir'],
        message: `must not be inside mediaDir (${media}): the media route would serve the sheets`,
      })
    }
  })

/** The two storage roots, resolved: media files and approval sheets, never one inside the other. */
export function storageDirs(o: { mediaDir?: string; approvalSheetsDir?: string }): {
  media: string
  sheets: string
} {
  const media = path.resolve(o.mediaDir ?? path.resolve(process.cwd(), 'media'))
  const sheets = path.resolve(o.approvalSheetsDir ?? `${media}-approval-sheets`)
  return { media, sheets }
}

export type SopMedsosOptions = z.input<typeof optionsSchema>
export type ResolvedOptions = z.output<typeof optionsSchema> & { stages: ApproverStage[] }

export function parseOptions(input: unknown): ResolvedOptions {
  const result = optionsSchema.safeParse(input ?? {})
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const name = issue.path.length ? issue.path.join('.') : '(options)'
      return `  - option "${name}": ${issue.message}`
    })
    throw new Error(`sopMedsosPlugin: invalid options\n${lines.join('\n')}`)
  }
  return result.data as ResolvedOptions
}
