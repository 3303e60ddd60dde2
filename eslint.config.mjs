/**
 * ESLint 9 (flat config): Payload's own rules (@payloadcms/eslint-config, as in Payload's
 * plugin template) plus the two rules that keep the layers honest:
 * - `import-x/no-cycle`: no import cycle anywhere in the plugin;
 * - `src/workflow/` is pure: it may not import `payload`.
 * Type-aware rules are off (no type program: lint stays fast, `tsc --noEmit` checks types),
 * and so are the stylistic rules the code predates (object key order, braces).
 * tests/unit/lint.test.ts proves that both layer rules report what they should.
 */
import payloadEsLintConfig from '@payloadcms/eslint-config'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'

/** `payload` and everything under it, for the pure layer. */
export const PURE_LAYER_RESTRICTION = {
  patterns: [
    {
      group: ['payload', 'payload/*', '@payloadcms/*'],
      message:
        'src/workflow/ is pure: no Payload imports (put code that needs Payload in src/services/).',
    },
  ],
}

/** Payload's rules, without those that need a type program (they would need `projectService`). */
const untyped = payloadEsLintConfig.map((config) => {
  if (!config.rules) return config
  const plugins = config.plugins ?? {}
  const rules = Object.fromEntries(
    Object.entries(config.rules).map(([name, setting]) => {
      const slash = name.lastIndexOf('/')
      const rule =
        slash < 0 ? undefined : plugins[name.slice(0, slash)]?.rules?.[name.slice(slash + 1)]
      return [name, rule?.meta?.docs?.requiresTypeChecking ? 'off' : setting]
    }),
  )
  return { ...config, rules }
})

export default [
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'dev/.next*/**',
      'dev/app/(payload)/**',
      'tests/consumer/.work/**',
      '**/*.d.ts',
    ],
  },
  ...untyped,
  {
    settings: {
      // Without this import-x only follows `.js` files, and a cycle through `.ts` goes unseen.
      'import-x/extensions': ['.ts', '.tsx', '.js', '.jsx', '.mjs'],
      // `.js` specifiers resolve to the `.ts` sources (tsconfig `moduleResolution: bundler`).
      'import-x/resolver-next': [createTypeScriptImportResolver({ alwaysTryTypes: true })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // Stylistic rules the code predates (the lead's formatting commit may turn them on).
      'perfectionist/sort-objects': 'off',
      'perfectionist/sort-imports': 'off',
      'perfectionist/sort-named-imports': 'off',
      'perfectionist/sort-named-exports': 'off',
      'perfectionist/sort-exports': 'off',
      'perfectionist/sort-interfaces': 'off',
      'perfectionist/sort-object-types': 'off',
      'perfectionist/sort-union-types': 'off',
      'perfectionist/sort-intersection-types': 'off',
      'perfectionist/sort-switch-case': 'off',
      'perfectionist/sort-jsx-props': 'off',
      'perfectionist/sort-modules': 'off',
      'perfectionist/sort-classes': 'off',
      'perfectionist/sort-enums': 'off',
      'perfectionist/sort-maps': 'off',
      'perfectionist/sort-sets': 'off',
      'perfectionist/sort-array-includes': 'off',
      'perfectionist/sort-variable-declarations': 'off',
      'perfectionist/sort-heritage-clauses': 'off',
      'perfectionist/sort-decorators': 'off',
      curly: 'off',
      // Regular-expression spelling (\w for [A-Za-z0-9_], \v for \u000B…): same meaning.
      'regexp/prefer-w': 'off',
      'regexp/use-ignore-case': 'off',
      'regexp/control-character-escape': 'off',
      'regexp/strict': 'off',
      'regexp/no-unused-capturing-group': 'off',
      'no-restricted-exports': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      // Needs type information without declaring it.
      '@eslint-react/no-leaked-conditional-rendering': 'off',
    },
  },
  {
    files: ['src/workflow/**'],
    rules: {
      'no-restricted-imports': ['error', PURE_LAYER_RESTRICTION],
    },
  },
]
