import type { TaskConfig } from 'payload'
import type { PluginContext } from '../context.js'
import { RECONCILE_TASK, reconcileStale } from '../services/publishing.js'

/**
 * Every minute: targets of a worker that died (lease expired) are reconciled,
 * even when no new approval queues a job.
 */
export const reconcileTask = (ctx: PluginContext): TaskConfig => ({
  slug: RECONCILE_TASK,
  label: 'Rekonsiliasi unggahan',
  schedule: [{ cron: '* * * * *', queue: ctx.options.publishing.queue }],
  retries: 0,
  handler: async ({ req }) => {
    await reconcileStale(req.payload)
    return { output: {} }
  },
})
