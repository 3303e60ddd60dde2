import type { CollectionConfig, FieldHook } from 'payload'
import type { PluginContext } from '../context.js'
import { PLATFORMS } from '../publishing/types.js'
import { ADAPTERS, adapterOf } from '../publishing/adapters/index.js'
import { deleteAccounts, manageAccounts } from '../access/publishing.js'
import { nobody } from '../access/submissions.js'
import { keepAccountsWithPublications, sealCredentials } from '../hooks/accounts.js'

const serverSet = { create: nobody, update: nobody }
const writeOnly: FieldHook = () => undefined

/**
 * The agency's accounts. Credentials are write-only: typed into `accessToken`/`secret`,
 * sealed with AES-256-GCM into the hidden `credentials` field, never read back by
 * REST, GraphQL or the Local API's default read.
 */
export function socialAccountsCollection(ctx: PluginContext): CollectionConfig {
  return {
    slug: ctx.slugs.socialAccounts,
    labels: {
      singular: { id: 'Akun Media Sosial', en: 'Social account' },
      plural: { id: 'Akun Media Sosial', en: 'Social accounts' },
    },
    admin: {
      useAsTitle: 'label',
      defaultColumns: ['label', 'platform', 'enabled', 'needsReconnect'],
      group: { id: 'Alur SOP Medsos', en: 'Social media SOP' },
    },
    access: {
      read: manageAccounts,
      create: manageAccounts,
      update: manageAccounts,
      delete: deleteAccounts,
    },
    hooks: {
      beforeChange: [sealCredentials(ctx)],
      beforeDelete: [keepAccountsWithPublications(ctx)],
    },
    fields: [
      { name: 'label', type: 'text', required: true, label: { id: 'Nama akun', en: 'Label' } },
      {
        name: 'platform',
        type: 'select',
        required: true,
        options: PLATFORMS.map((value) => ({
          value,
          label: ADAPTERS[value].label,
        })),
        label: { id: 'Platform', en: 'Platform' },
      },
      {
        name: 'enabled',
        type: 'checkbox',
        defaultValue: true,
        label: { id: 'Aktif', en: 'Enabled' },
      },
      {
        name: 'accountId',
        type: 'text',
        label: {
          id: 'ID akun (Page ID, Instagram user ID, akun X)',
          en: 'Account id (Page id, Instagram user id, X handle)',
        },
      },
      {
        name: 'url',
        type: 'text',
        label: { id: 'URL webhook', en: 'Webhook URL' },
        admin: { condition: (data) => adapterOf(data?.platform)?.needs.url === true },
      },
      {
        name: 'accessToken',
        type: 'text',
        // Not virtual: Payload's admin renders virtual fields read-only. The value never
        // reaches the column (sealCredentials removes it) and is never read back.
        hooks: { afterRead: [writeOnly] },
        label: {
          id: 'Token akses (tidak ditampilkan lagi)',
          en: 'Access token (never shown again)',
        },
        admin: {
          description: {
            id: 'Isi untuk mengganti token; kosongkan untuk mempertahankan yang tersimpan.',
            en: 'Fill in to replace the token; leave empty to keep the stored one.',
          },
          // Shown until a platform is chosen, then only where the platform needs a token.
          condition: (data) => adapterOf(data?.platform)?.needs.token ?? true,
        },
      },
      {
        name: 'secret',
        type: 'text',
        // Not virtual: Payload's admin renders virtual fields read-only. The value never
        // reaches the column (sealCredentials removes it) and is never read back.
        hooks: { afterRead: [writeOnly] },
        label: {
          id: 'Rahasia HMAC webhook (tidak ditampilkan lagi)',
          en: 'Webhook HMAC secret (never shown again)',
        },
        admin: { condition: (data) => adapterOf(data?.platform)?.needs.url === true },
      },
      { name: 'credentials', type: 'text', hidden: true, access: serverSet },
      {
        name: 'hasCredentials',
        type: 'checkbox',
        access: serverSet,
        label: { id: 'Kredensial tersimpan', en: 'Credentials stored' },
        admin: { readOnly: true, position: 'sidebar' },
      },
      {
        name: 'needsReconnect',
        type: 'checkbox',
        access: serverSet,
        label: { id: 'Perlu disambungkan ulang', en: 'Needs reconnecting' },
        admin: { readOnly: true, position: 'sidebar' },
      },
      {
        name: 'lastError',
        type: 'text',
        access: serverSet,
        label: { id: 'Galat terakhir', en: 'Last error' },
        admin: { readOnly: true, position: 'sidebar' },
      },
    ],
  }
}
