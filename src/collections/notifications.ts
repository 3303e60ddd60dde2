import type { Access, CollectionConfig, FieldAccess } from 'payload'
import type { PluginContext } from '../context.js'
import { NOTIFICATION_KINDS, type NotificationKind } from '../workflow/notify.js'
import { notificationKindLabels } from '../translations/index.js'
import { nobody } from '../access/submissions.js'
import { NOTIFICATIONS_SLUG, noticeText, type NoticeParams } from '../services/notifications.js'

/** Only the recipient reads (and marks read, or deletes) a notice; the workflow writes them. */
const ownNotices: Access = ({ req: { user } }) =>
  user ? { recipient: { equals: user.id } } : false
const serverSet: { create: FieldAccess; update: FieldAccess } = { create: nobody, update: nobody }

export function notificationsCollection(ctx: PluginContext): CollectionConfig {
  return {
    slug: NOTIFICATIONS_SLUG,
    labels: {
      singular: { id: 'Notifikasi', en: 'Notification' },
      plural: { id: 'Notifikasi', en: 'Notifications' },
    },
    admin: {
      defaultColumns: ['message', 'submission', 'read', 'createdAt'],
      group: { id: 'Alur SOP Medsos', en: 'Social media SOP' },
      description: {
        id: 'Pemberitahuan untuk Anda: pengajuan yang menunggu tindakan, dikembalikan, gagal diunggah, atau lewat batas waktu.',
        en: 'Notices for you: submissions waiting for your action, returned, failed to post, or past their deadline.',
      },
    },
    defaultSort: '-createdAt',
    access: { read: ownNotices, create: () => false, update: ownNotices, delete: ownNotices },
    fields: [
      {
        name: 'message',
        type: 'text',
        virtual: true,
        access: serverSet,
        label: { id: 'Pesan', en: 'Message' },
        admin: { readOnly: true },
        hooks: {
          afterRead: [
            ({ siblingData, req }) =>
              siblingData?.kind && siblingData?.params
                ? noticeText(
                    req.payload,
                    req.i18n?.language === 'en' ? 'en' : 'id',
                    siblingData.kind as NotificationKind,
                    siblingData.params as NoticeParams,
                  )
                : null,
          ],
        },
      },
      {
        name: 'read',
        type: 'checkbox',
        defaultValue: false,
        index: true,
        label: { id: 'Sudah dibaca', en: 'Read' },
      },
      {
        name: 'recipient',
        type: 'relationship',
        relationTo: ctx.slugs.users,
        required: true,
        index: true,
        access: serverSet,
        label: { id: 'Penerima', en: 'Recipient' },
        admin: { readOnly: true },
      },
      {
        name: 'submission',
        type: 'relationship',
        relationTo: ctx.slugs.submissions,
        index: true,
        access: serverSet,
        label: { id: 'Pengajuan', en: 'Submission' },
        admin: { readOnly: true },
      },
      {
        name: 'kind',
        type: 'select',
        required: true,
        options: NOTIFICATION_KINDS.map((value) => ({
          value,
          label: notificationKindLabels[value],
        })),
        access: serverSet,
        label: { id: 'Jenis', en: 'Kind' },
        admin: { readOnly: true },
      },
      { name: 'params', type: 'json', access: serverSet, admin: { hidden: true } },
      { name: 'key', type: 'text', unique: true, index: true, hidden: true, access: serverSet },
      {
        name: 'emailedAt',
        type: 'date',
        access: serverSet,
        label: { id: 'Email terkirim', en: 'Emailed at' },
        admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
      },
    ],
  }
}
