import type { CollectionBeforeChangeHook } from 'payload'

/** The very first account, made without roles (Payload's create-first-user screen), becomes the admin. */
export function firstUserIsAdmin(usersSlug: string): CollectionBeforeChangeHook {
  return async ({ data, operation, req }) => {
    if (operation !== 'create' || (Array.isArray(data.roles) && data.roles.length)) return data
    const { totalDocs } = await req.payload.count({ collection: usersSlug, overrideAccess: true, req })
    if (totalDocs === 0) data.roles = ['admin']
    return data
  }
}

