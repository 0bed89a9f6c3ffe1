// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Import restrictions that enforce the layer arrows of docs/architecture.md. */
const layer = (files, patterns, paths = []) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { paths, patterns }] },
});
const SHARED = {
  group: ['**/sync/central/**', '**/kiosk-config/**', '**/src-main/**', '**/src-renderer/**', '**/scripts/**'],
  message: 'Shared code imports nothing of the kiosk, the UI or Central.',
};
const ELECTRON = [{ name: 'electron', message: 'Only src-main/electron may import electron.' }];

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
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'CallExpression[callee.property.name="only"]', message: 'No focused tests.' }],
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
  // sync/protocol: pure schemas, imports nothing of ours.
  layer(
    ['sync/protocol/**'],
    [
      {
        group: ['**/sync/central/**', '**/kiosk-config/**', '**/src-main/**', '**/src-renderer/**'],
        message: 'sync/protocol imports nothing of ours.',
      },
      { group: ['node:*', 'better-sqlite3', 'fastify', 'kysely'], message: 'sync/protocol is pure TypeScript, usable in the browser.' },
    ],
  ),
  // sync/node: Node code the kiosk core and Central share (sealing to Central's key, short codes); sync/texts:
  // the visitor's words in five languages, for the kiosk's screens and the phone pages. Neither knows its users.
  layer(['sync/node/**'], [SHARED]),
  // (One block per folder: a later block's options replace an earlier one's for the same files.)
  layer(['sync/texts/**'], [SHARED, { group: ['node:*'], message: 'The texts load in the kiosk page too.' }]),
  // kiosk-config: may import sync/protocol only.
  // The public record's formats (RFC 6962, C2SP tlog-tiles, signed notes): Node's crypto, shared by Central,
  // its verifier CLI and the kiosks' witnesses; it knows nothing of them.
  layer(
    ['sync/record/**'],
    [
      {
        group: ['**/sync/central/**', '**/kiosk-config/**', '**/src-main/**', '**/src-renderer/**', '**/scripts/**'],
        message: 'sync/record imports nothing of ours.',
      },
    ],
  ),
  layer(
    ['kiosk-config/**'],
    [{ group: ['**/src-main/**', '**/src-renderer/**', '**/sync/central/**'], message: 'kiosk-config may import sync/protocol only.' }],
  ),
  // The kiosk core never knows its host, its API layer or the UI.
  layer(
    ['src-main/core/**'],
    [
      {
        group: ['**/api/**', '**/browser-host/**', '**/electron/**', '**/src-renderer/**', '**/sync/central/**'],
        message: 'src-main/core imports only sync/protocol and kiosk-config.',
      },
    ],
    ELECTRON,
  ),
  layer(
    ['src-main/api/**'],
    [
      {
        group: ['**/browser-host/**', '**/electron/**', '**/src-renderer/**', '**/sync/central/**'],
        message: 'src-main/api sits over core only.',
      },
      { group: ['**/core/*/**'], message: 'src-main/api takes what it needs from core/kioskCore.ts, never from core internals.' },
    ],
    ELECTRON,
  ),
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
  layer(
    ['src-main/browser-host/**'],
    [
      {
        group: ['**/electron/**', '**/src-renderer/**', '**/sync/central/**'],
        message: 'Hosts carry the contract; they do not reach into the UI or Central.',
      },
    ],
    ELECTRON,
  ),
  layer(
    ['src-main/electron/**'],
    [
      {
        group: ['**/browser-host/**', '**/src-renderer/**', '**/sync/central/**'],
        message: 'Hosts carry the contract; they do not reach into the UI or Central.',
      },
    ],
  ),
  // The renderer talks to the core only through the typed client; from src-main it takes types only, from the contract only.
  layer(
    ['src-renderer/**/*.{ts,tsx}'],
    [
      {
        regex: 'src-main/(?!api/contract\\.js$)',
        message: 'The renderer takes types from src-main/api/contract.ts only (and calls the kiosk through its client).',
      },
      {
        group: ['**/src-main/api/contract.js'],
        allowTypeImports: true,
        message: 'The renderer imports only types from the contract (use the kiosk client).',
      },
      { group: ['**/sync/central/**', 'node:*', 'better-sqlite3'], message: 'The renderer runs in a browser without Node.' },
    ],
    ELECTRON,
  ),
  layer(
    ['sync/central/**'],
    [{ group: ['**/src-main/**', '**/src-renderer/**'], message: 'Central does not depend on the kiosk.' }],
    ELECTRON,
  ),
  // Central's only browser code: the phone feedback page's recorder, with the upload client and its own helpers.
  {
    files: ['sync/central/phone/browser/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  layer(
    ['sync/central/phone/browser/**/*.ts'],
    [{ regex: '^(?!tus-js-client$|\\./)', message: 'The phone recorder runs in the page: tus-js-client and its own folder only.' }],
  ),
  // The build configs run in Node, not in the page.
  layer(['src-renderer/vite.config.ts', 'sync/central/phone/browser/vite.config.ts'], []),
);
