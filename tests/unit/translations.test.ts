/**
 * Translation completeness: every plugin message exists in Indonesian and English with
 * the same placeholders, every key the code asks for exists, and every label object
 * (statuses, actions, roles, …) has both languages.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  actionLabels,
  notificationKindLabels,
  publicationStatusLabels,
  roleLabels,
  statusLabels,
  translations,
} from '../../src/translations.js'
import { ACTIONS, ROLES, STATUSES } from '../../src/workflow/model.js'
import { NOTIFICATION_KINDS } from '../../src/workflow/notify.js'
import { CORRECTABLE_FIELDS } from '../../src/workflow/corrections.js'
import { PUBLICATION_STATUSES } from '../../src/workflow/publication.js'

const ROOT = path.resolve(import.meta.dirname, '../..')
const id = translations.id.sopMedsos as Record<string, string>
const en = translations.en.sopMedsos as Record<string, string>

function sources(): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = []
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(rel)
      else if (/\.(ts|tsx)$/.test(entry.name)) out.push({ file: rel, text: fs.readFileSync(path.join(ROOT, rel), 'utf8') })
    }
  }
  for (const dir of ['src']) walk(dir)
  return out
}

const placeholders = (s: string) => [...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort()

describe('translations', () => {
  it('has the same keys in id and en, none empty, with the same placeholders', () => {
    expect(Object.keys(id).sort()).toEqual(Object.keys(en).sort())
    for (const key of Object.keys(id)) {
      expect(id[key]!.trim(), key).not.toBe('')
      expect(en[key]!.trim(), key).not.toBe('')
      expect(placeholders(id[key]!), key).toEqual(placeholders(en[key]!))
    }
  })

  it('has every key the code uses', () => {
    const used = new Set<string>()
    const patterns = [
      /\b(?:message|forbidden|badRequest|notFound)\(req, '(\w+)'/g,
      /\bt\('(\w+)'/g, // admin components (useText)
      /\btext\(payload, (?:lang|'id'|'en'), '(\w+)'/g,
      /sopMedsos:(\w+)/g,
      /: '(notify\w+|emailSubject\w+)'/g, // MESSAGE_KEY / SUBJECT_KEY tables
    ]
    for (const { text } of sources()) for (const re of patterns) for (const m of text.matchAll(re)) used.add(m[1]!)
    for (const field of CORRECTABLE_FIELDS) used.add(`field_${field}`)
    expect(used.size).toBeGreaterThan(60)
    const missing = [...used].filter((k) => !(k in id) || !(k in en))
    expect(missing).toEqual([])
  })

  it('labels every status, action, role, notification kind and posting status in both languages', () => {
    const check = (labels: Record<string, { id: string; en: string }>, values: readonly string[]) => {
      for (const v of values) {
        expect(labels[v]?.id, v).toBeTruthy()
        expect(labels[v]?.en, v).toBeTruthy()
      }
    }
    check(statusLabels, STATUSES)
    check(actionLabels, ACTIONS)
    check(roleLabels, ROLES)
    check(notificationKindLabels, NOTIFICATION_KINDS)
    check(publicationStatusLabels, PUBLICATION_STATUSES)
    // The SOP's words for the statuses.
    expect(statusLabels.submitted.id).toBe('Diserahkan')
    expect(statusLabels.accepted.id).toBe('Diterima')
    expect(statusLabels.returned.id).toBe('Dikembalikan')
    expect(statusLabels.verified.id).toBe('Diverifikasi')
    expect(statusLabels.approved.id).toBe('Disetujui')
    expect(statusLabels.published.id).toBe('Diunggah')
  })
})
