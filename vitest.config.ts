import path from 'node:path'
import { defineConfig } from 'vitest/config'

const src = (file: string) => path.resolve(import.meta.dirname, 'src', file)

export default defineConfig({
  // The demo and the tests import the plugin by its package name, as an app does; here
  // the names resolve to the sources (tsconfig.json `paths` say the same for tsc, Next
  // and tsx).
  resolve: {
    alias: [
      { find: /^payload-plugin-sop-medsos$/, replacement: src('index.ts') },
      { find: /^payload-plugin-sop-medsos\/client$/, replacement: src('exports/client.ts') },
      { find: /^payload-plugin-sop-medsos\/rsc$/, replacement: src('exports/rsc.ts') },
      { find: /^payload-plugin-sop-medsos\/workflow$/, replacement: src('workflow/index.ts') },
    ],
  },
  test: {
    globalSetup: ['tests/globalSetup.ts'],
    // The consumer test (tests/consumer) installs the packed plugin into an app and runs
    // Next dev and a webpack build: it would starve the files running beside it on 2
    // cores, so it runs alone, after every other file has finished.
    projects: [
      {
        extends: true,
        test: { name: 'suite', include: ['tests/**/*.test.ts'], exclude: ['tests/consumer/**'] },
      },
      {
        extends: true,
        test: {
          name: 'consumer',
          include: ['tests/consumer/**/*.test.ts'],
          sequence: { groupOrder: 1 },
        },
      },
    ],
    // Integration files each get their own database; two run side by side on 2 cores.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Several apps (databases) per file: push each one's schema, not only the first.
    env: { NODE_ENV: 'test', PAYLOAD_FORCE_DRIZZLE_PUSH: 'true' },
  },
})
