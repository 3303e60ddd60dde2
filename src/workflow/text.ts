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
  for (const child of ((root as { children?: unknown[] }).children ?? [])) blocks.push(inline(child))
  return blocks.join('\n').trim()
}
