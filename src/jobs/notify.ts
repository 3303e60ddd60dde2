import type { TaskConfig } from 'payload'
import { NOTIFY_TASK, sendNotificationEmail } from '../services/notifications.js'

/** Emails one in-app notice to its recipient. */
export const notifyTask = (): TaskConfig => ({
  slug: NOTIFY_TASK,
  label: 'Kirim email notifikasi',
  inputSchema: [{ name: 'notification', type: 'text', required: true }],
  // Sending is skipped once `emailedAt` is set, so a retry never mails twice
  // after a success.
  retries: 3,
  handler: async ({ input, req }) => {
    const result = await sendNotificationEmail(
      req.payload,
      (input as { notification: string }).notification,
    )
    return { output: { result } }
  },
})
