import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import { builtinModules } from 'node:module'
import tseslint from 'typescript-eslint'

const nodeBuiltins = builtinModules.flatMap((name) => [name, `node:${name}`])

// Process boundaries (DESIGN §1, §11): electron only in the shell and preload; no Node in the
// renderer or shared code; the renderer never imports the core.
const noElectron = {
  paths: [{ name: 'electron', message: 'Only src/main/electron and src/preload may import electron.' }],
  patterns: [{ group: ['electron/*'], message: 'Only src/main/electron and src/preload may import electron.' }]
}
const browserOnly = {
  paths: [
    ...nodeBuiltins.map((name) => ({ name, message: 'Node built-ins are not available here; ask the core through a route.' })),
    { name: 'electron', message: 'The renderer talks to the core through window.api only.' }
  ],
  patterns: [{ group: ['**/main/**', '@main/*'], message: 'The renderer and shared code never import the core.' }]
}

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'artifacts/**', '.cache/**', 'tests/fixtures/**', 'dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.mjs', 'bin/*.js', 'scripts/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node }
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', noElectron],
      'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }]
    }
  },
  {
    files: ['bin/**/*.js', 'scripts/**/*.mjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  },
  {
    files: ['src/main/electron/**', 'src/preload/**'],
    rules: { 'no-restricted-imports': 'off' }
  },
  {
    files: ['src/renderer/**', 'src/shared/**', 'tests/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', browserOnly] }
  },
  {
    files: ['src/renderer/**/*.tsx', 'tests/renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules }
  }
)
