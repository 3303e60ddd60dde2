/**
 * Translation completeness: every plugin message exists in Indonesian and English with
 * the same placeholders, every key the code asks for exists, and every label object
 * (statuses, actions, roles, …) has both languages.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { SanitizedConfig } from 'payload'
import { en as payloadEn } from '@payloadcms/translations/languages/en'
import { id as payloadId } from '@payloadcms/translations/languages/id'
import {
  actionLabels,
  notificationKindLabels,
  publicationStatusLabels,
  roleLabels,
  statusLabels,
  localI18n,
  sopText,
  translations,
} from '../../src/translations/index.js'
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
      else if (/\.(ts|tsx)$/.test(entry.name))
        out.push({ file: rel, text: fs.readFileSync(path.join(ROOT, rel), 'utf8') })
    }
  }
  for (const dir of ['src']) walk(dir)
  return out
}

const placeholders = (s: string) => [...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort()

describe('translations', () => {
  it('has one file per language with exactly the same namespaces and keys', () => {
    const keys = (o: object, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        v && typeof v === 'object' ? keys(v, `${prefix}${k}:`) : [`${prefix}${k}`],
      )
    // Indonesian also carries the lexical editor's words (it ships no Indonesian); the
    // plugin's own namespace is the same in every language.
    expect(Object.keys(translations)).toEqual(['id', 'en'])
    expect(Object.keys(translations.en)).toEqual(['sopMedsos'])
    expect(
      keys(translations.id)
        .filter((k) => !k.startsWith('lexical:'))
        .sort(),
    ).toEqual(keys(translations.en).sort())
  })

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
      /\btext\(payload, (?:lang|'id'|'en'), '(\w+)'/g,
      /\b(?:fail|refuse)\((?:req, )?\d{3}, '(\w+)'/g, // endpoints' refusals
      /\bofficePeriod\(req, '(\w+)'/g,
      /\bsopText\([^,()]+(?:\([^)]*\))?, '(\w+)'/g, // sopText(req, 'key') / sopText(await localI18n(config), 'key')
      /sopMedsos:(\w+)\b(?!\$)/g, // req.t / useTranslation keys; `sopMedsos:field_${f}` is checked below
      /: '(notify\w+|emailSubject\w+)'/g, // MESSAGE_KEY / SUBJECT_KEY tables
    ]
    for (const { text } of sources())
      for (const re of patterns) for (const m of text.matchAll(re)) used.add(m[1]!)
    for (const field of CORRECTABLE_FIELDS) used.add(`field_${field}`)
    expect(used.size).toBeGreaterThan(60)
    const missing = [...used].filter((k) => !(k in id) || !(k in en))
    expect(missing).toEqual([])
  })

  it('labels every status, action, role, notification kind and posting status in both languages', () => {
    const check = (
      labels: Record<string, { id: string; en: string }>,
      values: readonly string[],
    ) => {
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

  it("are read through Payload's i18n, also without a request (jobs), with English for a language we lack", async () => {
    const config = {
      i18n: {
        supportedLanguages: { id: payloadId, en: payloadEn },
        fallbackLanguage: 'id',
        translations,
      },
    } as unknown as SanitizedConfig
    expect(sopText(await localI18n(config), 'bodyTooLarge', { max: '2 MB' })).toBe(
      'Permintaan terlalu besar (maksimal 2 MB).',
    )
    expect(sopText(await localI18n(config, 'en'), 'bodyTooLarge', { max: '2 MB' })).toBe(
      'The request is too large (at most 2 MB).',
    )
    // A language the app does not support: Payload would throw; the app's fallback speaks.
    expect(sopText(await localI18n(config, 'de'), 'noNote')).toBe('(tanpa catatan)')
    // An app language without our words: English, not "sopMedsos:noNote".
    expect(sopText({ t: (key: string) => key }, 'captionTooLong', { max: 200, actual: 210 })).toBe(
      'Caption at most 200 characters (now 210).',
    )
  })
})
