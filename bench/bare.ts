/** Bare Payload for the benchmarks' baselines: the plugin's collection shapes, no plugin. */
import os from 'node:os'
import path from 'node:path'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig } from 'payload'
import sharp from 'sharp'

/** Bare Payload: the same collection shapes, no plugin, no hooks. */
export function bareConfig(databaseUri: string, mediaDir: string, poolMax = 10) {
  return buildConfig({
    secret: 'bench',
    editor: lexicalEditor(),
    sharp,
    db: postgresAdapter({ pool: { connectionString: databaseUri, max: poolMax } }),
    telemetry: false,
    logger: { options: { level: 'fatal' } },
    // Never write payload-types.ts from a benchmark.
    typescript: {
      autoGenerate: false,
      outputFile: path.join(os.tmpdir(), 'bench-payload-types.ts'),
    },
    collections: [
      { slug: 'users', auth: true, fields: [{ name: 'name', type: 'text' }] },
      {
        slug: 'media',
        // Public like the plugin's published photos (benchmark 2 reads them populated).
        access: { read: () => true },
        upload: {
          staticDir: mediaDir,
          mimeTypes: ['image/jpeg'],
          imageSizes: [
            {
              name: 'thumbnail',
              width: 400,
              height: 300,
              position: 'centre',
              withoutEnlargement: false,
              formatOptions: { format: 'jpeg', options: { quality: 80 } },
            },
            {
              name: 'large',
              width: 1600,
              withoutEnlargement: true,
              formatOptions: { format: 'jpeg', options: { quality: 82 } },
            },
          ],
        },
        fields: [{ name: 'alt', type: 'text' }],
      },
      {
        slug: 'submissions',
        fields: [
          { name: 'title', type: 'text' },
          { name: 'activityDate', type: 'date' },
          { name: 'narrative', type: 'richText' },
          { name: 'caption', type: 'textarea' },
          { name: 'photos', type: 'upload', relationTo: 'media', hasMany: true },
          { name: 'status', type: 'text' },
          { name: 'registerNumber', type: 'text' },
        ],
      },
      {
        slug: 'reviews',
        fields: [
          { name: 'submission', type: 'relationship', relationTo: 'submissions' },
          { name: 'action', type: 'text' },
          { name: 'note', type: 'textarea' },
        ],
      },
      {
        slug: 'register',
        fields: [
          { name: 'number', type: 'text' },
          { name: 'submission', type: 'relationship', relationTo: 'submissions' },
          { name: 'hash', type: 'text' },
        ],
      },
      // Benchmark 2: the published news as a plain, publicly readable collection.
      {
        slug: 'news',
        access: { read: () => true },
        fields: [
          { name: 'title', type: 'text' },
          { name: 'slug', type: 'text', index: true },
          { name: 'activityDate', type: 'date' },
          { name: 'location', type: 'text' },
          { name: 'caption', type: 'textarea' },
          { name: 'narrative', type: 'richText' },
          { name: 'photos', type: 'upload', relationTo: 'media', hasMany: true },
          { name: 'registerNumber', type: 'text' },
          { name: 'publishedAt', type: 'date', index: true },
        ],
      },
    ],
  })
}
