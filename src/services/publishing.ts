/**
 * Exactly-once posting: prepare (invisible, retried) → arm (the intent is committed
 * before the call) → publish (called once) → reconcile (ask the platform; else
 * `unconfirmed`). Every state change is its own committed write, so a worker killed at
 * any point leaves a target another worker can pick up safely: `queued`/`prepared`
 * are re-prepared, `armed` is only ever reconciled, never published blindly.
 */
import { randomUUID, createHmac } from 'node:crypto'
import type { Payload, PayloadRequest } from 'payload'
import type { PluginContext } from '../context.js'
import { idOf, pluginContext, WORKFLOW_CONTEXT } from '../context.js'
import { newsSettings } from '../news/query.js'
import { decrypt } from '../publishing/crypto.js'
import { PlatformFailure, type PlatformError } from '../publishing/classify.js'
import { ADAPTERS, HAND_POSTED_PLATFORMS } from '../publishing/adapters/index.js'
import { ManualPosting } from '../publishing/adapters/manual.js'
import { createHttp } from '../publishing/http.js'
import { targetPolicy } from '../publishing/targets.js'
import { prepareImage } from '../publishing/media.js'
import { readStoredFile } from '../files.js'
import { integrityProblem } from '../publishing/integrity.js'
import type {
  AccountConfig,
  Adapter,
  AdapterContext,
  Platform,
  PostResult,
  PreparedState,
  PublishContent,
} from '../publishing/types.js'
import { lockDocument } from './locks.js'
import { settleSubmission } from './submissions.js'
import { inTransaction } from './transaction.js'
import { escapeControls, plainText } from '../workflow/text.js'
import { OPEN_STATUSES, type PublicationStatus } from '../workflow/publication.js'

export const PUBLISH_TASK = 'sopMedsosPublish'
export const RECONCILE_TASK = 'sopMedsosReconcile'

type Doc = Record<string, any>

// ---------------------------------------------------------------- signed media URLs

export function mediaSignature(
  key: Buffer,
  publication: string | number,
  index: number,
  expires: number,
): string {
  return createHmac('sha256', key)
    .update(`media:${publication}:${index}:${expires}`)
    .digest('base64url')
}

export function signedMediaUrl(
  ctx: PluginContext,
  payload: Payload,
  publication: string | number,
  index: number,
): string {
  const base = (ctx.options.publishing.mediaBaseUrl ?? newsSettings(payload).siteUrl).replace(
    /\/+$/,
    '',
  )
  const expires = Math.floor(Date.now() / 1000) + 7 * 86400
  const sig = mediaSignature(ctx.credentialsKey!, publication, index, expires)
  return `${base}${payload.config.routes.api}/sop-medsos/media/${publication}/${index}.jpg?exp=${expires}&sig=${sig}`
}

/** The photo `index` of a submission, prepared for a platform (also served by the signed media endpoint). */
export async function platformPhoto(
  payload: Payload,
  ctx: PluginContext,
  submission: Doc,
  platform: Platform,
  index: number,
): Promise<Buffer> {
  const media = (submission.photos ?? [])[index]
  if (!media || typeof media !== 'object') throw new Error(`photo ${index} not found`)
  const focal = { x: Number(media.focalX ?? 50), y: Number(media.focalY ?? 50) }
  return prepareImage(
    await readStoredFile(payload, ctx.slugs.media, media),
    ADAPTERS[platform].media,
    focal,
  )
}

// ---------------------------------------------------------------- loading

export function accountConfig(ctx: PluginContext, doc: Doc): AccountConfig {
  let creds: { accessToken?: string; secret?: string } = {}
  if (doc.credentials) creds = JSON.parse(decrypt(ctx.credentialsKey!, String(doc.credentials)))
  return {
    id: doc.id,
    platform: doc.platform,
    label: doc.label ?? '',
    accountId: doc.accountId ?? '',
    url: doc.url ?? '',
    accessToken: creds.accessToken ?? '',
    secret: creds.secret ?? '',
  }
}

function contentOf(payload: Payload, submission: Doc): PublishContent {
  const settings = newsSettings(payload)
  return {
    submissionId: submission.id,
    title: String(submission.title ?? ''),
    caption: String(submission.caption ?? ''),
    narrativeText: plainText(submission.narrative),
    link: submission.slug
      ? `${settings.siteUrl}${settings.path}/${submission.slug}`
      : settings.siteUrl,
    registerNumber: String(submission.registerNumber ?? ''),
    activityDate: submission.activityDate ?? null,
    location: String(submission.location ?? ''),
    photos: ((submission.photos ?? []) as Doc[])
      .filter((m) => m && typeof m === 'object')
      .map((m) => ({ id: m.id, alt: m.alt ?? '' })),
  }
}

// ---------------------------------------------------------------- leases and writes

async function claim(
  payload: Payload,
  ctx: PluginContext,
  id: string | number,
  token: string,
): Promise<Doc | null> {
  return inTransaction(payload, async (req) => {
    await lockDocument(req, ctx.slugs.publications, id)
    const doc = (await payload.findByID({
      collection: ctx.slugs.publications,
      id,
      depth: 0,
      overrideAccess: true,
      showHiddenFields: true,
      req,
      disableErrors: true,
    })) as Doc | null
    if (!doc || !OPEN_STATUSES.includes(doc.status)) return null
    if (doc.leaseUntil && Date.parse(doc.leaseUntil) > Date.now() && doc.leaseToken !== token)
      return null
    return (await payload.update({
      collection: ctx.slugs.publications,
      id,
      data: {
        leaseToken: token,
        leaseUntil: new Date(Date.now() + ctx.options.publishing.leaseMs).toISOString(),
      },
      depth: 0,
      overrideAccess: true,
      showHiddenFields: true,
      req,
    })) as Doc
  })
}

/** Writes a target's new state only while this worker still holds its lease (compare-and-set). */
async function transition(
  payload: Payload,
  ctx: PluginContext,
  id: string | number,
  token: string,
  data: Doc,
): Promise<boolean> {
  return inTransaction(payload, async (req) => {
    await lockDocument(req, ctx.slugs.publications, id)
    const doc = (await payload.findByID({
      collection: ctx.slugs.publications,
      id,
      depth: 0,
      overrideAccess: true,
      showHiddenFields: true,
      req,
    })) as Doc
    if (doc.leaseToken !== token || !OPEN_STATUSES.includes(doc.status)) return false
    await payload.update({
      collection: ctx.slugs.publications,
      id,
      data,
      depth: 0,
      overrideAccess: true,
      req,
    })
    return true
  })
}

/** Stored as a code and its parameter; put into words in the reader's language when read. */
const failure = (error: PlatformError) => ({
  errorClass: error.class,
  errorCode: error.code,
  errorDetail: error.detail,
})
const released = { leaseToken: null, leaseUntil: null }
const noError = { errorClass: null, errorCode: null, errorDetail: null }

// ---------------------------------------------------------------- one target

export interface RunOptions {
  sleep?: (ms: number) => Promise<void>
}

/** Takes one target as far as it can go now. Returns its final status for this run. */
export async function runTarget(
  payload: Payload,
  publicationId: string | number,
  opts: RunOptions = {},
): Promise<PublicationStatus | null> {
  const ctx = pluginContext(payload)
  const conf = ctx.options.publishing
  const token = randomUUID()
  const pub = await claim(payload, ctx, publicationId, token)
  if (!pub) return null
  const accountDoc = (await payload.findByID({
    collection: ctx.slugs.socialAccounts,
    id: idOf(pub.account)!,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
  })) as Doc
  const submission = (await payload.findByID({
    collection: ctx.slugs.submissions,
    id: idOf(pub.submission)!,
    depth: 1,
    overrideAccess: true,
    context: { [WORKFLOW_CONTEXT]: true },
  })) as Doc
  const account = accountConfig(ctx, accountDoc)
  const adapter: Adapter = ADAPTERS[account.platform]
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)))
  const adapterCtx: AdapterContext = {
    account,
    baseUrl: (conf.baseUrls as Record<string, string>)[account.platform] ?? '',
    content: contentOf(payload, submission),
    http: createHttp(conf.requestTimeoutMs, targetPolicy(conf.allowPrivateHosts)),
    mediaUrl: (i) => signedMediaUrl(ctx, payload, pub.id, i),
    mediaBytes: (i) => platformPhoto(payload, ctx, submission, account.platform, i),
    sleep,
    pollIntervalMs: conf.pollIntervalMs,
    pollTimeoutMs: conf.pollTimeoutMs,
    key: `sop-medsos-publication-${pub.id}`,
    armedAt: pub.armedAt ? new Date(pub.armedAt) : null,
  }
  const set = (data: Doc) => transition(payload, ctx, pub.id, token, data)
  const finish = async (
    status: PublicationStatus,
    data: Doc,
  ): Promise<PublicationStatus | null> => {
    if (!(await set({ ...data, status, ...released }))) return null
    // For operators: what happened to which target (never credentials or request URLs).
    payload.logger.info(
      {
        publication: pub.id,
        submission: idOf(pub.submission),
        platform: account.platform,
        status,
        code: data.errorCode == null ? undefined : escapeControls(String(data.errorCode)),
        permalink: data.permalink == null ? undefined : escapeControls(String(data.permalink)),
      },
      `sop-medsos: publication ${pub.id} ${status}`,
    )
    return status
  }
  const reconnect = async (error: PlatformError) => {
    await payload.update({
      collection: ctx.slugs.socialAccounts,
      id: account.id,
      data: { needsReconnect: true, lastError: `${error.code}: ${error.detail}`.slice(0, 500) },
      overrideAccess: true,
      depth: 0,
      context: { [WORKFLOW_CONTEXT]: true },
    })
  }
  const failWith = async (error: PlatformError) => {
    if (error.class === 'reconnect') await reconnect(error)
    return finish('failed', failure(error))
  }
  const published = (result: PostResult) =>
    finish('published', {
      postId: result.postId,
      permalink: result.permalink,
      publishedAt: new Date().toISOString(),
      ...noError,
    })

  try {
    if (!account.accessToken && adapter.needs.token) {
      return await failWith({
        class: 'reconnect',
        code: 'no-credentials',
        detail: 'no access token stored',
      })
    }
    let state = (pub.state ?? {}) as PreparedState
    if (pub.status === 'armed') return await reconcile()

    // Nothing leaves unless every file still hashes to what was recorded and approved.
    const tampered = await integrityProblem(payload, ctx, submission)
    if (tampered) return await failWith(tampered)

    // prepare: invisible to the public, retried with backoff.
    if (pub.status === 'queued' || !state || Object.keys(state).length === 0) {
      for (let attempt = 1; ; attempt++) {
        try {
          state = await adapter.prepare(adapterCtx)
          break
        } catch (e) {
          if (!(e instanceof PlatformFailure)) throw e
          if (e.info.class !== 'transient' || attempt >= conf.prepareAttempts)
            return await failWith(e.info)
          // A platform asking for more than a minute's pause: fail now (retryable), don't hold the worker.
          if ((e.info.retryAfter ?? 0) > 60) return await failWith(e.info)
          await sleep(
            Math.max(conf.retryDelayMs * 2 ** (attempt - 1), (e.info.retryAfter ?? 0) * 1000),
          )
        }
      }
      if (!(await set({ status: 'prepared', state, attempts: (pub.attempts ?? 0) + 1 })))
        return null
    }

    // arm: committed before the call, so a crash after it is never a blind re-post.
    const armedAt = new Date()
    if (!(await set({ status: 'armed', armedAt: armedAt.toISOString() }))) return null
    adapterCtx.armedAt = armedAt
    try {
      return await published(await adapter.publish(adapterCtx, state))
    } catch (e) {
      if (e instanceof ManualPosting) {
        await set({
          status: 'queued',
          ...released,
          errorClass: null,
          errorCode: 'manual',
          errorDetail: null,
        })
        return 'queued'
      }
      if (!(e instanceof PlatformFailure)) throw e
      const info = e.info
      // The call was refused before anything happened: a plain failure.
      const refused = info.class !== 'transient' || info.code === 'x:429'
      if (refused) return await failWith(info)
      return await reconcile()
    }

    async function reconcile(): Promise<PublicationStatus | null> {
      let found: Awaited<ReturnType<Adapter['reconcile']>>
      try {
        found = await adapter.reconcile(adapterCtx, state)
      } catch {
        found = { unknown: true }
      }
      if ('found' in found) return published(found.found)
      if ('absent' in found) {
        // Proven not published (e.g. the Instagram container is still FINISHED): one more call is safe.
        try {
          return await published(await adapter.publish(adapterCtx, state))
        } catch (e) {
          if (
            e instanceof PlatformFailure &&
            (e.info.class !== 'transient' || e.info.code === 'x:429')
          )
            return failWith(e.info)
        }
      }
      return finish(
        'unconfirmed',
        failure({
          class: 'unknown',
          code: 'outcome-unknown',
          detail: 'no answer to the publishing call',
        }),
      )
    }
  } catch (e) {
    // Our own bug or the database: give the lease back, leave the status for the next run.
    await set({ ...released }).catch(() => {})
    throw e
  }
}

// ---------------------------------------------------------------- a submission

/** Creates the targets (one per enabled account) and queues the job, inside the caller's transaction. */
export async function enqueuePublishing(req: PayloadRequest, submission: Doc): Promise<number> {
  const ctx = pluginContext(req.payload)
  const accounts = await req.payload.find({
    collection: ctx.slugs.socialAccounts,
    where: { enabled: { equals: true } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const existing = await req.payload.find({
    collection: ctx.slugs.publications,
    where: { submission: { equals: submission.id } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const have = new Set(existing.docs.map((d) => String(idOf((d as Doc).account))))
  let created = 0
  for (const account of accounts.docs as Doc[]) {
    if (have.has(String(account.id))) continue
    await req.payload.create({
      collection: ctx.slugs.publications,
      data: {
        submission: submission.id,
        account: account.id,
        platform: account.platform,
        status: 'queued',
        submissionOwner: idOf(submission.createdBy) ?? null,
      },
      overrideAccess: true,
      depth: 0,
      req,
    })
    created++
  }
  if (created + existing.docs.length === 0) return 0
  await req.payload.jobs.queue({
    task: PUBLISH_TASK as never,
    input: { submission: String(submission.id) } as never,
    queue: ctx.options.publishing.queue,
    req,
  })
  return created + existing.docs.length
}

/** The job: run every open target of a submission, then settle the submission's status. */
export async function runPublishing(
  payload: Payload,
  submissionId: string | number,
  opts: RunOptions = {},
): Promise<void> {
  const ctx = pluginContext(payload)
  const targets = await payload.find({
    collection: ctx.slugs.publications,
    where: { and: [{ submission: { equals: submissionId } }, { status: { in: OPEN_STATUSES } }] },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  for (const t of targets.docs) await runTarget(payload, t.id, opts)
  await settleSubmission(payload, submissionId)
}

/** Targets armed by a worker that died (lease expired): reconcile them. For a worker's start and a schedule. */
export async function reconcileStale(payload: Payload, opts: RunOptions = {}): Promise<number> {
  const ctx = pluginContext(payload)
  const stale = await payload.find({
    collection: ctx.slugs.publications,
    where: {
      and: [
        { status: { in: OPEN_STATUSES } },
        { platform: { not_in: HAND_POSTED_PLATFORMS } },
        {
          or: [
            { leaseUntil: { less_than: new Date().toISOString() } },
            { leaseUntil: { exists: false } },
          ],
        },
      ],
    },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
  })
  const submissions = new Set<string | number>()
  for (const t of stale.docs) {
    await runTarget(payload, t.id, opts)
    submissions.add(idOf((t as Doc).submission)!)
  }
  for (const s of submissions) await settleSubmission(payload, s)
  return stale.docs.length
}
