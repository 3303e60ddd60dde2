/**
 * A fake of the platforms' posting APIs on 127.0.0.1 — Facebook Page and Instagram
 * (Graph API shapes), X v2, and a webhook receiver — with fault injection. Used by the
 * tests and by `npm run dev` (so approving in the demo really "posts" somewhere a
 * visitor can look: GET /_control/posts). Not for production.
 */
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Fault {
  /** Substring or pattern of "<METHOD> <path>", e.g. "POST /graph/v20.0/123/feed". */
  match: string | RegExp
  kind: 'status' | 'graph' | 'timeout' | 'lost' | 'hang' | 'x429' | 'reset'
  /** How many requests it hits (default 1). */
  times?: number
  status?: number
  code?: number
  subcode?: number
  transient?: boolean
  message?: string
}

export interface FakePost {
  platform: 'facebook' | 'instagram' | 'x' | 'webhook'
  account: string
  id: string
  text: string
  media: number
  key?: string
  at: string
}

export interface FakePlatformsOptions {
  port?: number
  /** Valid tokens; any other token gets error 190 (Graph) or 401 (X). */
  tokens?: string[]
  /** Webhook secrets per receiver name. */
  webhookSecrets?: Record<string, string>
  /** Polls an Instagram container answers IN_PROGRESS before FINISHED. */
  containerPolls?: number
}

export interface FakePlatforms {
  url: string
  graphUrl: string
  xUrl: string
  webhookUrl: (name: string) => string
  posts: FakePost[]
  requests: { method: string; path: string; auth: string }[]
  inject: (fault: Fault) => void
  clearFaults: () => void
  reset: () => void
  close: () => Promise<void>
}

type Container = {
  id: string
  account: string
  status: string
  polls: number
  caption?: string
  children?: string[]
  carouselItem: boolean
  mediaId?: string
}

export async function startFakePlatforms(
  options: FakePlatformsOptions = {},
): Promise<FakePlatforms> {
  const tokens = new Set(options.tokens ?? ['fake-valid-token'])
  const secrets = options.webhookSecrets ?? { portal: 'fake-webhook-secret' }
  const containerPolls = options.containerPolls ?? 1
  let faults: (Fault & { left: number })[] = []
  const posts: FakePost[] = []
  const requests: { method: string; path: string; auth: string }[] = []
  const photos = new Map<string, string>() // unpublished FB photo id → page
  const containers = new Map<string, Container>()
  const webhookSeen = new Map<string, unknown>()
  let seq = 1000
  const next = () => String(++seq)

  const send = (
    res: http.ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) => {
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers })
    res.end(JSON.stringify(body))
  }
  const graphError = (
    res: http.ServerResponse,
    status: number,
    code: number,
    message: string,
    subcode?: number,
    transient = false,
  ) =>
    send(res, status, {
      error: {
        message,
        type: 'OAuthException',
        code,
        ...(subcode ? { error_subcode: subcode } : {}),
        is_transient: transient,
        fbtrace_id: randomUUID(),
      },
    })

  async function readBody(
    req: http.IncomingMessage,
  ): Promise<{ raw: Buffer; fields: Record<string, string> }> {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const raw = Buffer.concat(chunks)
    const type = req.headers['content-type'] ?? ''
    const fields: Record<string, string> = {}
    if (type.startsWith('application/x-www-form-urlencoded')) {
      for (const [k, v] of new URLSearchParams(raw.toString())) fields[k] = v
    } else if (type.startsWith('multipart/form-data')) {
      const form = await new Response(raw, { headers: { 'Content-Type': type } }).formData()
      for (const [k, v] of form) fields[k] = typeof v === 'string' ? v : `file:${(v as File).size}`
    } else if (type.startsWith('application/json') && raw.length) {
      fields.__json = raw.toString()
    }
    return { raw, fields }
  }

  function takeFault(line: string): Fault | null {
    const f = faults.find(
      (x) =>
        x.left > 0 && (typeof x.match === 'string' ? line.includes(x.match) : x.match.test(line)),
    )
    if (!f) return null
    f.left--
    return f
  }

  async function graph(
    method: string,
    parts: string[],
    url: URL,
    fields: Record<string, string>,
    res: http.ServerResponse,
  ): Promise<boolean> {
    const token = fields.access_token ?? url.searchParams.get('access_token') ?? ''
    if (!tokens.has(token)) {
      graphError(res, 400, 190, 'Error validating access token: Session has expired.', 463)
      return true
    }
    const [first, edge] = parts
    if (!first) return false
    if (method === 'POST' && edge === 'photos') {
      const id = next()
      photos.set(id, first)
      send(res, 200, { id })
      return true
    }
    if (method === 'POST' && edge === 'feed') {
      const attached = Object.keys(fields).filter((k) => k.startsWith('attached_media'))
      for (const k of attached) {
        const fbid = (JSON.parse(fields[k]!) as { media_fbid: string }).media_fbid
        if (photos.get(fbid) !== first) {
          graphError(res, 400, 100, `Invalid parameter: media_fbid ${fbid}`)
          return true
        }
      }
      const id = `${first}_${next()}`
      posts.push({
        platform: 'facebook',
        account: first,
        id,
        text: fields.message ?? '',
        media: attached.length,
        at: new Date().toISOString(),
      })
      return (
        send(res, 200, {
          id,
          permalink_url: `https://www.facebook.com/${first}/posts/${id.split('_')[1]}`,
        }),
        true
      )
    }
    if (method === 'GET' && edge === 'published_posts') {
      const since = Number(url.searchParams.get('since') ?? 0) * 1000
      const data = posts
        .filter(
          (p) => p.platform === 'facebook' && p.account === first && Date.parse(p.at) >= since,
        )
        .map((p) => ({
          id: p.id,
          message: p.text,
          created_time: p.at,
          permalink_url: `https://www.facebook.com/${first}/posts/${p.id.split('_')[1]}`,
        }))
      send(res, 200, { data })
      return true
    }
    if (method === 'GET' && edge === 'content_publishing_limit') {
      const used = posts.filter(
        (p) =>
          p.platform === 'instagram' &&
          p.account === first &&
          Date.now() - Date.parse(p.at) < 86_400_000,
      ).length
      send(res, 200, {
        data: [{ quota_usage: used, config: { quota_total: 100, quota_duration: 86400 } }],
      })
      return true
    }
    if (method === 'POST' && edge === 'media') {
      if (fields.media_type === 'CAROUSEL') {
        const children = (fields.children ?? '').split(',').filter(Boolean)
        if (
          children.length < 2 ||
          children.length > 10 ||
          children.some((c) => containers.get(c)?.status !== 'FINISHED')
        ) {
          graphError(res, 400, 100, 'Invalid parameter: children', 2207001)
          return true
        }
        const id = next()
        containers.set(id, {
          id,
          account: first,
          status: 'IN_PROGRESS',
          polls: 0,
          caption: fields.caption ?? '',
          children,
          carouselItem: false,
        })
        send(res, 200, { id })
        return true
      }
      if (!/^https?:\/\//.test(fields.image_url ?? '')) {
        graphError(res, 400, 9004, 'Only photo or video can be accepted as media type.', 2207052)
        return true
      }
      const id = next()
      containers.set(id, {
        id,
        account: first,
        status: 'IN_PROGRESS',
        polls: 0,
        caption: fields.caption,
        carouselItem: fields.is_carousel_item === 'true',
      })
      send(res, 200, { id })
      return true
    }
    if (method === 'POST' && edge === 'media_publish') {
      const c = containers.get(fields.creation_id ?? '')
      if (!c || c.account !== first) {
        graphError(res, 400, 100, 'Invalid parameter: creation_id')
        return true
      }
      if (c.status === 'PUBLISHED') {
        graphError(res, 400, 9007, 'The media has already been published', 2207006)
        return true
      }
      if (c.status !== 'FINISHED') {
        graphError(res, 400, 9007, 'Media ID is not available', 2207027)
        return true
      }
      c.status = 'PUBLISHED'
      c.mediaId = next()
      posts.push({
        platform: 'instagram',
        account: first,
        id: c.mediaId,
        text: c.caption ?? '',
        media: c.children?.length ?? 1,
        at: new Date().toISOString(),
      })
      send(res, 200, { id: c.mediaId })
      return true
    }
    if (method === 'GET' && edge === 'media') {
      const data = posts
        .filter((p) => p.platform === 'instagram' && p.account === first)
        .reverse()
        .map((p) => ({
          id: p.id,
          caption: p.text,
          permalink: `https://www.instagram.com/p/${p.id}/`,
        }))
      send(res, 200, { data })
      return true
    }
    if (method === 'GET' && !edge) {
      const c = containers.get(first)
      if (c) {
        if (c.status === 'IN_PROGRESS' && ++c.polls > containerPolls) c.status = 'FINISHED'
        send(res, 200, { id: c.id, status_code: c.status, status: c.status })
        return true
      }
      const ig = posts.find((p) => p.platform === 'instagram' && p.id === first)
      if (ig)
        return (
          send(res, 200, { id: ig.id, permalink: `https://www.instagram.com/p/${ig.id}/` }),
          true
        )
      const fb = posts.find((p) => p.platform === 'facebook' && p.id === first)
      if (fb)
        return (
          send(res, 200, {
            id: fb.id,
            permalink_url: `https://www.facebook.com/${fb.account}/posts/${fb.id.split('_')[1]}`,
          }),
          true
        )
      graphError(res, 404, 803, 'Some of the aliases you requested do not exist')
      return true
    }
    return false
  }

  async function xApi(
    method: string,
    path: string,
    headers: http.IncomingHttpHeaders,
    fields: Record<string, string>,
    res: http.ServerResponse,
  ) {
    const token = (headers.authorization ?? '').replace(/^Bearer /, '')
    if (!tokens.has(token))
      return send(res, 401, {
        title: 'Unauthorized',
        type: 'about:blank',
        status: 401,
        detail: 'Unauthorized',
      })
    if (method === 'POST' && path === '/2/media/upload') {
      if (!fields.media?.startsWith('file:'))
        return send(res, 400, { errors: [{ message: 'media required' }] })
      return send(res, 200, {
        data: { id: next(), media_key: `3_${seq}`, expires_after_secs: 86400 },
      })
    }
    if (method === 'POST' && path === '/2/tweets') {
      const body = JSON.parse(fields.__json ?? '{}') as {
        text?: string
        media?: { media_ids?: string[] }
      }
      const text = body.text ?? ''
      if ([...new Intl.Segmenter().segment(text)].length > 280)
        return send(res, 400, { detail: 'Your Tweet text is too long.', status: 400 })
      if ((body.media?.media_ids?.length ?? 0) > 4)
        return send(res, 400, { detail: 'Too many media', status: 400 })
      if (posts.some((p) => p.platform === 'x' && p.account === token && p.text === text)) {
        return send(res, 403, {
          detail: 'You are not allowed to create a Tweet with duplicate content.',
          status: 403,
          title: 'Forbidden',
        })
      }
      const id = next()
      posts.push({
        platform: 'x',
        account: token,
        id,
        text,
        media: body.media?.media_ids?.length ?? 0,
        at: new Date().toISOString(),
      })
      return send(res, 201, { data: { id, text, edit_history_tweet_ids: [id] } })
    }
    return send(res, 404, { detail: 'not found' })
  }

  function webhookApi(
    name: string,
    headers: http.IncomingHttpHeaders,
    raw: Buffer,
    res: http.ServerResponse,
  ) {
    const secret = secrets[name]
    const ts = String(headers['x-sop-medsos-timestamp'] ?? '')
    const given = Buffer.from(String(headers['x-sop-medsos-signature'] ?? ''))
    const want = Buffer.from(
      `sha256=${createHmac('sha256', secret ?? '')
        .update(`${ts}.${raw.toString()}`)
        .digest('hex')}`,
    )
    if (!secret || given.length !== want.length || !timingSafeEqual(given, want))
      return send(res, 401, { error: 'bad signature' })
    const key = String(headers['idempotency-key'] ?? '')
    const seen = webhookSeen.get(key)
    if (key && seen) return send(res, 200, seen)
    const body = JSON.parse(raw.toString()) as { caption?: string; photos?: unknown[] }
    const id = next()
    const answer = { id, url: `https://portal.example.go.id/berita/${id}` }
    posts.push({
      platform: 'webhook',
      account: name,
      id,
      text: body.caption ?? '',
      media: body.photos?.length ?? 0,
      key,
      at: new Date().toISOString(),
    })
    if (key) webhookSeen.set(key, answer)
    send(res, 200, answer)
  }

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const method = req.method ?? 'GET'
    const line = `${method} ${url.pathname}`
    try {
      if (url.pathname.startsWith('/_control/'))
        return control(url.pathname.slice(10), method, req, res)
      requests.push({ method, path: url.pathname, auth: String(req.headers.authorization ?? '') })
      const fault = takeFault(line)
      if (fault?.kind === 'timeout') {
        req.resume()
        return // never answer: the client's timeout fires
      }
      if (fault?.kind === 'reset') return req.socket.destroy()
      if (fault?.kind === 'status')
        return send(res, fault.status ?? 503, {
          error: {
            message: fault.message ?? 'Service Unavailable',
            code: fault.code ?? 2,
            is_transient: true,
          },
        })
      if (fault?.kind === 'graph')
        return graphError(
          res,
          fault.status ?? 400,
          fault.code ?? 1,
          fault.message ?? 'An unknown error occurred',
          fault.subcode,
          fault.transient ?? false,
        )
      if (fault?.kind === 'x429')
        return send(
          res,
          429,
          { title: 'Too Many Requests', status: 429, detail: 'Too Many Requests' },
          { 'x-rate-limit-reset': String(Math.floor(Date.now() / 1000) + 1) },
        )
      const { raw, fields } = await readBody(req)
      // "lost": do the work, then drop the connection before the answer arrives.
      // "hang": do the work, then never answer (the caller times out or is killed).
      const out =
        fault?.kind === 'lost' || fault?.kind === 'hang' ? new http.ServerResponse(req) : res
      if (url.pathname.startsWith('/graph/')) {
        const parts = url.pathname.split('/').filter(Boolean).slice(2) // graph, v20.0
        if (!(await graph(method, parts, url, fields, out)))
          send(out, 404, { error: { message: 'Unknown path', code: 803 } })
      } else if (url.pathname.startsWith('/x/')) {
        await xApi(method, url.pathname.slice(2), req.headers, fields, out)
      } else if (url.pathname.startsWith('/webhook/')) {
        webhookApi(url.pathname.slice(9), req.headers, raw, out)
      } else send(out, 404, { error: 'not found' })
      if (fault?.kind === 'lost') req.socket.destroy()
    } catch (e) {
      send(res, 500, { error: { message: String(e), code: 1, is_transient: true } })
    }
  })

  async function control(
    path: string,
    method: string,
    req: http.IncomingMessage,
    res: http.ServerResponse,
  ) {
    if (path === 'posts') return send(res, 200, { posts })
    if (path === 'reset' && method === 'POST') {
      api.reset()
      return send(res, 200, { ok: true })
    }
    if (path === 'faults' && method === 'POST') {
      const { raw } = await readBody(req)
      const list = JSON.parse(raw.toString() || '[]') as Fault[]
      for (const f of Array.isArray(list) ? list : [list]) api.inject(f)
      return send(res, 200, { ok: true })
    }
    send(res, 404, { error: 'unknown control' })
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const base = `http://127.0.0.1:${port}`
  const api: FakePlatforms = {
    url: base,
    graphUrl: `${base}/graph/v20.0`,
    xUrl: `${base}/x`,
    webhookUrl: (name) => `${base}/webhook/${name}`,
    posts,
    requests,
    inject: (fault) => faults.push({ ...fault, left: fault.times ?? 1 }),
    clearFaults: () => {
      faults = []
    },
    reset: () => {
      faults = []
      posts.length = 0
      requests.length = 0
      photos.clear()
      containers.clear()
      webhookSeen.clear()
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
  return api
}
