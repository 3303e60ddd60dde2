/**
 * A plain Node HTTP server around Payload's own REST handlers (`@payloadcms/next/routes`,
 * the code `next start` runs for /api/*), for benchmark 2: bare Payload and the plugin's
 * app served the same way, so their ratio is the plugin's cost and nothing else.
 * Env: HOST_CONFIG=bare|plugin, DATABASE_URI, PORT, MEDIA_DIR. Prints READY when it serves.
 */
import http from 'node:http'
import { REST_GET } from '@payloadcms/next/routes'
import { getPayload } from 'payload'
import { appConfig } from '../dev/appConfig.js'
import { bareConfig } from './bare.js'

const uri = process.env.DATABASE_URI!
const mediaDir = process.env.MEDIA_DIR!
const config =
  process.env.HOST_CONFIG === 'bare'
    ? bareConfig(uri, mediaDir, 20)
    : appConfig({
        databaseUri: uri,
        secret: process.env.PAYLOAD_SECRET ?? 'bench',
        poolMax: 20,
        logLevel: 'fatal',
        plugin: { mediaDir },
      })
await getPayload({ config })
const GET = REST_GET(config)

const server = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (req.method !== 'GET' || !url.pathname.startsWith('/api/')) {
      res.writeHead(404).end()
      return
    }
    const headers = new Headers()
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v)
    const slug = url.pathname.slice('/api/'.length).split('/').filter(Boolean)
    const response = await GET(new Request(url, { headers }), { params: Promise.resolve({ slug }) })
    const body = Buffer.from(await response.arrayBuffer())
    res.writeHead(response.status, Object.fromEntries(response.headers))
    res.end(body)
  } catch (err) {
    res.writeHead(500).end(String(err))
  }
})
server.keepAliveTimeout = 65_000
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('READY'))
