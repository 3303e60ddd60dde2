import type { CollectionConfig, TextareaFieldValidation } from 'payload'
import type { PluginContext } from '../context.js'
import { countCharacters } from '../workflow/content.js'
import { STATUSES } from '../workflow/model.js'
import { statusLabels } from '../translations/index.js'
import {
  createSubmissions,
  deleteSubmissions,
  nobody,
  readSubmissions,
  signedInOnly,
  updateSubmissions,
} from '../access/submissions.js'
import {
  computeOverdue,
  deriveWorkflowFields,
  guardServerFields,
  onlyOwnMedia,
  publicFieldsOnly,
  publicSort,
  publishMedia,
  refuseDeletingRecord,
} from '../hooks/submissions.js'
import { notifyOnStatusChange } from '../hooks/notifications.js'
import { recordAttachedMedia } from '../hooks/media.js'
import { message } from '../hooks/errors.js'
import { component } from '../admin/components.js'

const serverSet = { create: nobody, update: nobody, read: signedInOnly }

export function submissionsCollection(ctx: PluginContext): CollectionConfig {
  const { captionMaxLength } = ctx.options
  const validateCaption: TextareaFieldValidation = (value, { req }) => {
    const actual = countCharacters(value)
    return actual <= captionMaxLength
      ? true
      : message(req, 'captionTooLong', { max: captionMaxLength, actual })
  }
  return {
    slug: ctx.slugs.submissions,
    labels: {
      singular: { id: 'Pengajuan Konten', en: 'Submission' },
      plural: { id: 'Pengajuan Konten', en: 'Submissions' },
    },
    admin: {
      useAsTitle: 'title',
      defaultColumns: ['title', 'status', 'activityDate', 'registerNumber', 'dueAt', 'photos'],
      components: { beforeListTable: [component('QueueFilters')] },
      group: { id: 'Alur SOP Medsos', en: 'Social media SOP' },
    },
    // No edit locks: who may change the content is decided by the status (the owner in
    // draft/returned, the Ketua PPID in accepted), and an editor's stale lock would put a
    // "document locked" dialog in front of the next role's action buttons.
    lockDocuments: false,
    access: {
      read: readSubmissions,
      create: createSubmissions,
      update: updateSubmissions(ctx.workflow),
      delete: deleteSubmissions,
    },
    hooks: {
      beforeOperation: [guardServerFields(ctx), publicSort],
      beforeChange: [deriveWorkflowFields(ctx), onlyOwnMedia(ctx)],
      beforeDelete: [refuseDeletingRecord(ctx)],
      afterChange: [recordAttachedMedia(ctx), publishMedia(ctx), notifyOnStatusChange(ctx)],
      afterRead: [publicFieldsOnly],
    },
    fields: [
      // The workbench: status, deadline, the actions allowed now, the timeline. No data.
      {
        name: 'workbench',
        type: 'ui',
        admin: { components: { Field: component('WorkbenchField') }, disableListColumn: true },
      },
      { name: 'title', type: 'text', required: true, label: { id: 'Judul kegiatan', en: 'Title' } },
      {
        name: 'activityDate',
        type: 'date',
        required: true,
        index: true,
        // The SOP hands documentation in on the day of the activity (H): today by default.
        defaultValue: () => new Date().toISOString(),
        label: { id: 'Tanggal kegiatan (H)', en: 'Activity date (H)' },
        admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'd MMM yyyy' } },
      },
      { name: 'location', type: 'text', label: { id: 'Tempat', en: 'Location' } },
      { name: 'narrative', type: 'richText', label: { id: 'Narasi berita', en: 'News narrative' } },
      {
        name: 'caption',
        type: 'textarea',
        label: { id: 'Caption', en: 'Caption' },
        validate: validateCaption,
        admin: {
          description: {
            id: `Maksimal ${captionMaxLength} karakter.`,
            en: `At most ${captionMaxLength} characters.`,
          },
          components: { afterInput: [component('CaptionCounter', { max: captionMaxLength })] },
        },
      },
      {
        name: 'photos',
        type: 'upload',
        relationTo: ctx.slugs.media,
        hasMany: true,
        label: { id: 'Foto', en: 'Photos' },
        filterOptions: { mimeType: { contains: 'image' } },
        admin: {
          description: {
            id: `Minimal ${ctx.options.minPhotos} foto. Beberapa berkas dapat dipilih atau diseret sekaligus ("Buat baru").`,
            en: `At least ${ctx.options.minPhotos} photos. Several files can be chosen or dropped at once ("Create new").`,
          },
          components: {
            afterInput: [component('PhotosHint', { min: ctx.options.minPhotos })],
            Cell: component('PhotoCountCell'),
          },
        },
      },
      {
        name: 'videos',
        type: 'upload',
        relationTo: ctx.slugs.media,
        hasMany: true,
        label: { id: 'Video', en: 'Videos' },
        filterOptions: { mimeType: { contains: 'video' } },
      },
      {
        name: 'status',
        type: 'select',
        defaultValue: 'draft',
        index: true,
        options: STATUSES.map((value) => ({ value, label: statusLabels[value] })),
        access: serverSet,
        label: { id: 'Status', en: 'Status' },
        admin: {
          position: 'sidebar',
          readOnly: true,
          components: { Cell: component('StatusCell') },
        },
      },
      {
        name: 'registerNumber',
        type: 'text',
        index: true,
        access: { create: nobody, update: nobody },
        label: { id: 'Nomor Register', en: 'Register number' },
        admin: { position: 'sidebar', readOnly: true },
      },
      {
        name: 'submittedAt',
        type: 'date',
        access: serverSet,
        label: { id: 'Diserahkan pada', en: 'Submitted at' },
        admin: {
          position: 'sidebar',
          readOnly: true,
          date: { pickerAppearance: 'dayAndTime', displayFormat: 'd MMM yyyy HH:mm' },
        },
      },
      {
        name: 'dueAt',
        type: 'date',
        index: true,
        access: serverSet,
        label: { id: 'Batas waktu tahap ini', en: 'Due at (current step)' },
        admin: {
          position: 'sidebar',
          readOnly: true,
          date: { pickerAppearance: 'dayAndTime', displayFormat: 'd MMM yyyy HH:mm' },
          components: { Cell: component('DueCell', { timeZone: ctx.options.timeZone }) },
        },
      },
      {
        name: 'overdue',
        type: 'checkbox',
        virtual: true,
        access: serverSet,
        label: { id: 'Lewat batas waktu', en: 'Overdue' },
        hooks: { afterRead: [computeOverdue] },
        admin: { position: 'sidebar', readOnly: true },
      },
      {
        name: 'slug',
        type: 'text',
        unique: true,
        index: true,
        access: { create: nobody, update: nobody },
        label: { id: 'Slug (alamat berita)', en: 'Slug (news URL)' },
        admin: {
          position: 'sidebar',
          readOnly: true,
          description: {
            id: 'Diberikan saat berita diunggah; tetap walaupun judul diperbaiki.',
            en: 'Given when the news is published; kept when the title is corrected.',
          },
        },
      },
      {
        name: 'publishedAt',
        type: 'date',
        index: true,
        access: { create: nobody, update: nobody },
        label: { id: 'Diunggah pada', en: 'Published at' },
        admin: {
          position: 'sidebar',
          readOnly: true,
          date: { pickerAppearance: 'dayAndTime', displayFormat: 'd MMM yyyy HH:mm' },
        },
      },
      {
        name: 'statusChangedAt',
        type: 'date',
        access: serverSet,
        label: { id: 'Status berubah pada', en: 'Status changed at' },
        admin: {
          position: 'sidebar',
          readOnly: true,
          date: { pickerAppearance: 'dayAndTime', displayFormat: 'd MMM yyyy HH:mm' },
        },
      },
      // Corrections made by the Ketua PPID during control, until its review records them.
      { name: 'pendingCorrections', type: 'json', hidden: true },
      {
        name: 'createdBy',
        type: 'relationship',
        relationTo: ctx.slugs.users,
        index: true,
        access: serverSet,
        label: { id: 'Dibuat oleh', en: 'Created by' },
        admin: { position: 'sidebar', readOnly: true },
      },
    ],
  }
}
