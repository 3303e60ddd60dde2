import type { CollectionConfig } from 'payload'
import type { PluginContext } from '../context.js'
import { never, readRecords } from '../access/records.js'
import { registerEndpoints } from '../register/endpoints.js'
import { component } from '../admin/components.js'

/** The register of documentation and content: written only by the workflow, never changed. */
export function registerCollection(ctx: PluginContext): CollectionConfig {
  return {
    slug: ctx.slugs.register,
    labels: {
      singular: { id: 'Register', en: 'Register entry' },
      plural: { id: 'Register Dokumentasi dan Konten', en: 'Register' },
    },
    admin: {
      useAsTitle: 'number',
      defaultColumns: ['number', 'kind', 'submission', 'summary', 'at', 'actor'],
      group: { id: 'Alur SOP Medsos', en: 'Social media SOP' },
      components: {
        beforeListTable: [component('RegisterTools', { timeZone: ctx.options.timeZone })],
      },
    },
    defaultSort: '-chainIndex',
    access: { read: readRecords, create: never, update: never, delete: never },
    endpoints: registerEndpoints(),
    fields: [
      {
        name: 'number',
        type: 'text',
        required: true,
        unique: true,
        label: { id: 'Nomor Register', en: 'Number' },
      },
      {
        name: 'kind',
        type: 'select',
        required: true,
        options: [
          { value: 'documentation', label: { id: 'Dokumentasi', en: 'Documentation' } },
          { value: 'content', label: { id: 'Konten (diunggah)', en: 'Content (published)' } },
        ],
        label: { id: 'Jenis', en: 'Kind' },
      },
      {
        name: 'submission',
        type: 'relationship',
        relationTo: ctx.slugs.submissions,
        required: true,
        index: true,
        label: { id: 'Pengajuan', en: 'Submission' },
        admin: { components: { Cell: component('SubmissionLinkCell') } },
      },
      {
        name: 'at',
        type: 'date',
        required: true,
        index: true,
        label: { id: 'Tanggal', en: 'Date' },
        admin: { date: { pickerAppearance: 'dayAndTime', displayFormat: 'd MMM yyyy HH:mm' } },
      },
      { name: 'actor', type: 'relationship', relationTo: ctx.slugs.users },
      { name: 'summary', type: 'text', label: { id: 'Ringkasan', en: 'Summary' } },
      {
        name: 'approvalSheet',
        type: 'upload',
        relationTo: 'approval-sheets',
        label: { id: 'Lembar Persetujuan Publikasi', en: 'Approval sheet' },
      },
      { name: 'contentHash', type: 'text', required: true, index: true },
      { name: 'previousHash', type: 'text', required: true },
      { name: 'hash', type: 'text', required: true, unique: true },
      { name: 'year', type: 'number', required: true, index: true, admin: { hidden: true } },
      { name: 'sequence', type: 'number', required: true, admin: { hidden: true } },
      { name: 'chainIndex', type: 'number', required: true, unique: true, admin: { hidden: true } },
      {
        name: 'submissionOwner',
        type: 'relationship',
        relationTo: ctx.slugs.users,
        index: true,
        admin: { hidden: true },
      },
      // Names and jabatan as of the act (a later rename does not rewrite the register); not hashed.
      { name: 'actorName', type: 'text', label: { id: 'Nama pelaku', en: 'Actor name' } },
      { name: 'actorJabatan', type: 'text', label: { id: 'Jabatan pelaku', en: 'Actor jabatan' } },
      {
        name: 'ownerName',
        type: 'text',
        label: { id: 'Nama Tim Pelaksana', en: 'Field team member' },
      },
      {
        name: 'ownerJabatan',
        type: 'text',
        label: { id: 'Jabatan Tim Pelaksana', en: 'Field team jabatan' },
      },
    ],
    indexes: [{ fields: ['year', 'sequence'], unique: true }],
  }
}
