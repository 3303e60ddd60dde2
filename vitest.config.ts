import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/globalSetup.ts'],
    // Integration files each get their own database; two run side by side on 2 cores.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Several apps (databases) per file: push each one's schema, not only the first.
    env: { NODE_ENV: 'test', PAYLOAD_FORCE_DRIZZLE_PUSH: 'true' },
  },
})
