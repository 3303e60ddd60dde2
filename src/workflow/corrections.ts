/**
 * The Ketua PPID's corrections during control (SOP step 3, "mengontrol dan mengoreksi"):
 * each content field's value before the first correction and after the last one. They
 * are collected while the submission is `accepted` and recorded in the stage's review
 * (verify or return), so the timeline shows before/after per field, and who made it
 * (`editors`: everyone who changed that field, in order; the review's actor may be
 * another Ketua PPID than the one who corrected).
 */
import { lexicalText } from './text.js'

export const CORRECTABLE_FIELDS = [
  'title',
  'activityDate',
  'location',
  'narrative',
  'caption',
  'photos',
  'videos',
] as const
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number]

export interface CorrectionEditor {
  id: string | number
  name: string | null
}

export interface Correction {
  field: CorrectableField
  before: string
  after: string
  /** Who changed this field (entries written before this was recorded have none). */
  editors?: CorrectionEditor[]
}

const idList = (value: unknown): string =>
  (Array.isArray(value) ? value : [])
    .map((v) => (v && typeof v === 'object' && 'id' in v ? (v as { id: unknown }).id : v))
    .filter((v) => v != null)
    .map(String)
    .join(', ')

/** A field's value as a person reads it in a diff. */
export function displayValue(field: CorrectableField, value: unknown): string {
  if (value == null) return ''
  switch (field) {
    case 'narrative':
      return lexicalText(value)
    case 'photos':
    case 'videos':
      return idList(value)
    case 'activityDate': {
      const date = new Date(value as string)
      return Number.isNaN(date.getTime()) ? String(value) : date.toISOString().slice(0, 10)
    }
    default:
      return String(value)
  }
}

/**
 * Folds one edit into the pending corrections: the first `before` is kept, `after` is the
 * latest value, and a field changed back to where it started drops out.
 */
export function mergeCorrections(
  pending: readonly Correction[] | null | undefined,
  original: Record<string, unknown>,
  data: Record<string, unknown>,
  editor?: CorrectionEditor,
): Correction[] {
  const byField = new Map<CorrectableField, Correction>(
    (pending ?? []).map((c) => [c.field, { ...c }]),
  )
  for (const field of CORRECTABLE_FIELDS) {
    if (!(field in data)) continue
    const before = displayValue(field, original[field])
    const after = displayValue(field, data[field])
    if (before === after) continue
    const first = byField.get(field)?.before ?? before
    if (first === after) {
      byField.delete(field)
      continue
    }
    const editors = [...(byField.get(field)?.editors ?? [])]
    if (editor && !editors.some((e) => String(e.id) === String(editor.id)))
      editors.push({ id: editor.id, name: editor.name ?? null })
    byField.set(field, { field, before: first, after, ...(editors.length ? { editors } : {}) })
  }
  return CORRECTABLE_FIELDS.filter((f) => byField.has(f)).map((f) => byField.get(f)!)
}
