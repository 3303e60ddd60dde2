import type { FieldHook } from 'payload'
import { explainKey } from '../publishing/classify.js'
import { sopText } from '../translations/index.js'
import type { CollectionConfig } from 'payload'
import type { PluginContext } from '../context.js'
import { PUBLICATION_STATUSES } from '../workflow/publication.js'
import { never, readRecords } from '../access/records.js'
import { publicationStatusLabels as statusLabels } from '../translations/index.js'

/** One posting target: (submission, account), unique. Written only by the publishing engine. */
export function publicationsCollection(ctx: PluginContext): CollectionConfig {
  return {
    slug: ctx.slugs.publications,
    labels: {
      singular: { id: 'Unggahan', en: 'Publication' },
      plural: { id: 'Unggahan', en: 'Publications' },
    },
    admin: {
      defaultColumns: ['submission', 'account', 'platform', 'status', 'permalink', 'errorMessage'],
      group: { id: 'Alur SOP Medsos', en: 'Social media SOP' },
    },
    access: { read: readRecords, create: never, update: never, delete: never },
    indexes: [{ fields: ['submission', 'account'], unique: true }],
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
        name: 'account',
        type: 'relationship',
        relationTo: ctx.slugs.socialAccounts,
        required: true,
        label: { id: 'Akun', en: 'Account' },
      },
      { name: 'platform', type: 'text', label: { id: 'Platform', en: 'Platform' } },
      {
        name: 'status',
        type: 'select',
        required: true,
        defaultValue: 'queued',
        index: true,
        options: PUBLICATION_STATUSES.map((value) => ({ value, label: statusLabels[value] })),
        label: { id: 'Status', en: 'Status' },
      },
      {
        name: 'attempts',
        type: 'number',
        defaultValue: 0,
        label: { id: 'Percobaan', en: 'Attempts' },
      },
      {
        name: 'armedAt',
        type: 'date',
        label: { id: 'Dikirim pada', en: 'Sent at' },
        admin: { date: { pickerAppearance: 'dayAndTime' } },
      },
      {
        name: 'publishedAt',
        type: 'date',
        label: { id: 'Tayang pada', en: 'Published at' },
        admin: { date: { pickerAppearance: 'dayAndTime' } },
      },
      {
        name: 'postId',
        type: 'text',
        label: { id: 'ID unggahan di platform', en: 'Platform post id' },
      },
      { name: 'permalink', type: 'text', label: { id: 'Tautan', en: 'Permalink' } },
      { name: 'errorClass', type: 'text', label: { id: 'Jenis galat', en: 'Error class' } },
      { name: 'errorCode', type: 'text', label: { id: 'Kode galat', en: 'Error code' } },
      {
        // The platform's own words (its error message), the parameter of the explanation.
        name: 'errorDetail',
        type: 'textarea',
        label: { id: 'Rincian dari platform', en: 'Platform detail' },
      },
      {
        // Not stored: the class and detail put into words in the reader's language.
        name: 'errorMessage',
        type: 'textarea',
        virtual: true,
        admin: { readOnly: true },
        hooks: { afterRead: [explainTarget] },
        label: { id: 'Penjelasan', en: 'Explanation' },
      },
      {
        name: 'confirmedBy',
        type: 'relationship',
        relationTo: ctx.slugs.users,
        label: { id: 'Dikonfirmasi oleh', en: 'Confirmed by' },
      },
      {
        name: 'submissionOwner',
        type: 'relationship',
        relationTo: ctx.slugs.users,
        index: true,
        admin: { hidden: true },
      },
      // The engine's working state: platform ids of prepared media, the worker's lease.
      { name: 'state', type: 'json', hidden: true },
      { name: 'leaseToken', type: 'text', hidden: true },
      { name: 'leaseUntil', type: 'date', hidden: true },
    ],
  }
}

/** A target's explanation, from its stored class, code and detail, in the reader's language. */
const explainTarget: FieldHook = ({ siblingData, req }) => {
  const why = explainKey(siblingData as Parameters<typeof explainKey>[0])
  return why ? sopText(req, why.key, why.vars) : null
}
