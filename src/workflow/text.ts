/**
 * Text measures shared by the server and the admin's browser code (no Node imports):
 * the caption counter in the admin counts exactly what the server validates.
 */
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

/** Characters as a person counts them: grapheme clusters (an emoji or an accented letter is one). */
export function countCharacters(text: string | null | undefined): number {
  if (!text) return 0
  let count = 0
  for (const _ of segmenter.segment(text)) count++
  return count
}

/** The plain text of a Lexical editor state (paragraphs on their own lines), for diffs and previews. */
export function lexicalText(value: unknown): string {
  if (typeof value === 'string') return value
  const root = (value as { root?: unknown } | null | undefined)?.root
  if (!root) return ''
  const blocks: string[] = []
  const inline = (node: unknown): string => {
    if (!node || typeof node !== 'object') return ''
    const n = node as { type?: string; text?: string; children?: unknown[] }
    if (typeof n.text === 'string') return n.text
    if (n.type === 'linebreak') return '\n'
    return Array.isArray(n.children) ? n.children.map(inline).join('') : ''
  }
  for (const child of (root as { children?: unknown[] }).children ?? []) blocks.push(inline(child))
  return blocks.join('\n').trim()
}

/**
 * C0 control characters a person never types into a text field: everything below U+0020
 * but tab, line feed and carriage return (CRLF line ends from forms and Windows clients),
 * and NUL (refused on its own rule). An ESC in a title breaks RSS/Atom (invalid XML)
 * and, with CR/LF, forges terminal log lines.
 */
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARACTERS = /[\u0001-\u0008\u000B\u000C\u000E-\u001F]/

/** Control characters (C0, DEL, C1) written visibly, for log lines: `\x1b`, `\n`, `\r`, `\t`. */
export function escapeControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001F\u007F-\u009F]/g, (ch) => {
    if (ch === '\n') return '\\n'
    if (ch === '\r') return '\\r'
    if (ch === '\t') return '\\t'
    return `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`
  })
}

/** Removes what XML 1.0 cannot carry at all (C0 controls but tab/LF/CR, U+FFFE/U+FFFF). */
export function stripXmlInvalid(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
}

/** The plain text of a Lexical rich-text value (paragraphs and headings end a line). */
export function plainText(narrative: unknown): string {
  const out: string[] = []
  const walk = (node: any) => {
    if (!node || typeof node !== 'object') return
    if (typeof node.text === 'string') out.push(node.text)
    if (Array.isArray(node.children)) {
      node.children.forEach(walk)
      if (node.type === 'paragraph' || node.type === 'heading') out.push('\n')
    }
  }
  walk((narrative as { root?: unknown })?.root)
  return out.join('').trim()
}
