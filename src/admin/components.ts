/**
 * Where the admin components live. Payload resolves these paths through the app's
 * import map (`payload generate:importmap`); the package path works for an app that
 * installed the plugin from npm and, through the package's self-reference, in this repo.
 */
import type { Config } from 'payload'

export const CLIENT = 'payload-plugin-sop-medsos/client'

export const component = (name: string, clientProps?: Record<string, unknown>) =>
  clientProps ? { path: `${CLIENT}#${name}`, clientProps } : `${CLIENT}#${name}`

/** The dashboard's queue and the header's notification bell, added to the app's own components. */
export function adminComponents(
  admin: Config['admin'],
  usersSlug: string,
): NonNullable<Config['admin']> {
  const components = admin?.components ?? {}
  return {
    ...admin,
    user: admin?.user ?? usersSlug,
    // No Gravatar: office networks are often offline, and an e-mail hash should not leave it.
    avatar: admin?.avatar ?? 'default',
    // "27 Nov 2026 14:05" rather than the US-style default.
    dateFormat: admin?.dateFormat ?? 'd MMM yyyy HH:mm',
    components: {
      ...components,
      beforeDashboard: [...(components.beforeDashboard ?? []), component('QueueDashboard')],
      actions: [...(components.actions ?? []), component('NotificationBell')],
    },
  }
}
