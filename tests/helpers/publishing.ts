import type { FakePlatforms } from '../../dev/fakePlatforms.js'
import type { SopMedsosOptions } from '../../src/options.js'
import type { TestApp } from './app.js'
import type { Person } from './fixtures.js'

export const TOKEN = 'fake-valid-token'
export const WEBHOOK_SECRET = 'fake-webhook-secret'

export function publishingOptions(
  fake: FakePlatforms,
  extra: Partial<NonNullable<SopMedsosOptions['publishing']>> = {},
): SopMedsosOptions['publishing'] {
  return {
    baseUrls: { facebook: fake.graphUrl, instagram: fake.graphUrl, x: fake.xUrl },
    mediaBaseUrl: 'http://127.0.0.1:9',
    requestTimeoutMs: 400,
    retryDelayMs: 1,
    pollIntervalMs: 1,
    pollTimeoutMs: 2000,
    prepareAttempts: 4,
    leaseMs: 60_000,
    // The fake platforms listen on 127.0.0.1: allowed explicitly (the SSRF guard refuses loopback by default).
    allowPrivateHosts: ['127.0.0.1'],
    ...extra,
  }
}

/** The four platforms with API access, created as the Admin Medsos would through REST. */
export async function createAccounts(
  app: TestApp,
  fake: FakePlatforms,
  medsos: Person,
  platforms: readonly ('facebook' | 'instagram' | 'x' | 'webhook')[] = [
    'facebook',
    'instagram',
    'x',
    'webhook',
  ],
) {
  const ids: Record<string, number> = {}
  for (const platform of platforms) {
    const json =
      platform === 'webhook'
        ? {
            label: 'Portal Pemda',
            platform,
            url: fake.webhookUrl('portal'),
            secret: WEBHOOK_SECRET,
          }
        : {
            label: `Akun ${platform}`,
            platform,
            accountId: platform === 'x' ? '@pemkablamandau' : `${platform}-page-1`,
            accessToken: TOKEN,
          }
    const res = await app.rest('POST', 'social-accounts', { token: medsos.token, json })
    if (res.status !== 201)
      throw new Error(`account ${platform}: ${res.status} ${JSON.stringify(res.body)}`)
    ids[platform] = res.body.doc.id
  }
  return ids
}
