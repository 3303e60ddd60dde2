/**
 * The layer rules exist and bite: ESLint, with this repository's config, reports an import
 * cycle and a `payload` import into src/workflow/ (issue 14: `npm test` fails on either).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ESLint } from 'eslint'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const config = path.resolve(import.meta.dirname, '../../eslint.config.mjs')
let dir = ''

const files: Record<string, string> = {
  // Two modules that import each other, with `.js` specifiers as in src/.
  'src/a.ts': "import { b } from './b.js'\nexport const a = (): number => b() + 1\n",
  'src/b.ts':
    "import { a } from './a.js'\nexport const b = (): number => (Math.random() > 2 ? a() : 0)\n",
  // The pure layer reaching for Payload.
  'src/workflow/impure.ts':
    "import { isValidID } from 'payload'\nexport const ok = (id: string): boolean => isValidID(id, 'text')\n",
  'src/workflow/impureShared.ts':
    "import { deepMergeSimple } from 'payload/shared'\nexport const merge = deepMergeSimple\n",
  // What is allowed: pure code, and `payload` outside the pure layer.
  'src/workflow/pure.ts': 'export const double = (n: number): number => n * 2\n',
  'src/services/uses.ts':
    "import type { Payload } from 'payload'\nimport { double } from '../workflow/pure.js'\nexport const count = (p: Payload): number => double(Object.keys(p.collections).length)\n",
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sop-lint-'))
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
    fs.writeFileSync(path.join(dir, name), text)
  }
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('lint: the layer rules', () => {
  it('reports an import cycle and payload in src/workflow/, and nothing else', async () => {
    const eslint = new ESLint({ cwd: dir, overrideConfigFile: config })
    const results = await eslint.lintFiles(['src'])
    const errors = Object.fromEntries(
      results.map((r) => [
        path.relative(dir, r.filePath).split(path.sep).join('/'),
        r.messages.filter((m) => m.severity === 2).map((m) => m.ruleId),
      ]),
    )
    expect(errors).toEqual({
      'src/a.ts': ['import-x/no-cycle'],
      'src/b.ts': ['import-x/no-cycle'],
      'src/workflow/impure.ts': ['no-restricted-imports'],
      'src/workflow/impureShared.ts': ['no-restricted-imports'],
      'src/workflow/pure.ts': [],
      'src/services/uses.ts': [],
    })
  }, 60_000)
})
