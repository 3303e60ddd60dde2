'use client'
import { useFormFields } from '@payloadcms/ui'
import { useText } from './shared.js'

/** "2 foto (minimal 4)" under the photos field, in warning colours until the minimum is met. */
export function PhotosHint({ path, min = 4 }: { path?: string; min?: number }) {
  const { t } = useText()
  const value = useFormFields(([fields]) => fields[path ?? 'photos']?.value)
  const count = Array.isArray(value) ? value.length : 0
  return (
    <div
      className="sop-photo-hint"
      data-count={count}
      style={{ color: count < min ? 'var(--theme-warning-500)' : 'var(--theme-success-500)' }}
    >
      {t('sopMedsos:uiPhotoCount', { count, min })}
    </div>
  )
}
