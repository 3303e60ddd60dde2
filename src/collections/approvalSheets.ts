import type { CollectionConfig } from 'payload'
import { APPROVAL_SHEETS, type PluginContext } from '../context.js'
import { storageDirs } from '../options.js'
import { never, readRecords } from '../access/records.js'

/** Lembar Persetujuan Publikasi (PDF), one per approval; written only by the workflow. */
export function approvalSheetsCollection(ctx: PluginContext): CollectionConfig {
  return {
    slug: APPROVAL_SHEETS,
    labels: {
      singular: { id: 'Lembar Persetujuan Publikasi', en: 'Approval sheet' },
      plural: { id: 'Lembar Persetujuan Publikasi', en: 'Approval sheets' },
    },
    admin: {
      useAsTitle: 'registerNumber',
      defaultColumns: ['registerNumber', 'submission', 'createdAt'],
      group: { id: 'Alur SOP Medsos', en: 'Social media SOP' },
    },
    access: { read: readRecords, create: never, update: never, delete: never },
    upload: {
      // Its own root, outside the media folder (/api/media/file/… must never reach a sheet).
      staticDir: storageDirs(ctx.options).sheets,
      mimeTypes: ['application/pdf'],
    },
    fields: [
      {
        name: 'submission',
        type: 'relationship',
        relationTo: ctx.slugs.submissions,
        required: true,
        index: true,
        label: { id: 'Pengajuan', en: 'Submission' },
      },
      {
        name: 'registerNumber',
        type: 'text',
        label: { id: 'Nomor Register', en: 'Register number' },
      },
      {
        name: 'contentHash',
        type: 'text',
        index: true,
        label: {
          id: 'Hash konten yang disetujui (SHA-256)',
          en: 'Approved content hash (SHA-256)',
        },
      },
      {
        name: 'submissionOwner',
        type: 'relationship',
        relationTo: ctx.slugs.users,
        index: true,
        admin: { hidden: true },
      },
    ],
  }
}
