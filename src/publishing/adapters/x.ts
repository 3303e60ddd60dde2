/** X: upload the first four photos, then one post with the caption (280 characters). */
import { classifyX, PlatformFailure } from '../classify.js'
import { callJson } from '../http.js'
import type { Adapter } from '../types.js'

const rules = { maxPhotos: 4, maxWidth: 2048, maxBytes: 5 * 1024 * 1024 }
const MAX_TEXT = 280

/** Cut at a grapheme boundary (a flag or an accented letter is never split). */
export function fitText(text: string, max = MAX_TEXT): string {
  const graphemes = [...new Intl.Segmenter('id', { granularity: 'grapheme' }).segment(text)].map(
    (s) => s.segment,
  )
  return graphemes.length <= max
    ? text
    : `${graphemes
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`
}

export const x: Adapter = {
  platform: 'x',
  label: 'X',
  postsByHand: false,
  needs: { token: true, url: false },
  media: rules,
  classify: classifyX,
  async prepare(ctx) {
    const mediaIds: string[] = []
    const count = Math.min(ctx.content.photos.length, rules.maxPhotos)
    for (let i = 0; i < count; i++) {
      const body = new FormData()
      body.set('media_category', 'tweet_image')
      body.set(
        'media',
        new Blob([new Uint8Array(await ctx.mediaBytes(i))], { type: 'image/jpeg' }),
        `foto-${i + 1}.jpg`,
      )
      const res = await callJson<{ data?: { id?: string } }>(
        x,
        ctx.http,
        `${ctx.baseUrl}/2/media/upload`,
        {
          method: 'POST',
          headers: { Authorization: `Bearer ${ctx.account.accessToken}` },
          body,
        },
      )
      if (!res.data?.id)
        throw new PlatformFailure({
          class: 'transient',
          code: 'x:no-id',
          detail: 'media upload returned no id',
        })
      mediaIds.push(res.data.id)
    }
    return { mediaIds }
  },
  async publish(ctx, state) {
    const res = await callJson<{ data: { id: string } }>(x, ctx.http, `${ctx.baseUrl}/2/tweets`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${ctx.account.accessToken}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        text: fitText(ctx.content.caption),
        media: { media_ids: state.mediaIds },
      }),
    })
    const handle = ctx.account.accountId.replace(/^@/, '')
    return {
      postId: res.data.id,
      permalink: `https://x.com/${handle || 'i/web'}/status/${res.data.id}`,
    }
  },
  // Reading the timeline needs paid read access: a lost answer stays for a person to check.
  async reconcile() {
    return { unknown: true }
  },
}
