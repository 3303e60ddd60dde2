import type { CollectionConfig, Field, TextFieldValidation } from 'payload'
import type { PluginContext } from '../context.js'
import { ROLES } from '../workflow/model.js'
import { roleLabels } from '../translations/index.js'
import {
  adminOnly,
  adminOrSelf,
  deleteUsers,
  privateUserField,
  readUsers,
  rolesFieldAccess,
} from '../access/users.js'
import {
  checkPassword,
  checkResetPassword,
  endSessionsOnDeactivation,
  firstUserIsAdmin,
  keepUsersOfTheRecord,
  refuseDeactivatedLogin,
} from '../hooks/users.js'
import { message } from '../hooks/errors.js'
import { mergeFields } from './fieldNames.js'
import { LoginLimiter, limitLogins, loginSucceeded } from '../auth/loginLimit.js'

const validateNip: TextFieldValidation = (value, { req }) =>
  !value || /^\d{18}$/.test(value) ? true : message(req, 'nipInvalid')

function staffFields(): Field[] {
  return [
    // Payload's own email field, with read access: the admin and the user themselves.
    { name: 'email', type: 'email', access: { read: privateUserField } } as Field,
    { name: 'name', type: 'text', required: true, label: { id: 'Nama', en: 'Name' } },
    {
      name: 'nip',
      type: 'text',
      validate: validateNip,
      access: { read: privateUserField },
      label: { id: 'NIP', en: 'NIP' },
      admin: { description: { id: '18 angka (opsional).', en: '18 digits (optional).' } },
    },
    { name: 'jabatan', type: 'text', label: { id: 'Jabatan', en: 'Jabatan (position)' } },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      saveToJWT: true,
      options: ROLES.map((value) => ({ value, label: roleLabels[value] })),
      access: { read: privateUserField, create: rolesFieldAccess, update: rolesFieldAccess },
      label: { id: 'Peran', en: 'Roles' },
      admin: { position: 'sidebar' },
    },
    {
      // Users named in the record are never deleted, only deactivated: no login, every
      // session ended, kept for the register and the written responses.
      name: 'deactivated',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      access: { read: privateUserField, create: rolesFieldAccess, update: rolesFieldAccess },
      label: { id: 'Dinonaktifkan', en: 'Deactivated' },
      admin: {
        position: 'sidebar',
        description: {
          id: 'Tidak dapat masuk lagi; tetap tercatat di register.',
          en: 'Can no longer sign in; kept in the register.',
        },
      },
    },
  ]
}

/**
 * Payload's account lock (maxLoginAttempts) lets anyone lock any account and tells
 * them it exists; the plugin limits failed logins per client instead (src/auth/loginLimit.ts).
 */
function withoutAccountLock(auth: CollectionConfig['auth']): CollectionConfig['auth'] {
  if (auth === true) return { maxLoginAttempts: 0 }
  if (auth && typeof auth === 'object') return { ...auth, maxLoginAttempts: 0 }
  return auth
}

/** Adds the staff fields and rules to the consumer's users collection, or creates one. */
export function withStaffUsers(
  ctx: PluginContext,
  existing: CollectionConfig | undefined,
): CollectionConfig {
  const base: CollectionConfig = existing ?? {
    slug: ctx.slugs.users,
    labels: { singular: { id: 'Pengguna', en: 'User' }, plural: { id: 'Pengguna', en: 'Users' } },
    auth: {
      tokenExpiration: 8 * 60 * 60,
    },
    admin: { useAsTitle: 'name', defaultColumns: ['name', 'email', 'roles', 'jabatan'] },
    fields: [],
  }
  const security = ctx.options.security
  const limiter = new LoginLimiter({
    perAccount: security.loginFailuresPerAccount,
    perClient: security.loginFailuresPerClient,
    windowMs: security.loginWindowMs,
    trustProxy: security.trustProxy,
  })
  return {
    ...base,
    auth: withoutAccountLock(base.auth),
    access: {
      read: readUsers,
      create: adminOnly,
      update: adminOrSelf,
      delete: deleteUsers,
      ...(existing ? existing.access : {}),
    },
    hooks: {
      ...base.hooks,
      beforeOperation: [
        ...(base.hooks?.beforeOperation ?? []),
        limitLogins(limiter),
        keepUsersOfTheRecord(ctx),
        checkResetPassword,
      ],
      beforeValidate: [...(base.hooks?.beforeValidate ?? []), checkPassword],
      beforeChange: [...(base.hooks?.beforeChange ?? []), firstUserIsAdmin(ctx.slugs.users)],
      afterChange: [...(base.hooks?.afterChange ?? []), endSessionsOnDeactivation(ctx.slugs.users)],
      beforeLogin: [...(base.hooks?.beforeLogin ?? []), refuseDeactivatedLogin],
      afterLogin: [...(base.hooks?.afterLogin ?? []), loginSucceeded(limiter)],
    },
    // `email` merges into Payload's auth field (its read access), unless the app defined
    // one. An app's text `name`, `nip` or `jabatan` stands in for the plugin's; an app's
    // `roles` or `deactivated` (another plugin's, say) stops start-up with a clear
    // message: the SOP's access rules read them, and a silent merge would let the other
    // field's options and access decide who is admin.
    fields: mergeFields('sopMedsosPlugin', base.slug, base.fields, staffFields(), (name, theirs) =>
      name === 'email'
        ? theirs.type === 'email'
        : ['name', 'nip', 'jabatan'].includes(name) &&
          (theirs.type === 'text' || theirs.type === 'textarea'),
    ),
  }
}
