import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

// The process boundaries the README describes, as lint errors rather than conventions:
//   - the renderer never imports the main process (nor Node);
//   - shared/ imports neither the main process, the renderer, Node nor Electron (pure rules);
//   - services never import Electron (they run under vitest and in worker threads).
const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'worker_threads', 'stream', 'zlib', 'url', 'util']
const restrict = (patterns, message) => ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }]

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'resources/**', 'renderer/index.html'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': ['error', { selector: 'TSAsExpression > TSAnyKeyword', message: 'No `as any`: type the value.' }],
      // Input sanitising matches control characters on purpose (NUL, C0 controls in names and paths).
      'no-control-regex': 'off'
    }
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': restrict(['**/electron/**', 'electron', ...NODE_BUILTINS], 'The renderer talks to the main process only through the typed contract (shared/api).')
    }
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(['**/electron/**', '**/renderer/**', 'electron', 'react', ...NODE_BUILTINS], 'shared/ holds pure code for both processes: no Node, DOM, Electron or React.')
    }
  },
  {
    files: ['electron/main/services/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: { 'no-restricted-imports': restrict(['electron'], 'Services never import Electron: what only a desktop can do goes behind electron/main/desktop.') }
  },
  {
    files: ['electron/**/*.{ts,mjs}', 'test/**/*.ts', '*.config.{ts,mts,mjs}'],
    languageOptions: { globals: globals.node }
  }
)
