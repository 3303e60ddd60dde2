/** Facebook Page: unpublished photo uploads, then one /feed post with attached_media. */
import { classifyGraph, PlatformFailure } from '../classify.js'
import { callJson, form } from '../http.js'
import type { Adapter, AdapterContext, PostResult, PreparedState } from '../types.js'

const rules = { maxPhotos: 30, maxWidth: 2048, maxBytes: 4 * 1024 * 1024 }

export const facebook: Adapter = {
  platform: 'facebook',
  label: 'Facebook Page',
  postsByHand: false,
  needs: { token: true, url: false },
  media: rules,
  classify: classifyGraph,
  async prepare(ctx) {
    const { accountId, accessToken } = ctx.account
    const photoIds: string[] = []
    const count = Math.min(ctx.content.photos.length, rules.maxPhotos)
    for (let i = 0; i < count; i++) {
      const body = new FormData()
      body.set('published', 'false')
      body.set('access_token', accessToken)
      body.set(
        'source',
        new Blob([new Uint8Array(await ctx.mediaBytes(i))], { type: 'image/jpeg' }),
        `foto-${i + 1}.jpg`,
      )
      const res = await callJson<{ id: string }>(
        facebook,
        ctx.http,
        `${ctx.baseUrl}/${accountId}/photos`,
        { method: 'POST', body },
      )
      // A photo that fails stops the whole post: the SOP requires all of them.
      if (!res?.id)
        throw new PlatformFailure({
          class: 'transient',
          code: 'graph:no-id',
          detail: 'photo upload returned no id',
        })
      photoIds.push(res.id)
    }
    return { photoIds }
  },
  async publish(ctx, state) {
    const { accountId, accessToken } = ctx.account
    const fields: Record<string, string> = {
      message: ctx.content.caption,
      access_token: accessToken,
      fields: 'id,permalink_url',
    }
    ;(state.photoIds as string[]).forEach(
      (id, i) => (fields[`attached_media[${i}]`] = JSON.stringify({ media_fbid: id })),
    )
    const res = await callJson<{ id: string; permalink_url?: string }>(
      facebook,
      ctx.http,
      `${ctx.baseUrl}/${accountId}/feed`,
      {
        method: 'POST',
        body: form(fields),
      },
    )
    return { postId: res.id, permalink: res.permalink_url ?? (await permalink(ctx, res.id)) }
  },
  async reconcile(ctx, _state: PreparedState) {
    const { accountId, accessToken } = ctx.account
    const since = Math.floor(((ctx.armedAt ?? new Date()).getTime() - 120_000) / 1000)
    const url = `${ctx.baseUrl}/${accountId}/published_posts?${form({ fields: 'id,message,created_time,permalink_url', since: String(since), limit: '50', access_token: accessToken })}`
    const res = await callJson<{
      data?: { id: string; message?: string; permalink_url?: string }[]
    }>(facebook, ctx.http, url)
    // Our marker is the exact caption posted after the attempt began.
    const post = res.data?.find((p) => p.message === ctx.content.caption)
    return post
      ? { found: { postId: post.id, permalink: post.permalink_url ?? null } }
      : { unknown: true }
  },
}

async function permalink(ctx: AdapterContext, id: string): Promise<string | null> {
  try {
    const res = await callJson<{ permalink_url?: string }>(
      facebook,
      ctx.http,
      `${ctx.baseUrl}/${id}?${form({ fields: 'permalink_url', access_token: ctx.account.accessToken })}`,
    )
    return res.permalink_url ?? null
  } catch {
    return null
  }
}

export type { PostResult }
