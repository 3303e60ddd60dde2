/**
 * GET /api/sop-medsos/media/:publication/:index.jpg?exp&sig — a photo prepared for the
 * target's platform, for platforms that fetch media by URL (Instagram) and webhook
 * receivers. Unauthenticated on purpose; an HMAC over (publication, index, expiry)
 * is the permission, so nothing else in the media collection becomes reachable.
 */
import { timingSafeEqual } from 'node:crypto'
import type { Endpoint } from 'payload'
import { pluginContext, WORKFLOW_CONTEXT } from '../context.js'
import { mediaSignature, platformPhoto } from '../services/publishing.js'
import type { Platform } from './types.js'

export function publishingEndpoints(): Endpoint[] {
  return [
    {
      path: '/sop-medsos/media/:publication/:file',
      method: 'get',
      handler: async (req) => {
        const ctx = pluginContext(req.payload)
        const params = (req.routeParams ?? {}) as { publication?: string; file?: string }
        const url = new URL(req.url ?? 'http://x/')
        const index = Number(/^(\d{1,3})\.jpg$/.exec(params.file ?? '')?.[1])
        const exp = Number(url.searchParams.get('exp'))
        const sig = Buffer.from(url.searchParams.get('sig') ?? '')
        const publication = params.publication ?? ''
        const denied = () => new Response('Not found', { status: 404 })
        if (!/^\d+$/.test(publication) || !Number.isInteger(index) || !(exp > Date.now() / 1000))
          return denied()
        const want = Buffer.from(mediaSignature(ctx.credentialsKey!, publication, index, exp))
        if (sig.length !== want.length || !timingSafeEqual(sig, want)) return denied()
        const pub = (await req.payload.findByID({
          collection: ctx.slugs.publications,
          id: publication,
          depth: 0,
          overrideAccess: true,
          disableErrors: true,
        })) as Record<string, any> | null
        if (!pub) return denied()
        const submission = (await req.payload.findByID({
          collection: ctx.slugs.submissions,
          id: pub.submission,
          depth: 1,
          overrideAccess: true,
          context: { [WORKFLOW_CONTEXT]: true },
        })) as Record<string, any>
        try {
          const bytes = await platformPhoto(
            req.payload,
            ctx,
            submission,
            pub.platform as Platform,
            index,
          )
          return new Response(new Uint8Array(bytes), {
            status: 200,
            headers: {
              'Content-Type': 'image/jpeg',
              'Cache-Control': 'private, max-age=3600',
              'Content-Length': String(bytes.length),
            },
          })
        } catch {
          return denied()
        }
      },
    },
  ]
}
