'use client'
import type { ComponentProps } from 'react'
import { Pill } from '@payloadcms/ui'
import { statusLabels } from '../../translations/labels.js'
import type { Status } from '../../workflow/model.js'
import { useText } from './shared.js'

type PillStyle = NonNullable<ComponentProps<typeof Pill>['pillStyle']>

/** Waiting on staff: neutral; done well: green; stopped or failed: red. */
const STYLE: Record<Status, PillStyle> = {
  draft: 'light-gray',
  submitted: 'light',
  accepted: 'light',
  verified: 'light',
  approved: 'success',
  publishing: 'warning',
  published: 'success',
  returned: 'error',
  declined: 'dark',
  publish_failed: 'error',
}

/** A submission's status as a chip, in the reader's language. */
export function StatusBadge({ status }: { status: Status }) {
  const { lang } = useText()
  return (
    <Pill className="sop-badge" pillStyle={STYLE[status] ?? 'light'} size="small">
      {statusLabels[status]?.[lang] ?? status}
    </Pill>
  )
}
