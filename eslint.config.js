// One linter for the whole tree: ESLint's and typescript-eslint's recommended rules, React with the
// hooks rules, and jsx-a11y's recommended accessibility checks. eslint-config-prettier comes last
// and switches off every rule that only concerns layout: Prettier owns formatting (see ADR 0010).
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import react from 'eslint-plugin-react'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['build/', 'public/build/', 'public/styles/', 'public/assets/', 'data/', 'node_modules/', '.cache/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    ...react.configs.flat.recommended,
    settings: { react: { version: 'detect' } },
    languageOptions: {
      ...react.configs.flat.recommended.languageOptions,
      globals: { ...globals.browser, ...globals.node },
    },
  },
  react.configs.flat['jsx-runtime'],
  reactHooks.configs.flat.recommended,
  jsxA11y.flatConfigs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // Unused arguments named with a leading underscore are deliberate (a signature to honour).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Props are typed with TypeScript, not prop-types.
      'react/prop-types': 'off',
      // A table that scrolls sideways is a named region reached by keyboard (TableScroll): axe asks
      // for exactly that tabIndex, so a region may take focus.
      'jsx-a11y/no-noninteractive-tabindex': ['error', { tags: [], roles: ['tabpanel', 'region'], allowExpressionValues: true }],
      // NHS.UK's responsive tables restore the cell role that their CSS (display: block) takes away.
      'jsx-a11y/no-interactive-element-to-noninteractive-role': ['error', { tr: ['none', 'presentation'], td: ['cell'], canvas: ['img'] }],
    },
  },
  {
    // Migrations are frozen in time: they take Kysely<any>, not today's schema (STYLE.md, practice 9);
    // the helpers that run them on either database (connection, portable) take the same handle.
    files: ['db/migrations/**/*.ts', 'db/connection.ts', 'db/portable.ts', 'db/progress-stamps.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // One import style (docs/patterns.md): app modules as ~/…, db modules as ~db/…, siblings as ./…
    files: ['app/**/*.{ts,tsx}', 'db/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['../*'], message: 'Import app modules as ~/… and db modules as ~db/….' }] }] },
  },
  prettier,
)
