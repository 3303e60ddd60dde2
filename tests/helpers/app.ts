/**
 * A real app for a test file: its own database on the run's PostgreSQL, the plugin
 * config under test, and helpers that go through the real REST and GraphQL handlers
 * (called in-process with a Request, no server needed).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { GRAPHQL_POST, REST_DELETE, REST_GET, REST_PATCH, REST_POST } from '@payloadcms/next/routes'
import pg from 'pg'
import { getPayload, type Payload } from 'payload'
import { inject } from 'vitest'
import { appConfig, type AppConfigInput } from '../../dev/appConfig.js'
import type { SopMedsosOptions } from '../../src/options.js'

export interface TestApp {
  payload: Payload
  config: ReturnType<typeof appConfig>
  databaseUri: string
  rest: (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    path: string,
    init?: RestInit,
  ) => Promise<RestResult>
  graphql: (
    query: string,
    init?: { token?: string; lang?: string; variables?: Record<string, unknown> },
  ) => Promise<RestResult>
  sql: <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>
  /** GET through the real REST handler, the Response untouched (files, feeds, headers). */
  get: (path: string, headers?: Record<string, string>) => Promise<Response>
}

export interface RestInit {
  token?: string
  lang?: string
  json?: unknown
  form?: FormData
}

export interface RestResult {
  status: number
  body: any
}

let counter = 0

export async function createDatabase(name: string): Promise<string> {
  const adminUri = inject('adminDatabaseUri')
  const database =
    `t_${name.replace(/\W/g, '_')}_${process.pid}_${Date.now()}_${counter++}`.toLowerCase()
  const client = new pg.Client({ connectionString: adminUri })
  await client.connect()
  await client.query(`create database "${database}"`)
  await client.end()
  const url = new URL(adminUri)
  url.pathname = `/${database}`
  return url.toString()
}

export async function createTestApp(
  name: string,
  plugin: SopMedsosOptions = {},
  key?: string,
  logs?: string[],
  extra: Partial<AppConfigInput> = {},
): Promise<TestApp> {
  const databaseUri = extra.databaseUri ?? (await createDatabase(name))
  const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), `sop-media-${name}-`))
  const config = appConfig({
    ...extra,
    databaseUri,
    secret: 'test-secret',
    plugin: { mediaDir, ...plugin },
    poolMax: 30,
    ...(logs
      ? {
          logLevel: 'debug' as const,
          logDestination: { write: (line: string) => void logs.push(line) },
        }
      : { logLevel: (process.env.TEST_LOG_LEVEL as 'warn') ?? 'fatal' }),
  })
  const payload = await getPayload({ config, key })
  const pool = new pg.Pool({ connectionString: databaseUri, max: 2 })
  // The fault tests restart the server under this pool: dead connections are dropped, not thrown.
  pool.on('error', () => {})
  pool.on('connect', (client) => client.on('error', () => {}))
  const handlers = {
    GET: REST_GET(config),
    POST: REST_POST(config),
    PATCH: REST_PATCH(config),
    DELETE: REST_DELETE(config),
  }
  const graphqlHandler = GRAPHQL_POST(config)

  const headers = (token?: string, lang?: string) => {
    const h = new Headers()
    if (token) h.set('Authorization', `JWT ${token}`)
    h.set('Accept-Language', lang ?? 'id')
    return h
  }
  const read = async (res: Response): Promise<RestResult> => {
    const text = await res.text()
    let body: unknown = text
    try {
      body = JSON.parse(text)
    } catch {
      /* not JSON */
    }
    return { status: res.status, body }
  }

  return {
    payload,
    config,
    databaseUri,
    async rest(method, route, init = {}) {
      const h = headers(init.token, init.lang)
      let body: BodyInit | undefined
      if (init.json !== undefined) {
        h.set('Content-Type', 'application/json')
        body = JSON.stringify(init.json)
      } else if (init.form) body = init.form
      const url = `http://localhost:3000/api/${route}`
      const slug = route.split('?')[0]!.split('/').filter(Boolean)
      const res = await handlers[method](new Request(url, { method, headers: h, body }), {
        params: Promise.resolve({ slug }),
      })
      return read(res)
    },
    async graphql(query, init = {}) {
      const h = headers(init.token, init.lang)
      h.set('Content-Type', 'application/json')
      const res = await graphqlHandler(
        new Request('http://localhost:3000/api/graphql', {
          method: 'POST',
          headers: h,
          body: JSON.stringify({ query, variables: init.variables ?? {} }),
        }),
      )
      return read(res)
    },
    async get(route, extra = {}) {
      const h = new Headers(extra)
      const slug = route.split('?')[0]!.split('/').filter(Boolean)
      return handlers.GET(
        new Request(`http://localhost:3000/api/${route}`, { method: 'GET', headers: h }),
        {
          params: Promise.resolve({ slug }),
        },
      )
    },
    async sql(text, params) {
      const result = await pool.query(text, params as unknown[])
      return result.rows
    },
  }
}
