'use client'
/**
 * `payload-plugin-sop-medsos/client`: the admin's client components, one file each in
 * src/admin/components/. Payload loads them through the app's import map
 * (`payload generate:importmap`), by the paths in src/admin/components.ts. They read the
 * workbench endpoints and take actions by creating a review, the same REST call any
 * client makes, so the server's state table stays the only judge of what is allowed.
 */
export { CaptionCounter } from '../admin/components/CaptionCounter.js'
export { DueCell } from '../admin/components/DueCell.js'
export { NotificationBell } from '../admin/components/NotificationBell.js'
export { PhotoCountCell } from '../admin/components/PhotoCountCell.js'
export { PhotosHint } from '../admin/components/PhotosHint.js'
export { QueueDashboard } from '../admin/components/QueueDashboard.js'
export { QueueFilters } from '../admin/components/QueueFilters.js'
export { RegisterTools } from '../admin/components/RegisterTools.js'
export { StatusBadge } from '../admin/components/StatusBadge.js'
export { StatusCell } from '../admin/components/StatusCell.js'
export { SubmissionLinkCell } from '../admin/components/SubmissionLinkCell.js'
export { WorkbenchField } from '../admin/components/WorkbenchField.js'
