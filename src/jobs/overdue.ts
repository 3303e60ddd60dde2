import type { TaskConfig } from 'payload'
import type { PluginContext } from '../context.js'
import { OVERDUE_TASK, remindOverdue } from '../services/notifications.js'

/** On the configured schedule: reminders for late steps, escalation a day later. */
export const overdueTask = (ctx: PluginContext): TaskConfig => ({
  slug: OVERDUE_TASK,
  label: 'Pengingat batas waktu',
  schedule: [
    { cron: ctx.options.notifications.overdueCron, queue: ctx.options.notifications.queue },
  ],
  retries: 0,
  handler: async ({ req }) => {
    const sent = await remindOverdue(req.payload)
    return { output: { sent } }
  },
})
