import js from '@eslint/js'
import { createNodeResolver, importX } from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import { builtinModules } from 'node:module'
import { resolve } from 'node:path'
import tseslint from 'typescript-eslint'

const nodeBuiltins = builtinModules.flatMap((name) => [name, `node:${name}`])

// Process boundaries (DESIGN §1, §11): electron only in the shell and preload; no Node in the
// renderer or shared code; the renderer never imports the core.
const noElectron = {
  paths: [{ name: 'electron', message: 'Only src/main/electron and src/preload may import electron.' }],
  patterns: [
    { group: ['electron/*'], message: 'Only src/main/electron and src/preload may import electron.' }
  ]
}
const browserOnly = {
  paths: [
    ...nodeBuiltins.map((name) => ({
      name,
      message: 'Node built-ins are not available here; ask the core through a route.'
    })),
    { name: 'electron', message: 'The renderer talks to the core through window.api only.' }
  ],
  patterns: [
    { group: ['**/main/**', '@main/*'], message: 'The renderer and shared code never import the core.' }
  ]
}

// The core's layers (DESIGN §2). Arrows only point down:
//   platform ← media, store ← jobs, ai ← features ← app ← cli, server, electron
// Each entry names a layer and the layers it may import; anything else under src/main is refused.
const LAYERS = {
  platform: [],
  media: ['platform'],
  store: ['platform'],
  jobs: ['platform', 'store'],
  ai: ['platform', 'store', 'media'],
  features: ['platform', 'media', 'store', 'jobs', 'ai'],
  app: ['platform', 'media', 'store', 'jobs', 'ai', 'features'],
  server: ['platform', 'app'],
  cli: ['platform', 'app', 'server'],
  electron: ['platform', 'app', 'server']
}
const layerZones = Object.entries(LAYERS).flatMap(([layer, allowed]) =>
  Object.keys(LAYERS)
    .filter((other) => other !== layer && !allowed.includes(other))
    .map((other) => ({
      target: `./src/main/${layer}`,
      from: `./src/main/${other}`,
      message: `Layers point down: ${layer}/ may import ${allowed.join(', ') || 'nothing of the core'}, not ${other}/ (DESIGN §2).`
    }))
)

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'artifacts/**', '.cache/**', 'tests/fixtures/**', 'dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.mjs', 'bin/*.js', 'scripts/*.mjs'] },
        tsconfigRootDir: import.meta.dirname
      },
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
    files: ['src/main/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.js', '.json', '.node'],
          alias: { '@shared': [resolve(import.meta.dirname, 'src/shared')] }
        })
      ]
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }]
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
