/**
 * Instagram (Graph API with a Facebook login): image containers by URL, poll until
 * FINISHED, a CAROUSEL container with the caption, poll, media_publish, permalink.
 * A carousel container that reports PUBLISHED already went out: never publish it again.
 */
import { classifyGraph, PlatformFailure } from '../classify.js'
import { callJson, form } from '../http.js'
import type { Adapter, AdapterContext, PreparedState } from '../types.js'

const rules = {
  maxPhotos: 10,
  maxWidth: 1440,
  maxBytes: 8 * 1024 * 1024,
  aspect: { min: 4 / 5, max: 1.91 },
}

async function status(ctx: AdapterContext, container: string): Promise<string> {
  const res = await callJson<{ status_code?: string }>(
    instagram,
    ctx.http,
    `${ctx.baseUrl}/${container}?${form({ fields: 'status_code', access_token: ctx.account.accessToken })}`,
  )
  return res.status_code ?? 'IN_PROGRESS'
}

async function waitFinished(ctx: AdapterContext, container: string): Promise<string> {
  const until = Date.now() + ctx.pollTimeoutMs
  for (;;) {
    const code = await status(ctx, container)
    if (code === 'FINISHED' || code === 'PUBLISHED') return code
    if (code === 'ERROR' || code === 'EXPIRED') {
      throw new PlatformFailure({
        class: 'content',
        code: `ig:${code}`,
        detail: `media container ${container} is ${code}`,
      })
    }
    if (Date.now() > until)
      throw new PlatformFailure({
        class: 'transient',
        code: 'ig:IN_PROGRESS',
        detail: `container ${container} not ready`,
      })
    await ctx.sleep(ctx.pollIntervalMs)
  }
}

async function permalink(ctx: AdapterContext, mediaId: string): Promise<string | null> {
  try {
    const res = await callJson<{ permalink?: string }>(
      instagram,
      ctx.http,
      `${ctx.baseUrl}/${mediaId}?${form({ fields: 'permalink', access_token: ctx.account.accessToken })}`,
    )
    return res.permalink ?? null
  } catch {
    return null
  }
}

export const instagram: Adapter = {
  platform: 'instagram',
  label: 'Instagram',
  postsByHand: false,
  needs: { token: true, url: false },
  media: rules,
  classify: classifyGraph,
  async prepare(ctx) {
    const { accountId, accessToken } = ctx.account
    const limit = await callJson<{
      data?: { quota_usage?: number; config?: { quota_total?: number } }[]
    }>(
      instagram,
      ctx.http,
      `${ctx.baseUrl}/${accountId}/content_publishing_limit?${form({ fields: 'quota_usage,config', access_token: accessToken })}`,
    )
    const quota = limit.data?.[0]
    if (
      quota?.config?.quota_total !== undefined &&
      (quota.quota_usage ?? 0) >= quota.config.quota_total
    ) {
      throw new PlatformFailure({
        class: 'policy',
        code: 'ig:quota',
        detail: `publishing limit reached (${quota.quota_usage}/${quota.config.quota_total} in 24 h)`,
      })
    }
    const count = Math.min(ctx.content.photos.length, rules.maxPhotos)
    const single = count === 1
    const children: string[] = []
    for (let i = 0; i < count; i++) {
      const res = await callJson<{ id: string }>(
        instagram,
        ctx.http,
        `${ctx.baseUrl}/${accountId}/media`,
        {
          method: 'POST',
          body: form({
            image_url: ctx.mediaUrl(i),
            ...(single ? { caption: ctx.content.caption } : { is_carousel_item: 'true' }),
            access_token: accessToken,
          }),
        },
      )
      children.push(res.id)
    }
    for (const child of children) await waitFinished(ctx, child)
    if (single) return { creationId: children[0] }
    const carousel = await callJson<{ id: string }>(
      instagram,
      ctx.http,
      `${ctx.baseUrl}/${accountId}/media`,
      {
        method: 'POST',
        body: form({
          media_type: 'CAROUSEL',
          children: children.join(','),
          caption: ctx.content.caption,
          access_token: accessToken,
        }),
      },
    )
    await waitFinished(ctx, carousel.id)
    return { creationId: carousel.id, children }
  },
  async publish(ctx, state) {
    const res = await callJson<{ id: string }>(
      instagram,
      ctx.http,
      `${ctx.baseUrl}/${ctx.account.accountId}/media_publish`,
      {
        method: 'POST',
        body: form({
          creation_id: String(state.creationId),
          access_token: ctx.account.accessToken,
        }),
      },
    )
    return { postId: res.id, permalink: await permalink(ctx, res.id) }
  },
  async reconcile(ctx, state: PreparedState) {
    if (!state.creationId) return { absent: true }
    const code = await status(ctx, String(state.creationId))
    if (code === 'FINISHED') return { absent: true }
    if (code !== 'PUBLISHED') return { unknown: true }
    // It went out. Find the media (and its permalink) among the account's latest.
    const res = await callJson<{ data?: { id: string; caption?: string; permalink?: string }[] }>(
      instagram,
      ctx.http,
      `${ctx.baseUrl}/${ctx.account.accountId}/media?${form({ fields: 'id,caption,permalink', limit: '25', access_token: ctx.account.accessToken })}`,
    )
    const media = res.data?.find((m) => m.caption === ctx.content.caption)
    return {
      found: { postId: media?.id ?? String(state.creationId), permalink: media?.permalink ?? null },
    }
  },
}
