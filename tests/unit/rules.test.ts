import { describe, expect, it } from 'vitest'
import {
  canonicalJson,
  checkSubmissionRules,
  contentHash,
  countCharacters,
  richTextHasContent,
} from '../../src/workflow/index.js'

const rules = { minPhotos: 4, captionMaxLength: 200 }
const photo = (id: number) => ({ id, mimeType: 'image/jpeg', sha256: 'a'.repeat(64) })
const text = (t: string) => ({
  root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text: t }] }] },
})
const valid = { title: 'T', narrative: text('isi'), caption: 'c', photos: [1, 2, 3, 4].map(photo) }

describe('caption length counts what a person sees', () => {
  it('counts emoji, flags and combining accents as one', () => {
    expect(countCharacters('é')).toBe(1) // e + U+0301
    expect(countCharacters('👨‍👩‍👧‍👦')).toBe(1)
    expect(countCharacters('🇮🇩')).toBe(1)
    expect(countCharacters('abc')).toBe(3)
    expect(countCharacters('')).toBe(0)
  })

  it.each([
    [199, []],
    [200, []],
    [201, ['captionTooLong']],
  ])('%i characters of mixed emoji and accents', (n, expected) => {
    const unit = ['a', 'é', '🇮🇩', 'ñ', '👍🏽']
    const caption = Array.from({ length: n }, (_, i) => unit[i % unit.length]).join('')
    expect(caption.length).toBeGreaterThan(n) // more UTF-16 units than characters
    expect(checkSubmissionRules({ ...valid, caption }, rules).map((b) => b.rule)).toEqual(expected)
  })
})

describe('SOP rules at submit', () => {
  it('accepts complete content', () => {
    expect(checkSubmissionRules(valid, rules)).toEqual([])
  })
  it('needs 4 photos that are images', () => {
    expect(checkSubmissionRules({ ...valid, photos: [1, 2, 3].map(photo) }, rules)).toEqual([
      { rule: 'minPhotos', min: 4, actual: 3 },
    ])
    const video = { id: 9, mimeType: 'video/mp4', sha256: 'b' }
    expect(
      checkSubmissionRules({ ...valid, photos: [...[1, 2, 3].map(photo), video] }, rules).map(
        (b) => b.rule,
      ),
    ).toEqual(['minPhotos', 'photosNotImages'])
  })
  it('needs a narrative with text and a caption', () => {
    expect(
      checkSubmissionRules({ ...valid, narrative: text('   ') }, rules).map((b) => b.rule),
    ).toEqual(['narrativeRequired'])
    expect(
      checkSubmissionRules({ ...valid, narrative: null, caption: ' ' }, rules).map((b) => b.rule),
    ).toEqual(['narrativeRequired', 'captionRequired'])
    expect(richTextHasContent(text('x'))).toBe(true)
  })
})

describe('content hash', () => {
  it('ignores key order and changes with any content', () => {
    const a = contentHash(valid)
    expect(a).toMatch(/^[0-9a-f]{64}$/)
    expect(
      contentHash({ caption: 'c', photos: valid.photos, narrative: valid.narrative, title: 'T' }),
    ).toBe(a)
    expect(contentHash({ ...valid, caption: 'd' })).not.toBe(a)
    expect(
      contentHash({
        ...valid,
        photos: [photo(1), photo(2), photo(3), { ...photo(4), sha256: 'b'.repeat(64) }],
      }),
    ).not.toBe(a)
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe('{"a":{"c":3,"d":2},"b":1}')
  })
})
