/**
 * Everything public is text or sanitised HTML. The narrative goes through Payload's
 * Lexical → HTML converters (which escape text) and then through sanitize-html with a
 * small allow-list, so a stored `<script>`, `onerror=` or `javascript:` link can only
 * ever reach a reader as text.
 */
import { convertLexicalToHTML } from '@payloadcms/richtext-lexical/html'
import sanitizeHtml from 'sanitize-html'

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'code', 'blockquote', 'hr',
    'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'a', 'span',
    'figure', 'figcaption', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
  ],
  allowedAttributes: {
    a: ['href', 'rel', 'title'],
    img: ['src', 'alt', 'width', 'height', 'loading'],
    li: ['value'],
    ol: ['start'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  // Headings inside the narrative start below the page's own <h1>.
  transformTags: {
    h1: 'h2',
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener noreferrer nofollow' } }),
  },
  disallowedTagsMode: 'discard',
}

export function sanitize(html: string): string {
  return sanitizeHtml(html, SANITIZE)
}

/** Text for an attribute or element: the five characters HTML gives meaning to, escaped. */
export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

export function narrativeHtml(narrative: unknown): string {
  if (!narrative || typeof narrative !== 'object' || !('root' in narrative)) return ''
  try {
    return sanitize(convertLexicalToHTML({ data: narrative as never, disableContainer: true }))
  } catch {
    return ''
  }
}
