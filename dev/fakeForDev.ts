/** The demo app's fake platform server: one per process, on a fixed port, survives hot reloads. */
import { startFakePlatforms, type FakePlatforms } from './fakePlatforms.js'

export const FAKE_PLATFORMS_PORT = Number(process.env.FAKE_PLATFORMS_PORT ?? 4010)
export const FAKE_TOKEN = 'fake-valid-token'
export const FAKE_WEBHOOK_SECRET = 'fake-webhook-secret'

const holder = globalThis as unknown as { __sopMedsosFake?: Promise<FakePlatforms | null> }

export function ensureFakePlatforms(): Promise<FakePlatforms | null> {
  holder.__sopMedsosFake ??= startFakePlatforms({
    port: FAKE_PLATFORMS_PORT,
    tokens: [FAKE_TOKEN],
    webhookSecrets: { portal: FAKE_WEBHOOK_SECRET },
  })
    .then((fake) => {
      console.log(`Fake social platforms on ${fake.url} (posts: ${fake.url}/_control/posts)`)
      return fake
    })
    .catch((e: NodeJS.ErrnoException) => {
      // Another process of this app already serves it (e.g. `next dev` workers).
      if (e.code !== 'EADDRINUSE') console.error('fake platforms:', e)
      return null
    })
  return holder.__sopMedsosFake
}
