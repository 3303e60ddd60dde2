import { DomUtils, parseDocument } from 'htmlparser2'
import { describe, expect, it } from 'vitest'
import { escapeHtml, narrativeHtml, sanitize } from '../../src/news/html.js'
import { slugify, uniqueSlug } from '../../src/workflow/slug.js'
import { plainRichText } from '../../dev/lexical.js'

describe('slugify', () => {
  it.each([
    ['Peresmian Jembatan Desa Kujan', 'peresmian-jembatan-desa-kujan'],
    ['  Rapat   koordinasi: Stunting (2026)! ', 'rapat-koordinasi-stunting-2026'],
    ['Café résumé — Ñanga Bulik', 'cafe-resume-nanga-bulik'],
    ['🌉🇮🇩', 'berita'],
    ['', 'berita'],
    ['<script>alert(1)</script>', 'script-alert-1-script'],
  ])('%j → %j', (title, slug) => expect(slugify(title)).toBe(slug))

  it('cuts long titles at a word boundary', () => {
    const slug = slugify('kata '.repeat(40))
    expect(slug.length).toBeLessThanOrEqual(80)
    expect(slug).toMatch(/^kata(-kata)*$/)
    expect(slugify('a'.repeat(200))).toHaveLength(80)
  })

  it('adds the first free number', () => {
    expect(uniqueSlug('rapat', [])).toBe('rapat')
    expect(uniqueSlug('rapat', ['rapat', 'rapat-2', 'rapat-4'])).toBe('rapat-3')
  })
})

describe('public HTML', () => {
  const active = (html: string) =>
    DomUtils.findAll(
      (el) =>
        el.name === 'script' ||
        Object.entries(el.attribs).some(([k, v]) => /^on/i.test(k) || /^\s*javascript:/i.test(v)),
      parseDocument(html).children,
    )

  it('the check finds active markup when it is there', () => {
    expect(
      active('<a href="javascript:alert(1)">x</a><img src=x onerror=alert(1)><script>1</script>'),
    ).toHaveLength(3)
  })

  it('sanitize drops scripts, handlers and javascript: links, keeps text and safe links', () => {
    const out = sanitize(
      '<p onclick="x()">Hai <script>alert(1)</script><a href="javascript:alert(2)">a</a> <a href="https://lamandaukab.go.id">b</a><img src="x" onerror="alert(3)"></p>',
    )
    expect(active(out)).toHaveLength(0)
    expect(out).toContain(
      '<a href="https://lamandaukab.go.id" rel="noopener noreferrer nofollow">b</a>',
    )
    expect(out).toContain('Hai ')
  })

  it('the narrative converter escapes stored markup as text', () => {
    const html = narrativeHtml(plainRichText('<img src=x onerror=alert(1)> & <b>tebal</b>'))
    expect(html).toBe('<p>&lt;img src=x onerror=alert(1)&gt; &amp; &lt;b&gt;tebal&lt;/b&gt;</p>')
    expect(narrativeHtml(null)).toBe('')
    expect(narrativeHtml({ not: 'lexical' })).toBe('')
  })

  it('escapeHtml escapes the five', () => {
    expect(escapeHtml(`<a href="x" title='y'>&`)).toBe(
      '&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;',
    )
  })
})
