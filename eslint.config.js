// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { importLayers } from './eslint/importLayers.mjs';
import { LAYERS } from './eslint/layers.mjs';

export default tseslint.config(
  { ignores: ['dist/**', 'var/**', 'node_modules/**', 'eslint.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.node.json', './tsconfig.web.json', './tsconfig.electron.json', './tsconfig.test.json'],
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { layers: { rules: { 'allowed-imports': importLayers } } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'CallExpression[callee.property.name="only"]', message: 'No focused tests.' }],
      // The layer arrows of docs/architecture.md, as an allow-list per folder (eslint/layers.mjs): a file that
      // no layer covers is an error too, scripts/ and tests/ included.
      'layers/allowed-imports': ['error', { root: import.meta.dirname, layers: LAYERS }],
    },
  },
  // Plain JS helpers (the crash-loop child runs the compiled core): linted without type information.
  { files: ['**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  // Central's only browser code: the phone feedback page's recorder.
  {
    files: ['sync/central/phone/browser/**/*.ts', 'sync/central/public/browser/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  // Handlers are thin: argument in, core call, result out. SQL on the core's database stays in the core.
  {
    files: ['src-main/api/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'CallExpression[callee.property.name="only"]', message: 'No focused tests.' },
        { selector: 'MemberExpression[property.name="db"]', message: 'src-main/api runs no SQL: ask the core (kioskCore.ts).' },
      ],
    },
  },
);
