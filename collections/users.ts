import type { CollectionConfig, Field, TextFieldValidation } from 'payload'
import type { PluginContext } from '../src/context.js'
import { ROLES } from '../src/workflow/model.js'
import { roleLabels } from '../src/translations.js'
import { adminOnly, adminOrSelf, deleteUsers, readUsers, rolesFieldAccess } from '../access/users.js'
import { firstUserIsAdmin } from '../hooks/users.js'
import { message } from '../hooks/errors.js'

const validateNip: TextFieldValidation = (value, { req }) =>
  !value || /^\d{18}$/.test(value) ? true : message(req, 'nipInvalid')

function staffFields(): Field[] {
  return [
    { name: 'name', type: 'text', required: true, label: { id: 'Nama', en: 'Name' } },
    { name: 'nip', type: 'text', validate: validateNip, label: { id: 'NIP', en: 'NIP' }, admin: { description: { id: '18 angka (opsional).', en: '18 digits (optional).' } } },
    { name: 'jabatan', type: 'text', label: { id: 'Jabatan', en: 'Jabatan (position)' } },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      saveToJWT: true,
      options: ROLES.map((value) => ({ value, label: roleLabels[value] })),
      access: { create: rolesFieldAccess, update: rolesFieldAccess },
      label: { id: 'Peran', en: 'Roles' },
      admin: { position: 'sidebar' },
    },
  ]
}

/** Adds the staff fields and rules to the consumer's users collection, or creates one. */
export function withStaffUsers(ctx: PluginContext, existing: CollectionConfig | undefined): CollectionConfig {
  const base: CollectionConfig = existing ?? {
    slug: ctx.slugs.users,
    labels: { singular: { id: 'Pengguna', en: 'User' }, plural: { id: 'Pengguna', en: 'Users' } },
    auth: {
      maxLoginAttempts: 5,
      lockTime: 15 * 60 * 1000,
      tokenExpiration: 8 * 60 * 60,
    },
    admin: { useAsTitle: 'name', defaultColumns: ['name', 'email', 'roles', 'jabatan'] },
    fields: [],
  }
  const have = new Set((base.fields ?? []).map((f) => ('name' in f ? f.name : undefined)))
  return {
    ...base,
    access: {
      read: readUsers,
      create: adminOnly,
      update: adminOrSelf,
      delete: deleteUsers,
      ...(existing ? existing.access : {}),
    },
    hooks: {
      ...base.hooks,
      beforeChange: [...(base.hooks?.beforeChange ?? []), firstUserIsAdmin(ctx.slugs.users)],
    },
    fields: [...(base.fields ?? []), ...staffFields().filter((f) => !have.has((f as { name: string }).name))],
  }
}
