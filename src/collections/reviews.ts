import type { CollectionConfig } from 'payload'
import type { PluginContext } from '../context.js'
import { ACTIONS, APPROVER_STAGES, STATUSES } from '../workflow/model.js'
import { actionLabels, roleLabels, statusLabels } from '../translations/index.js'
import { never, readRecords } from '../access/records.js'
import { nobody } from '../access/submissions.js'
import { advanceSubmission, decideReviewAction } from '../hooks/reviews.js'

const serverSet = { create: nobody, update: nobody }
const STAGES = ['tim-pelaksana', ...APPROVER_STAGES, 'admin-medsos'] as const

/** Tanggapan Tertulis and every workflow action: immutable once written. */
export function reviewsCollection(ctx: PluginContext): CollectionConfig {
  return {
    slug: ctx.slugs.reviews,
    labels: {
      singular: { id: 'Tanggapan Tertulis', en: 'Review (Tanggapan Tertulis)' },
      plural: { id: 'Tanggapan Tertulis', en: 'Reviews (Tanggapan Tertulis)' },
    },
    admin: {
      useAsTitle: 'action',
      defaultColumns: ['submission', 'action', 'actor', 'fromStatus', 'toStatus', 'createdAt'],
      group: { id: 'Alur SOP Medsos', en: 'Social media SOP' },
    },
    access: {
      read: readRecords,
      create: ({ req: { user } }) => Boolean(user),
      update: never,
      delete: never,
    },
    hooks: {
      beforeChange: [decideReviewAction(ctx)],
      afterChange: [advanceSubmission(ctx)],
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
        name: 'action',
        type: 'select',
        required: true,
        options: ACTIONS.map((value) => ({ value, label: actionLabels[value] })),
        label: { id: 'Aksi', en: 'Action' },
      },
      {
        name: 'note',
        type: 'textarea',
        maxLength: 5000,
        label: { id: 'Tanggapan tertulis / catatan', en: 'Written response / note' },
      },
      {
        name: 'publication',
        type: 'relationship',
        relationTo: ctx.slugs.publications,
        label: { id: 'Target unggahan (untuk Konfirmasi)', en: 'Posting target (for Confirm)' },
        admin: { condition: (data) => data?.action === 'confirm' },
      },
      {
        name: 'url',
        type: 'text',
        maxLength: 2000,
        label: { id: 'Tautan unggahan (untuk Konfirmasi)', en: 'Post URL (for Confirm)' },
        admin: { condition: (data) => data?.action === 'confirm' },
      },
      {
        name: 'actor',
        type: 'relationship',
        relationTo: ctx.slugs.users,
        index: true,
        access: serverSet,
        label: { id: 'Pelaku', en: 'Actor' },
        admin: { readOnly: true },
      },
      {
        name: 'actorName',
        type: 'text',
        access: serverSet,
        admin: { readOnly: true },
        label: { id: 'Nama', en: 'Name' },
      },
      {
        name: 'actorJabatan',
        type: 'text',
        access: serverSet,
        admin: { readOnly: true },
        label: { id: 'Jabatan', en: 'Jabatan' },
      },
      {
        name: 'actorNip',
        type: 'text',
        access: serverSet,
        admin: { readOnly: true },
        label: { id: 'NIP', en: 'NIP' },
      },
      {
        name: 'stage',
        type: 'select',
        options: STAGES.map((value) => ({ value, label: roleLabels[value] })),
        access: serverSet,
        admin: { readOnly: true },
        label: { id: 'Tahap', en: 'Stage' },
      },
      {
        name: 'fromStatus',
        type: 'select',
        options: STATUSES.map((value) => ({ value, label: statusLabels[value] })),
        access: serverSet,
        admin: { readOnly: true },
        label: { id: 'Dari status', en: 'From status' },
      },
      {
        name: 'toStatus',
        type: 'select',
        options: STATUSES.map((value) => ({ value, label: statusLabels[value] })),
        access: serverSet,
        admin: { readOnly: true },
        label: { id: 'Ke status', en: 'To status' },
      },
      {
        name: 'contentHash',
        type: 'text',
        access: serverSet,
        admin: { readOnly: true },
        label: { id: 'Hash konten (SHA-256)', en: 'Content hash (SHA-256)' },
      },
      {
        name: 'corrections',
        type: 'json',
        access: serverSet,
        admin: { readOnly: true },
        label: {
          id: 'Koreksi Ketua PPID (sebelum/sesudah)',
          en: "PPID head's corrections (before/after)",
        },
      },
      {
        name: 'submissionOwner',
        type: 'relationship',
        relationTo: ctx.slugs.users,
        index: true,
        access: serverSet,
        admin: { hidden: true },
      },
    ],
  }
}
