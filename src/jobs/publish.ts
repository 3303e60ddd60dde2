import type { TaskConfig } from 'payload'
import { PUBLISH_TASK, reconcileStale, runPublishing } from '../services/publishing.js'

/** Posts one approved submission to every enabled account (queued with the approving action). */
export const publishTask = (): TaskConfig => ({
  slug: PUBLISH_TASK,
  label: 'Unggah ke media sosial',
  inputSchema: [{ name: 'submission', type: 'text', required: true }],
  // The engine retries what is safe to retry itself; a crashed run is picked up
  // by the next one (reconcileStale), never by a blind job retry.
  retries: 0,
  handler: async ({ input, req }) => {
    await reconcileStale(req.payload)
    await runPublishing(req.payload, (input as { submission: string }).submission)
    return { output: {} }
  },
})
