'use client'
import { useFormFields } from '@payloadcms/ui'
import { countCharacters } from '../../workflow/text.js'
import { useText } from './shared.js'

/** Characters left, counted as the server counts them (grapheme clusters). `max` comes from the plugin option. */
export function CaptionCounter({ path, max = 200 }: { path?: string; max?: number }) {
  const { t } = useText()
  const value = useFormFields(([fields]) => fields[path ?? 'caption']?.value)
  const left = max - countCharacters(typeof value === 'string' ? value : '')
  return (
    <div
      className="sop-caption-counter"
      data-left={left}
      style={{ color: left < 0 ? 'var(--theme-error-500)' : 'var(--theme-elevation-500)' }}
    >
      {left >= 0
        ? t('sopMedsos:uiCaptionLeft', { left, max })
        : t('sopMedsos:uiCaptionOver', { over: -left, max })}
    </div>
  )
}
