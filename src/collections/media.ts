import path from 'node:path'
import type { CollectionConfig, Field } from 'payload'
import type { PluginContext } from '../context.js'
import {
  changeOwnMedia,
  composeMediaChange,
  composeMediaCreate,
  composeMediaRead,
  createMedia,
  readMedia,
} from '../access/media.js'
import { mergeFields } from './fieldNames.js'
import { nobody } from '../access/submissions.js'
import {
  decodeAndStripImage,
  originalFilenameFallback,
  protectRecordedMedia,
  publicMediaFieldsOnly,
  recordFileFacts,
} from '../hooks/media.js'

export const MEDIA_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'video/mp4']

function integrityFields(ctx: PluginContext): Field[] {
  return [
    {
      name: 'sha256',
      type: 'text',
      index: true,
      access: { create: nobody, update: nobody },
      admin: { readOnly: true, position: 'sidebar' },
      label: { id: 'SHA-256 berkas', en: 'File SHA-256' },
    },
    {
      name: 'uploadedBy',
      type: 'relationship',
      relationTo: ctx.slugs.users,
      index: true,
      access: { create: nobody, update: nobody },
      admin: { readOnly: true, position: 'sidebar' },
      label: { id: 'Diunggah oleh', en: 'Uploaded by' },
    },
    {
      name: 'isPublic',
      type: 'checkbox',
      index: true,
      defaultValue: false,
      access: { create: nobody, update: nobody },
      admin: {
        readOnly: true,
        position: 'sidebar',
        description: {
          id: 'Terbuka untuk umum sejak berita yang memuatnya diunggah.',
          en: 'Public since the news it belongs to was published.',
        },
      },
      label: { id: 'Publik', en: 'Public' },
    },
    {
      // A file of the SOP (uploaded by the field team or the Ketua PPID, or attached to a submission):
      // in an app's own media collection, the app's read rule applies to it only once
      // its news is published (access/media.ts composeMediaRead).
      name: 'sopFile',
      type: 'checkbox',
      index: true,
      defaultValue: false,
      access: { create: nobody, update: nobody },
      admin: { readOnly: true, position: 'sidebar' },
      label: { id: 'Berkas SOP', en: 'SOP file' },
    },
    {
      name: 'recordedAt',
      type: 'date',
      index: true,
      access: { create: nobody, update: nobody },
      admin: {
        readOnly: true,
        position: 'sidebar',
        description: {
          id: 'Sejak saat ini berkas menjadi bagian arsip SOP (pengajuan yang sudah diserahkan): tidak dapat diganti atau dihapus.',
          en: 'From this moment the file is part of the SOP record (a handed-in submission): it cannot be replaced or deleted.',
        },
      },
      label: { id: 'Masuk arsip pada', en: 'Recorded at' },
    },
    {
      name: 'originalFilename',
      type: 'text',
      access: { create: nobody, update: nobody },
      hooks: { afterRead: [originalFilenameFallback] },
      admin: { readOnly: true, position: 'sidebar' },
      label: { id: 'Nama berkas asli', en: 'Original file name' },
    },
  ]
}

/** Adds image decoding, EXIF stripping and file hashing to the consumer's media collection, or creates one. */
export function withCheckedMedia(
  ctx: PluginContext,
  existing: CollectionConfig | undefined,
): CollectionConfig {
  const base: CollectionConfig = existing ?? {
    slug: ctx.slugs.media,
    labels: { singular: { id: 'Media', en: 'Media' }, plural: { id: 'Media', en: 'Media' } },
    // A copy would be a second file with the same bytes under another owner.
    disableDuplicate: true,
    access: {
      read: readMedia,
      create: createMedia,
      update: changeOwnMedia,
      delete: changeOwnMedia,
    },
    upload: {
      staticDir: ctx.options.mediaDir ?? path.resolve(process.cwd(), 'media'),
      mimeTypes: MEDIA_MIME_TYPES,
      // Sizes for the web (public cards and the gallery); sharp re-encodes them, so no EXIF.
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
      adminThumbnail: 'thumbnail',
    },
    // Files are stored under random names (hooks/media.ts): the list shows the name sent.
    admin: {
      group: { id: 'Alur SOP Medsos', en: 'Social media SOP' },
      useAsTitle: 'originalFilename',
    },
    fields: [{ name: 'alt', type: 'text', label: { id: 'Teks alternatif', en: 'Alt text' } }],
  }
  // An app's own collection keeps its rules, and the SOP's are added to them (never
  // replaced by them): see access/media.ts.
  const access: CollectionConfig['access'] = existing
    ? {
        ...existing.access,
        read: composeMediaRead(existing.access?.read),
        create: composeMediaCreate(existing.access?.create),
        update: composeMediaChange(existing.access?.update),
        delete: composeMediaChange(existing.access?.delete),
      }
    : base.access
  return {
    ...base,
    access,
    hooks: {
      ...base.hooks,
      beforeOperation: [
        ...(base.hooks?.beforeOperation ?? []),
        protectRecordedMedia,
        decodeAndStripImage,
      ],
      beforeChange: [...(base.hooks?.beforeChange ?? []), recordFileFacts],
      afterRead: [...(base.hooks?.afterRead ?? []), publicMediaFieldsOnly],
    },
    fields: mergeFields(
      'sopMedsosPlugin',
      base.slug,
      base.fields,
      integrityFields(ctx),
      () => false,
    ),
  }
}
