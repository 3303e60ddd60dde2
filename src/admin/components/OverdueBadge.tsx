'use client'
import { Pill } from '@payloadcms/ui'
import { useText } from './shared.js'

/** "Terlambat" next to a deadline that has passed. */
export function OverdueBadge() {
  const { t } = useText()
  return (
    <Pill className="sop-overdue" pillStyle="error" size="small">
      {t('sopMedsos:uiOverdue')}
    </Pill>
  )
}
