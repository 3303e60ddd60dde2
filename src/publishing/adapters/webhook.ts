/**
 * Generic webhook (a government portal, another CMS): one signed JSON POST. The body
 * carries an idempotency key; a receiver that keeps it answers a repeat with the first
 * result, which makes re-sending the reconciliation.
 */
import { createHmac } from 'node:crypto'
import { classifyWebhook, PlatformFailure } from '../classify.js'
import type { Adapter, AdapterContext, PostResult } from '../types.js'

export const SIGNATURE_HEADER = 'X-SOP-Medsos-Signature'

export function sign(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`
}

async function send(ctx: AdapterContext): Promise<PostResult> {
  const c = ctx.content
  const body = JSON.stringify({
    event: 'submission.published',
    idempotencyKey: ctx.key,
    submission: c.submissionId,
    title: c.title,
    caption: c.caption,
    narrative: c.narrativeText,
    link: c.link,
    registerNumber: c.registerNumber,
    activityDate: c.activityDate,
    location: c.location,
    photos: c.photos.map((p, i) => ({ url: ctx.mediaUrl(i), alt: p.alt })),
  })
  const timestamp = String(Math.floor(Date.now() / 1000))
  const res = await ctx.http.request(ctx.account.url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'Idempotency-Key': ctx.key,
      'X-SOP-Medsos-Timestamp': timestamp,
      [SIGNATURE_HEADER]: sign(ctx.account.secret, timestamp, body),
    },
    body,
  })
  const text = await res.text().catch(() => '')
  if (!res.ok) throw new PlatformFailure(classifyWebhook(res.status, text))
  let answer: { id?: string; url?: string } = {}
  try {
    answer = JSON.parse(text)
  } catch {
    /* a receiver may answer with no body */
  }
  return { postId: String(answer.id ?? ctx.key), permalink: answer.url ?? null }
}

export const webhook: Adapter = {
  platform: 'webhook',
  label: 'Webhook',
  postsByHand: false,
  needs: { token: false, url: true },
  media: { maxPhotos: 100, maxWidth: 2048, maxBytes: 10 * 1024 * 1024 },
  classify: (status, body) =>
    classifyWebhook(status, typeof body === 'string' ? body : JSON.stringify(body ?? '')),
  async prepare() {
    return {}
  },
  publish: (ctx) => send(ctx),
  async reconcile(ctx) {
    try {
      return { found: await send(ctx) }
    } catch {
      return { unknown: true }
    }
  },
}
