/**
 * Issue 13, accounts and requests: users of the record are never deleted (only
 * deactivated) and PostgreSQL refuses any change to register/review rows (item 4); CSRF
 * (10); failed sign-ins limited per client (14); a body size limit before Payload (15);
 * no unbounded lists (16); no anonymous query on hidden fields (17); who reads users
 * (18); the password policy (22); security headers and GraphQL in production (23).
 * Everything goes through Payload's real REST/GraphQL handlers on a real PostgreSQL.
 */
import fs from 'node:fs'
import path from 'node:path'
import {
  GRAPHQL_PLAYGROUND_GET,
  REST_DELETE,
  REST_GET,
  REST_PATCH,
  REST_POST,
} from '@payloadcms/next/routes'
import { beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/app.js'
import {
  countRows,
  createPeople,
  createPhotos,
  PASSWORD,
  validContent,
  type ActorName,
  type Person,
} from '../helpers/fixtures.js'
import { verifyRegisterInDatabase } from '../../src/register/chain.js'
import { WORKFLOW_CONTEXT } from '../../src/context.js'
import { limitBody } from '../../src/http/bodyLimit.js'
import { makeJpeg } from '../../dev/demoImages.js'

const ROOT = path.resolve(import.meta.dirname, '../..')
const SITE = 'http://localhost:3000'
const EVIL = 'https://evil.example'

let app: TestApp
let people: Record<ActorName, Person>
let photos: number[]
let submittedId: number
let approvedId: number
let accountId: number
let publicationId: number
let handlers: {
  GET: ReturnType<typeof REST_GET>
  POST: ReturnType<typeof REST_POST>
  PATCH: ReturnType<typeof REST_PATCH>
  DELETE: ReturnType<typeof REST_DELETE>
}

/** A request through the real REST handler with any headers (cookies, Origin, X-Forwarded-For). */
async function call(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  route: string,
  init: { headers?: Record<string, string>; json?: unknown; form?: FormData; body?: BodyInit } = {},
) {
  const headers = new Headers({ 'Accept-Language': 'id', ...init.headers })
  let body: BodyInit | undefined = init.body
  if (init.json !== undefined) {
    headers.set('Content-Type', 'application/json')
    body = JSON.stringify(init.json)
  } else if (init.form) body = init.form
  const slug = route.split('?')[0]!.split('/').filter(Boolean)
  const res = await handlers[method](
    new Request(`${SITE}/api/${route}`, { method, headers, body }),
    { params: Promise.resolve({ slug }) },
  )
  const text = await res.text()
  let parsed: any = text
  try {
    parsed = JSON.parse(text)
  } catch {
    /* not JSON */
  }
  return { status: res.status, body: parsed, headers: res.headers }
}

const review = (submission: number, action: string) => {
  const form = new FormData()
  form.append('_payload', JSON.stringify({ submission, action }))
  return form
}

/** The register and the reviews, every column, in a stable order. */
const recordSnapshot = async () => ({
  register: await app.sql('select * from register order by id'),
  reviews: await app.sql('select * from reviews order by id'),
})

const chainOk = async () =>
  expect(await verifyRegisterInDatabase(app.databaseUri)).toMatchObject({ ok: true })

beforeAll(async () => {
  app = await createTestApp('security-auth', { publishing: { mode: 'manual' } })
  handlers = {
    GET: REST_GET(app.config),
    POST: REST_POST(app.config),
    PATCH: REST_PATCH(app.config),
    DELETE: REST_DELETE(app.config),
  }
  people = await createPeople(app)
  const owner = people['tim-pelaksana']
  photos = await createPhotos(app.payload, owner, 8)
  const act = async (id: number, action: string, actor: ActorName) => {
    const res = await app.rest('POST', 'reviews', {
      token: people[actor].token,
      json: { submission: id, action },
    })
    expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(201)
  }
  // One submission all the way to `approved` (register entry, reviews, approval sheet), one just submitted.
  approvedId = (
    await app.rest('POST', 'submissions', {
      token: owner.token,
      json: validContent(photos.slice(0, 4)),
    })
  ).body.doc.id
  await act(approvedId, 'submit', 'tim-pelaksana')
  await act(approvedId, 'accept', 'tim-pertimbangan')
  await act(approvedId, 'verify', 'ketua-ppid')
  await act(approvedId, 'approve', 'atasan-ppid')
  submittedId = (
    await app.rest('POST', 'submissions', {
      token: owner.token,
      json: { ...validContent(photos.slice(4, 8)), title: 'Kedua' },
    })
  ).body.doc.id
  await act(submittedId, 'submit', 'tim-pelaksana')
  // A social account and a confirmed posting target of the approved submission (fixture).
  accountId = (
    await app.payload.create({
      collection: 'social-accounts',
      data: {
        label: 'Portal',
        platform: 'webhook',
        url: 'https://portal.example/hook',
        enabled: false,
      } as never,
      overrideAccess: true,
      context: { [WORKFLOW_CONTEXT]: true },
    })
  ).id as number
  publicationId = (
    await app.payload.create({
      collection: 'publications',
      data: {
        submission: approvedId,
        account: accountId,
        platform: 'webhook',
        status: 'published',
        confirmedBy: people['admin-medsos'].id,
        submissionOwner: owner.id,
      } as never,
      overrideAccess: true,
      context: { [WORKFLOW_CONTEXT]: true },
    })
  ).id as number
})

describe('item 4: users of the record are deactivated, never deleted', () => {
  it('the admin cannot delete a user named in the record: by id, in bulk, through GraphQL (403 userInRecord), nothing changes', async () => {
    const owner = people['tim-pelaksana']
    const before = await recordSnapshot()
    const users = await countRows(app, 'users')
    const byId = await app.rest('DELETE', `users/${owner.id}`, { token: people.admin.token })
    expect(byId.status).toBe(403)
    expect(byId.body.errors[0].data.rule).toBe('userInRecord')
    for (const actor of ['tim-pertimbangan', 'atasan-ppid', 'admin-medsos'] as const) {
      const res = await app.rest('DELETE', `users?where[id][equals]=${people[actor].id}`, {
        token: people.admin.token,
      })
      expect(res.status, actor).toBe(403)
      expect(res.body.errors[0].data.rule, actor).toBe('userInRecord')
    }
    const gql = await app.graphql(
      `mutation { deleteUser(id: ${people['ketua-ppid'].id}) { id } }`,
      { token: people.admin.token },
    )
    expect(gql.body.errors?.[0]?.extensions?.statusCode).toBe(403)
    expect(gql.body.errors[0].message).toMatch(/tidak dapat dihapus, hanya dinonaktifkan/)
    expect(await countRows(app, 'users')).toBe(users)
    expect(await recordSnapshot()).toEqual(before)
    await chainOk()
  })

  it('a user known only as an uploader is kept too; a user the record never names can be deleted', async () => {
    const uploader = await app.payload.create({
      collection: 'users',
      data: {
        email: 'pengunggah@test.lamandaukab.go.id',
        password: PASSWORD,
        name: 'Pengunggah',
        roles: ['tim-pelaksana'],
      } as never,
      overrideAccess: true,
    })
    await createPhotos(
      app.payload,
      {
        id: uploader.id as number,
        email: 'pengunggah@test.lamandaukab.go.id',
        roles: ['tim-pelaksana'],
        token: '',
      },
      1,
      'up',
    )
    const refused = await app.rest('DELETE', `users/${uploader.id}`, { token: people.admin.token })
    expect(refused.status).toBe(403)
    expect(refused.body.errors[0].data.rule).toBe('userInRecord')
    const stranger = await app.payload.create({
      collection: 'users',
      data: {
        email: 'tamu@test.lamandaukab.go.id',
        password: PASSWORD,
        name: 'Tamu',
        roles: [],
      } as never,
      overrideAccess: true,
    })
    const ok = await app.rest('DELETE', `users/${stranger.id}`, { token: people.admin.token })
    expect(ok.status).toBe(200)
    expect(await countRows(app, 'users', 'id = $1', [stranger.id])).toBe(0)
  })

  it('a deactivated user cannot sign in, their JWT stops working at once, and they stay in the record', async () => {
    const email = 'nonaktif@test.lamandaukab.go.id'
    const user = await app.payload.create({
      collection: 'users',
      data: {
        email,
        password: PASSWORD,
        name: 'Akan Nonaktif',
        jabatan: 'Staf',
        roles: ['tim-pertimbangan'],
      } as never,
      overrideAccess: true,
    })
    const login = await app.rest('POST', 'users/login', { json: { email, password: PASSWORD } })
    expect(login.status).toBe(200)
    const token = login.body.token as string
    expect((await app.rest('GET', 'users/me', { token })).body.user?.id).toBe(user.id)
    // The user cannot deactivate themselves (field access: admin, not self).
    await app.rest('PATCH', `users/${user.id}`, { token, json: { deactivated: true } })
    expect(
      (await app.sql('select deactivated from users where id = $1', [user.id]))[0]!.deactivated,
    ).toBe(false)

    const res = await app.rest('PATCH', `users/${user.id}`, {
      token: people.admin.token,
      json: { deactivated: true },
    })
    expect(res.status).toBe(200)
    expect(res.body.doc.deactivated).toBe(true)
    expect((await app.rest('GET', 'users/me', { token })).body.user).toBeNull()
    const reviews = await countRows(app, 'reviews')
    const action = await app.rest('POST', 'reviews', {
      token,
      json: { submission: submittedId, action: 'accept' },
    })
    expect(action.status).toBe(403)
    expect(await countRows(app, 'reviews')).toBe(reviews)
    const again = await app.rest('POST', 'users/login', { json: { email, password: PASSWORD } })
    expect(again.status).toBe(403)
    expect(again.body.errors[0].data.rule).toBe('userDeactivated')
    // A wrong password still gets the generic answer: the flag is not revealed to a guesser.
    const wrong = await app.rest('POST', 'users/login', {
      json: { email, password: 'salah-sekali-123' },
    })
    expect(wrong.status).toBe(401)
    expect(wrong.body.errors[0].data?.rule).toBeUndefined()
    // Still there, named as before.
    expect((await app.payload.findByID({ collection: 'users', id: user.id })).name).toBe(
      'Akan Nonaktif',
    )
  })

  it('PostgreSQL refuses UPDATE, DELETE and TRUNCATE of register and review rows', async () => {
    const before = await recordSnapshot()
    for (const statement of [
      `update register set summary = 'diubah diam-diam'`,
      'update register set actor_id = null',
      'delete from register',
      'truncate register cascade',
      `update reviews set note = 'diubah'`,
      'update reviews set actor_id = null',
      'delete from reviews',
    ]) {
      await expect(app.sql(statement), statement).rejects.toThrow(/record rows are immutable/)
    }
    expect(await recordSnapshot()).toEqual(before)
    await chainOk()
  })

  it('no schema action of any collection rewrites a register row: deleting each kind of referenced row (Local API, overrideAccess)', async () => {
    const owner = people['tim-pelaksana']
    const sheet = (
      await app.payload.find({
        collection: 'approval-sheets',
        where: { submission: { equals: approvedId } },
        overrideAccess: true,
      })
    ).docs[0]!
    const register = (
      await app.payload.find({ collection: 'register', limit: 1, overrideAccess: true })
    ).docs[0]!
    const reviewId = (
      await app.payload.find({ collection: 'reviews', limit: 1, overrideAccess: true })
    ).docs[0]!.id
    const targets: [string, string | number][] = [
      ['users', owner.id],
      ['users', people['atasan-ppid'].id],
      ['users', people['admin-medsos'].id],
      ['submissions', approvedId],
      ['submissions', submittedId],
      ['media', photos[0]!],
      ['social-accounts', accountId],
      ['publications', publicationId],
      ['approval-sheets', sheet.id],
      ['reviews', reviewId],
      ['register', register.id],
    ]
    for (const [collection, id] of targets) {
      const before = await recordSnapshot()
      let outcome = 'deleted'
      try {
        await app.payload.delete({ collection: collection as 'users', id, overrideAccess: true })
      } catch (error) {
        outcome = `refused: ${(error as Error).message.slice(0, 80)}`
      }
      expect(await recordSnapshot(), `${collection} ${id} (${outcome})`).toEqual(before)
      await chainOk()
    }
    // The people and the submissions of the record are all still there.
    expect(
      await countRows(app, 'users', 'id = any($1)', [
        [owner.id, people['atasan-ppid'].id, people['admin-medsos'].id],
      ]),
    ).toBe(3)
    expect(await countRows(app, 'submissions', 'id = any($1)', [[approvedId, submittedId]])).toBe(2)
  })

  it('a bulk delete over every user (Local API, overrideAccess) deletes nobody of the record', async () => {
    const before = await recordSnapshot()
    const users = await countRows(app, 'users')
    await expect(
      app.payload.delete({
        collection: 'users',
        where: { id: { exists: true } },
        overrideAccess: true,
      }),
    ).rejects.toThrow(/dinonaktifkan|deactivated/)
    expect(await countRows(app, 'users')).toBe(users)
    expect(await recordSnapshot()).toEqual(before)
    await chainOk()
  })
})

describe('item 10: CSRF', () => {
  const cookie = (person: Person) => `payload-token=${person.token}`

  it('a cookie session from another site cannot act (403 crossOriginRefused), nothing is written; from this site it can', async () => {
    const reviewer = people['tim-pertimbangan']
    const reviews = await countRows(app, 'reviews')
    const evil = await call('POST', 'reviews', {
      headers: { Cookie: cookie(reviewer), Origin: EVIL },
      form: review(submittedId, 'accept'),
    })
    expect(evil.status).toBe(403)
    expect(evil.body.errors[0].data.rule).toBe('crossOriginRefused')
    // Referer only, or only Sec-Fetch-Site: cross-site (an old or privacy-minded browser).
    const variants: Record<string, string>[] = [
      { Referer: `${EVIL}/halaman` },
      { 'Sec-Fetch-Site': 'cross-site' },
      { Origin: 'null' },
    ]
    for (const headers of variants) {
      const res = await call('POST', 'reviews', {
        headers: { Cookie: cookie(reviewer), ...headers },
        form: review(submittedId, 'accept'),
      })
      expect(res.status, JSON.stringify(headers)).toBe(403)
      expect(res.body.errors[0].data.rule).toBe('crossOriginRefused')
    }
    // Payload's own endpoints too (the cookie is ignored: anonymous).
    const name = await call('PATCH', `users/${reviewer.id}`, {
      headers: { Cookie: cookie(reviewer), Origin: EVIL },
      json: { name: 'Dibajak' },
    })
    expect(name.status).toBe(403)
    expect((await app.payload.findByID({ collection: 'users', id: reviewer.id })).name).toBe(
      'User tim-pertimbangan',
    )
    expect(await countRows(app, 'reviews')).toBe(reviews)
    expect(
      (await app.sql('select status from submissions where id = $1', [submittedId]))[0]!.status,
    ).toBe('submitted')
    // Reading with the cookie from another site is not a state change (the browser keeps the answer from that site anyway).
    expect(
      (await call('GET', 'users/me', { headers: { Cookie: cookie(reviewer), Origin: EVIL } }))
        .status,
    ).toBe(200)
  })

  it('the same request from this site, or with a JWT header from anywhere, works', async () => {
    const a = await app.rest('POST', 'submissions', {
      token: people['tim-pelaksana'].token,
      json: { ...validContent(photos.slice(4, 8)), title: 'CSRF 1' },
    })
    const b = await app.rest('POST', 'submissions', {
      token: people['tim-pelaksana'].token,
      json: { ...validContent(photos.slice(4, 8)), title: 'CSRF 2' },
    })
    for (const s of [a, b])
      expect(
        (
          await app.rest('POST', 'reviews', {
            token: people['tim-pelaksana'].token,
            json: { submission: s.body.doc.id, action: 'submit' },
          })
        ).status,
      ).toBe(201)
    const own = await call('POST', 'reviews', {
      headers: { Cookie: cookie(people['tim-pertimbangan']), Origin: SITE },
      form: review(a.body.doc.id, 'accept'),
    })
    expect(own.status, JSON.stringify(own.body)).toBe(201)
    const header = await call('POST', 'reviews', {
      headers: { Authorization: `JWT ${people['tim-pertimbangan'].token}`, Origin: EVIL },
      form: review(b.body.doc.id, 'accept'),
    })
    expect(header.status, JSON.stringify(header.body)).toBe(201)
    await chainOk()
  })

  it('the runnable app sets csrf from the site URL, and Payload applies it', async () => {
    const { siteOriginsFromEnv } = await import('../../dev/appConfig.js')
    expect(
      siteOriginsFromEnv({
        NODE_ENV: 'production',
        SERVER_URL: 'https://ppid.lamandaukab.go.id/',
      } as never),
    ).toEqual(['https://ppid.lamandaukab.go.id'])
    expect(siteOriginsFromEnv({ NODE_ENV: 'development' } as never)).toEqual([
      'http://localhost:3000',
      'http://127.0.0.1:3000',
    ])
    const config = fs.readFileSync(path.join(ROOT, 'dev/payload.config.ts'), 'utf8')
    expect(config).toMatch(/csrf: siteOriginsFromEnv\(\)/)
  })
})

describe('item 14: failed sign-ins are limited per client, with one generic answer', () => {
  const login = (email: string, password: string, client: string) =>
    call('POST', 'users/login', {
      headers: { 'X-Forwarded-For': client },
      json: { email, password },
    })

  it('five failures lock that client out of that account only; the owner signs in elsewhere; the answers do not tell who exists', async () => {
    const victim = people['admin-medsos']
    const attacker = '203.0.113.7'
    const generic = (
      await login('tidak-ada@test.lamandaukab.go.id', 'salah-sekali-123', '198.51.100.1')
    ).body
    for (let i = 0; i < 5; i++) {
      const res = await login(victim.email, 'salah-sekali-123', attacker)
      expect(res.status).toBe(401)
      expect(res.body).toEqual(generic)
    }
    // The right password from the attacker's client: refused, the very same answer.
    const blocked = await login(victim.email, PASSWORD, attacker)
    expect(blocked.status).toBe(401)
    expect(blocked.body).toEqual(generic)
    const unknown = await login(
      'juga-tidak-ada@test.lamandaukab.go.id',
      'salah-sekali-123',
      attacker,
    )
    expect(unknown.body).toEqual(generic)
    // The owner, from their own computer: fine. No lock column on the account.
    const owner = await login(victim.email, PASSWORD, '192.0.2.50')
    expect(owner.status).toBe(200)
    const columns = (
      await app.sql<{ column_name: string }>(
        `select column_name from information_schema.columns where table_name = 'users'`,
      )
    ).map((r) => r.column_name)
    expect(columns).not.toContain('lock_until')
  })

  it('a success clears that client’s count for the account', async () => {
    const person = people['atasan-ppid']
    const client = '203.0.113.20'
    for (let i = 0; i < 4; i++)
      expect((await login(person.email, 'salah-sekali-123', client)).status).toBe(401)
    expect((await login(person.email, PASSWORD, client)).status).toBe(200)
    for (let i = 0; i < 4; i++)
      expect((await login(person.email, 'salah-sekali-123', client)).status).toBe(401)
    expect((await login(person.email, PASSWORD, client)).status).toBe(200)
  })

  it('one client spraying many accounts is stopped after 30 failures, others are not', async () => {
    const sprayer = '203.0.113.99'
    for (let i = 0; i < 30; i++)
      expect(
        (await login(`akun${i}@test.lamandaukab.go.id`, 'salah-sekali-123', sprayer)).status,
      ).toBe(401)
    expect((await login(people['ketua-ppid'].email, PASSWORD, sprayer)).status).toBe(401)
    expect((await login(people['ketua-ppid'].email, PASSWORD, '192.0.2.51')).status).toBe(200)
  })

  it('the client is the address the trusted proxy saw, not what the client claims', async () => {
    const { clientAddress } = await import('../../src/auth/requests.js')
    const h = (xff: string) => new Headers({ 'x-forwarded-for': xff })
    expect(clientAddress(h('6.6.6.6, 203.0.113.7'), 1)).toBe('203.0.113.7')
    expect(clientAddress(h('6.6.6.6, 203.0.113.7, 10.0.0.2'), 2)).toBe('203.0.113.7')
    expect(clientAddress(h('203.0.113.7'), 0)).toBe('203.0.113.7')
    expect(clientAddress(new Headers(), 0)).toBe('unknown')
  })
})

describe('item 15: a body size limit in front of every route', () => {
  let post: ReturnType<typeof limitBody>
  beforeAll(() => {
    post = limitBody(REST_POST(app.config), app.config) as never
  })
  const send = (route: string, body: BodyInit, headers: Record<string, string> = {}) =>
    post(
      new Request(`${SITE}/api/${route}`, {
        method: 'POST',
        headers: { 'Accept-Language': 'id', ...headers },
        body,
        duplex: 'half',
      } as RequestInit),
      {
        params: Promise.resolve({ slug: route.split('?')[0]!.split('/') }),
      } as never,
    )

  it('a declared 150 MB anonymous forgot-password → 413 bodyTooLarge before anything is read', async () => {
    let pulled = 0
    const stream = new ReadableStream({
      pull(controller) {
        pulled++
        controller.enqueue(new Uint8Array(64 * 1024))
      },
    })
    const res = await send('users/forgot-password', stream, {
      'Content-Type': 'application/json',
      'Content-Length': String(150 * 1024 * 1024),
    })
    expect(res.status).toBe(413)
    const body = await res.json()
    expect(body.errors[0].data.rule).toBe('bodyTooLarge')
    expect(body.errors[0].message).toMatch(/terlalu besar/)
    expect(pulled).toBeLessThan(3)
  })

  it('says so in the language Payload picks for the request (Accept-Language here)', async () => {
    const res = await send('users/login', 'x', {
      'Content-Type': 'application/json',
      'Content-Length': String(150 * 1024 * 1024),
      'Accept-Language': 'en',
    })
    expect(res.status).toBe(413)
    expect((await res.json()).errors[0].message).toBe('The request is too large (at most 2 MB).')
  })

  it('a body without a length is counted and cut at the limit (413)', async () => {
    let sent = 0
    const stream = new ReadableStream({
      pull(controller) {
        if (sent > 10 * 1024 * 1024) return controller.close()
        sent += 256 * 1024
        controller.enqueue(new Uint8Array(256 * 1024).fill(0x20))
      },
    })
    const res = await send('users/login', stream, { 'Content-Type': 'application/json' })
    expect(res.status).toBe(413)
    expect((await res.json()).errors[0].data.rule).toBe('bodyTooLarge')
    expect(sent).toBeLessThan(4 * 1024 * 1024)
  })

  it('small bodies pass untouched; an upload may be larger than the general limit', async () => {
    const ok = await send(
      'users/forgot-password',
      JSON.stringify({ email: 'tidak-ada@test.lamandaukab.go.id' }),
      { 'Content-Type': 'application/json' },
    )
    expect(ok.status).toBe(200)
    const media = await countRows(app, 'media')
    const form = new FormData()
    const big = Buffer.concat([
      await makeJpeg('besar', 10, 320, 240),
      Buffer.alloc(3 * 1024 * 1024),
    ])
    form.append('file', new Blob([big], { type: 'image/jpeg' }), 'besar.jpg')
    form.append('_payload', JSON.stringify({ alt: 'besar' }))
    const upload = await send('media', form, {
      Authorization: `JWT ${people['tim-pelaksana'].token}`,
    })
    expect(upload.status).not.toBe(413)
    const general = await send(
      'users/login',
      JSON.stringify({ email: 'x', password: 'y'.repeat(3 * 1024 * 1024) }),
      { 'Content-Type': 'application/json' },
    )
    expect(general.status).toBe(413)
    expect(await countRows(app, 'media')).toBe(media + (upload.status === 201 ? 1 : 0))
  })

  it('the app routes use it for every method with a body', () => {
    const rest = fs.readFileSync(
      path.join(ROOT, 'dev/app/(payload)/api/[...slug]/route.ts'),
      'utf8',
    )
    for (const method of ['POST', 'PATCH', 'PUT', 'DELETE'])
      expect(rest).toMatch(
        new RegExp(`export const ${method} = limitBody\\(REST_${method}\\(config\\), config\\)`),
      )
    const graphql = fs.readFileSync(
      path.join(ROOT, 'dev/app/(payload)/api/graphql/route.ts'),
      'utf8',
    )
    expect(graphql).toMatch(/export const POST = limitBody\(GRAPHQL_POST\(config\), config\)/)
  })
})

describe('item 16: no unbounded lists', () => {
  it('limit=0 and pagination=false → 400 paginationAll (REST and GraphQL), for staff and anonymous', async () => {
    for (const route of [
      'submissions?limit=0',
      'submissions?pagination=false',
      'users?limit=0',
      'media?limit=0',
      'reviews?pagination=false&limit=0',
    ]) {
      const res = await app.rest('GET', route, { token: people.admin.token })
      expect(res.status, route).toBe(400)
      expect(res.body.errors[0].data.rule, route).toBe('paginationAll')
    }
    expect((await app.rest('GET', 'submissions?limit=0')).status).toBe(400)
    const gql = await app.graphql('{ Submissions(limit: 0) { docs { id } } }', {
      token: people.admin.token,
    })
    expect(gql.body.errors?.[0]?.extensions?.statusCode).toBe(400)
    expect(gql.body.data?.Submissions ?? null).toBeNull()
    expect(
      (await app.rest('GET', 'submissions?limit=1000', { token: people.admin.token })).status,
    ).toBe(200)
  })

  it('the workflow’s own unbounded reads inside a request still work', async () => {
    // reviews create reads prior reviews with limit 0 (separation of duties)
    const s = await app.rest('POST', 'submissions', {
      token: people['tim-pelaksana'].token,
      json: { ...validContent(photos.slice(4, 8)), title: 'Batas' },
    })
    const res = await app.rest('POST', 'reviews?limit=0', {
      token: people['tim-pelaksana'].token,
      json: { submission: s.body.doc.id, action: 'submit' },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
  })
})

describe('item 17: anonymous queries only on public fields', () => {
  const refused = [
    'media?where[uploadedBy][equals]=1',
    'media?where[sha256][equals]=abc',
    'media?where[isPublic][equals]=false',
    'media?where[createdAt][greater_than]=2000-01-01',
    'submissions?where[photos.sha256][equals]=abc',
    'submissions?where[photos.uploadedBy][equals]=1',
    'submissions?where[createdAt][greater_than]=2000-01-01',
    'submissions?where[createdBy][equals]=1',
    'submissions?where[status][equals]=draft',
    'submissions?where[or][0][title][equals]=x&where[or][1][createdBy][equals]=1',
    'submissions?where[and][0][or][0][photos.sha256][exists]=true',
    'submissions?sort=createdAt',
    'submissions?sort=-dueAt',
    'media?sort=uploadedBy',
  ]
  it.each(refused)('%s → 400 queryNotPublic', async (route) => {
    const res = await app.rest('GET', route)
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.rule).toBe('queryNotPublic')
  })

  it('public fields still filter and sort; staff filter on anything they may read', async () => {
    for (const route of [
      'submissions?where[title][like]=x',
      'submissions?where[photos.filename][exists]=true',
      'submissions?where[photos][in]=1',
      'submissions?sort=-publishedAt',
      'media?where[filename][equals]=x',
    ]) {
      expect((await app.rest('GET', route)).status, route).toBe(200)
    }
    expect(
      (
        await app.rest('GET', 'media?where[uploadedBy][equals]=1', {
          token: people['ketua-ppid'].token,
        })
      ).status,
    ).toBe(200)
  })

  it('GraphQL too', async () => {
    const res = await app.graphql(
      '{ allMedia(where: { sha256: { equals: "abc" } }) { docs { id } } }',
    )
    expect(res.body.errors?.[0]?.extensions?.statusCode).toBe(400)
    expect(res.body.errors[0].message).toMatch(/sha256/)
    const ok = await app.graphql(
      '{ allMedia(where: { filename: { equals: "x" } }) { docs { id } } }',
    )
    expect(ok.body.errors).toBeUndefined()
  })
})

describe('item 18: who reads users', () => {
  it('staff see colleagues’ names and jabatan, not their email, NIP or roles; their own in full', async () => {
    await app.payload.update({
      collection: 'users',
      id: people['ketua-ppid'].id,
      data: { nip: '197001011995031001' } as never,
      overrideAccess: true,
    })
    const res = await app.rest('GET', 'users?limit=100', { token: people['tim-pelaksana'].token })
    expect(res.status).toBe(200)
    const me = res.body.docs.find((u: any) => u.id === people['tim-pelaksana'].id)
    expect(me).toMatchObject({ email: people['tim-pelaksana'].email, roles: ['tim-pelaksana'] })
    const ketua = res.body.docs.find((u: any) => u.id === people['ketua-ppid'].id)
    expect(ketua).toMatchObject({ name: 'User ketua-ppid', jabatan: 'Jabatan ketua-ppid' })
    for (const field of ['email', 'nip', 'roles', 'deactivated'])
      expect(ketua, field).not.toHaveProperty(field)
    expect(JSON.stringify(res.body)).not.toContain(people['ketua-ppid'].email)
    // …and cannot probe them with where either.
    const probe = await app.rest('GET', `users?where[email][equals]=${people.admin.email}`, {
      token: people['tim-pelaksana'].token,
    })
    expect(probe.status).toBe(400)
    const byRole = await app.rest('GET', 'users?where[roles][in]=admin', {
      token: people['tim-pelaksana'].token,
    })
    expect(byRole.status).toBe(400)
  })

  it('an account without roles reads only itself; the admin reads everything', async () => {
    const email = 'tanpa-peran@test.lamandaukab.go.id'
    await app.payload.create({
      collection: 'users',
      data: { email, password: PASSWORD, name: 'Tanpa Peran', roles: [] } as never,
      overrideAccess: true,
    })
    const { token } = await app.payload.login({
      collection: 'users',
      data: { email, password: PASSWORD },
    })
    const res = await app.rest('GET', 'users?limit=100', { token })
    expect(res.status).toBe(200)
    expect(res.body.docs.map((u: any) => u.email)).toEqual([email])
    expect((await app.rest('GET', `users/${people.admin.id}`, { token })).status).toBe(404)
    const admin = await app.rest('GET', 'users?limit=100', { token: people.admin.token })
    const ketua = admin.body.docs.find((u: any) => u.id === people['ketua-ppid'].id)
    expect(ketua).toMatchObject({
      email: people['ketua-ppid'].email,
      nip: '197001011995031001',
      roles: ['ketua-ppid'],
    })
  })
})

describe('item 22: password policy', () => {
  const create = (
    password: string,
    email = `baru${Math.random().toString(36).slice(2, 8)}@test.lamandaukab.go.id`,
  ) =>
    app.rest('POST', 'users', {
      token: people.admin.token,
      json: { email, password, name: 'Pengguna Baru', roles: ['tim-pelaksana'] },
    })

  it.each([
    ['password', 'passwordTooShort'],
    ['12345678', 'passwordTooShort'],
    ['rahasia1', 'passwordTooShort'],
    ['1234567890', 'passwordCommon'],
    ['qwertyuiop', 'passwordCommon'],
    ['Password123', 'passwordCommon'],
    ['aaaaaaaaaaaa', 'passwordCommon'],
    ['abcabcabcabc', 'passwordCommon'],
    ['bismillah123', 'passwordCommon'],
  ])('creating a user with %s → 400 %s, nothing written', async (password, rule) => {
    const users = await countRows(app, 'users')
    const res = await create(password)
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.rule).toBe(rule)
    expect(await countRows(app, 'users')).toBe(users)
  })

  it('the email as password → 400 passwordLikeEmail; the fixtures’ and the demo’s passwords pass', async () => {
    const email = 'sama.dengan.email@test.lamandaukab.go.id'
    const res = await create(email, email)
    expect(res.body.errors[0].data.rule).toBe('passwordLikeEmail')
    const { passwordProblem } = await import('../../src/auth/passwords.js')
    const { DEMO_PASSWORD } = await import('../../dev/seed.js')
    expect(passwordProblem(PASSWORD)).toBeNull()
    expect(passwordProblem(DEMO_PASSWORD)).toBeNull()
    expect((await create('kopi-susu-di-kujan')).status).toBe(201)
  })

  it('changing one’s own password and resetting it follow the same rule', async () => {
    const person = people['tim-pelaksana-other']
    const weak = await app.rest('PATCH', `users/${person.id}`, {
      token: person.token,
      json: { password: '12345678' },
    })
    expect(weak.status).toBe(400)
    expect(weak.body.errors[0].data.rule).toBe('passwordTooShort')
    const hash = (await app.sql('select hash from users where id = $1', [person.id]))[0]!.hash
    expect(
      (await app.rest('POST', 'users/forgot-password', { json: { email: person.email } })).status,
    ).toBe(200)
    const { token } = (
      await app.sql<{ token: string }>(
        'select reset_password_token as token from users where id = $1',
        [person.id],
      )
    )[0]!
    const reset = await app.rest('POST', 'users/reset-password', {
      json: { token, password: 'password1' },
    })
    expect(reset.status).toBe(400)
    expect(reset.body.errors[0].data.rule).toBe('passwordTooShort')
    const common = await app.rest('POST', 'users/reset-password', {
      json: { token, password: 'password123' },
    })
    expect(common.body.errors[0].data.rule).toBe('passwordCommon')
    expect((await app.sql('select hash from users where id = $1', [person.id]))[0]!.hash).toBe(hash)
  })
})

describe('item 23: security headers, GraphQL in production', () => {
  it('files come with nosniff and a CSP that allows nothing but showing them', async () => {
    const doc = await app.payload.findByID({
      collection: 'media',
      id: photos[5]!,
      overrideAccess: true,
    })
    const res = await app.get(`media/file/${doc.filename}`, {
      Authorization: `JWT ${people['ketua-ppid'].token}`,
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'.*sandbox/)
  })

  it('next.config.mjs sends frame, nosniff and referrer headers on every path', async () => {
    const mod = await import('../../dev/next.config.mjs')
    const rules = await (
      mod.default as {
        headers: () => Promise<{ source: string; headers: { key: string; value: string }[] }[]>
      }
    ).headers()
    const all = rules.find(
      (r) => r.source === '/:path*' && r.headers.some((h) => h.key === 'X-Frame-Options'),
    )!
    const get = (key: string) => all.headers.find((h) => h.key === key)?.value
    expect(get('X-Frame-Options')).toBe('SAMEORIGIN')
    expect(get('Content-Security-Policy')).toMatch(/frame-ancestors 'self'/)
    expect(get('X-Content-Type-Options')).toBe('nosniff')
  })

  it('in production: no introspection, no playground', async () => {
    const introspection = '{ __schema { types { name } } }'
    expect((await app.graphql(introspection)).body.data?.__schema).toBeTruthy()
    const env = process.env as Record<string, string | undefined>
    const was = env.NODE_ENV
    env.NODE_ENV = 'production'
    try {
      const res = await app.graphql(introspection)
      expect(res.body.data?.__schema ?? null).toBeNull()
      expect(JSON.stringify(res.body.errors)).toMatch(/introspection is not allowed/)
      const playground = await GRAPHQL_PLAYGROUND_GET(app.config)(
        new Request(`${SITE}/api/graphql-playground`),
      )
      expect(playground.status).toBe(404)
    } finally {
      env.NODE_ENV = was
    }
  })
})
