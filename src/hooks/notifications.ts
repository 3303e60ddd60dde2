/** afterChange on submissions: a new status notifies (services/notifications.ts does the work). */
import type { CollectionAfterChangeHook } from 'payload'
import type { PluginContext } from '../context.js'
import { notifyStatusEntered } from '../services/notifications.js'

export function notifyOnStatusChange(ctx: PluginContext): CollectionAfterChangeHook {
  return async ({ doc, previousDoc, operation, req }) => {
    if (!ctx.options.notifications.enabled) return doc
    if (operation !== 'update' || !previousDoc || doc.status === previousDoc.status) return doc
    await notifyStatusEntered(req, ctx, doc)
    return doc
  }
}
