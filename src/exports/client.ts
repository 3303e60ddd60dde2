'use client'
/**
 * `payload-plugin-sop-medsos/client`: the admin's client components. Payload loads them
 * through the app's import map (`payload generate:importmap`), by the paths in
 * src/admin/components.ts.
 */
export {
  CaptionCounter,
  DueCell,
  NotificationBell,
  PhotoCountCell,
  PhotosHint,
  QueueDashboard,
  QueueFilters,
  RegisterTools,
  StatusBadge,
  StatusCell,
  SubmissionLinkCell,
  WorkbenchField,
} from '../admin/client.js'
