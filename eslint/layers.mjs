// The layers of docs/architecture.md as allow-lists: for each folder, what it may import of ours (repository
// paths) and which npm packages it may use. The first layer whose `files` match a file is its layer; the last
// one catches every file no other names, and is an error. (Checked by eslint/importLayers.mjs.)

const LIBRARIES = ['sync/protocol/**', 'sync/node/**', 'sync/record/**', 'sync/texts/**'];
/** Central's shared parts under its three audiences. */
const CENTRAL_COMMON = ['sync/central/services/**', 'sync/central/db/**', 'sync/central/http/**', 'sync/central/web/**'];
const CENTRAL_PACKAGES = [
  'node:*',
  '@fastify/*',
  '@tus/*',
  'better-sqlite3',
  'fastify',
  'fastify-type-provider-zod',
  'kysely',
  'pg',
  'uqr',
  'uuid',
  'zod',
];
/** The kiosk config's own files, not its demo (which only the demo start-up, benches and tests may use). */
const KIOSK_CONFIG = ['kiosk-config/*.ts'];
const TEST_PACKAGES = [
  'node:*',
  'vitest',
  '@playwright/test',
  '@axe-core/playwright',
  'better-sqlite3',
  'fast-check',
  'jsqr',
  'kysely',
  'pg',
  'pngjs',
  'uuid',
  'ws',
  'smtp-server',
  'mailparser',
  'smpp',
  // To read the public pages' sources as code (their html templates), for the "no word outside a catalogue" check.
  'typescript',
];
const REACT = ['react', 'react-dom', 'react-i18next', 'i18next'];

/** A central audience (kiosk-api, console, phone, public): its own folder and the shared parts, never another audience. */
const audience = (folder, why, extra = []) => ({
  name: `sync/central/${folder}`,
  files: [`sync/central/${folder}/**`],
  allow: [`sync/central/${folder}/**`, ...CENTRAL_COMMON, ...LIBRARIES, ...extra],
  packages: CENTRAL_PACKAGES,
  why,
});

export const LAYERS = [
  {
    name: 'sync/protocol',
    files: ['sync/protocol/**'],
    allow: ['sync/protocol/**'],
    packages: ['zod'],
    why: 'the wire schemas and rules are pure TypeScript, run by the kiosk page, the kiosk core and Central alike.',
  },
  {
    name: 'sync/texts',
    files: ['sync/texts/**'],
    allow: ['sync/texts/**', 'sync/protocol/**'],
    packages: [],
    why: "the visitor's words load in the kiosk page and in Central's pages; they know neither.",
  },
  {
    name: 'sync/record',
    files: ['sync/record/**'],
    allow: ['sync/record/**'],
    packages: ['node:crypto'],
    why: "the public record's formats (RFC 6962, C2SP) know nothing of Central, the kiosks or the verifier that use them.",
  },
  {
    name: 'sync/node',
    files: ['sync/node/**'],
    allow: ['sync/node/**', 'sync/protocol/**'],
    packages: ['node:*', '@echogarden/espeak-ng-emscripten', 'tsx'],
    why: 'Node code the kiosk and Central share (speech, sealing, WAV, files) knows neither of them.',
  },
  {
    name: 'build configs',
    files: ['src-renderer/vite.config.ts', 'sync/central/phone/browser/vite.config.ts', 'sync/central/public/browser/vite.config.ts'],
    allow: [],
    packages: ['node:url', 'vite', '@vitejs/plugin-react'],
    why: 'a build config runs in Node and builds its folder; it imports nothing of ours.',
  },
  {
    name: 'sync/central/phone/browser',
    files: ['sync/central/phone/browser/**'],
    allow: ['sync/central/phone/browser/**'],
    packages: ['tus-js-client'],
    why: "the phone pages' recorder runs in the visitor's browser: its own folder and the upload client only.",
  },
  {
    name: 'sync/central/public/browser',
    files: ['sync/central/public/browser/**'],
    allow: ['sync/central/public/browser/**'],
    packages: [],
    why: "the receipt page's check runs in the citizen's browser on WebCrypto alone: it trusts nothing of Central's code.",
  },
  audience('kiosk-api', "the kiosks' API shares Central's services, never the staff's, the phones' or the public's routes and pages."),
  // The staff's results tab previews exactly the body the public results page will show.
  audience('console', "the staff console shares Central's services, never another audience's routes or pages.", [
    'sync/central/public/resultsPages.ts',
  ]),
  audience('phone', "the phone and web flows share Central's services, never another audience's routes or pages."),
  audience('public', "the public site shares Central's services, never another audience's routes or pages."),
  {
    name: 'sync/central/notify',
    files: ['sync/central/notify/**'],
    // Times in a message read as on the pages: Tbilisi time, from the one function that writes it.
    allow: ['sync/central/notify/**', 'sync/central/services/**', 'sync/central/db/**', 'sync/central/web/tbilisiTime.ts', ...LIBRARIES],
    packages: [...CENTRAL_PACKAGES, 'nodemailer', 'smpp'],
    why: "Central's outbound messages: the outbox, the texts and the transports (SMTP, SMPP), over the services and the database.",
  },
  {
    name: 'sync/central/db',
    files: ['sync/central/db/**'],
    allow: ['sync/central/db/**', ...LIBRARIES],
    packages: CENTRAL_PACKAGES,
    why: "Central's database layer knows its tables, not the services over it.",
  },
  {
    name: 'sync/central/services',
    files: ['sync/central/services/**'],
    allow: ['sync/central/services/**', 'sync/central/db/**', ...LIBRARIES],
    packages: CENTRAL_PACKAGES,
    why: "Central's services decide and store; they render no page and know no route.",
  },
  {
    name: "sync/central's shared http and web",
    files: ['sync/central/http/**', 'sync/central/web/**'],
    allow: CENTRAL_COMMON.concat(LIBRARIES),
    packages: CENTRAL_PACKAGES,
    why: 'request helpers and page parts are shared by every audience and belong to none.',
  },
  {
    name: 'sync/central/demo',
    files: ['sync/central/demo/**'],
    allow: ['sync/central/demo/**', 'sync/central/services/**', 'sync/central/db/**', ...LIBRARIES],
    packages: CENTRAL_PACKAGES,
    why: 'the demo seeds data through the services, as a staff member or a kiosk would.',
  },
  {
    name: 'sync/central',
    files: ['sync/central/*.ts'],
    allow: ['sync/central/**', ...LIBRARIES],
    packages: CENTRAL_PACKAGES,
    why: 'Central, the second application, imports nothing of the kiosk or of kiosk-config.',
  },
  {
    name: 'kiosk-config/demo',
    files: ['kiosk-config/demo/**'],
    allow: ['kiosk-config/**', 'sync/protocol/**'],
    packages: ['node:*'],
    why: 'the demo config and content pack are data, over the config schema and the protocol.',
  },
  {
    name: 'kiosk-config',
    files: ['kiosk-config/**'],
    allow: [...KIOSK_CONFIG, 'sync/protocol/**', 'sync/node/**'],
    packages: ['node:*', 'zod'],
    why: "the device config's schema and files, over the protocol; never the kiosk, the UI, Central or the demo.",
  },
  {
    name: 'src-main/core',
    files: ['src-main/core/**'],
    allow: ['src-main/core/**', ...KIOSK_CONFIG, 'sync/protocol/**', 'sync/node/**', 'sync/record/**'],
    packages: ['node:*', 'better-sqlite3', 'node-record-lpcm16', 'tus-js-client', 'uuid'],
    why: 'the kiosk core never knows its hosts, its API layer, the UI or Central, and never imports electron.',
  },
  {
    name: 'src-main/api',
    files: ['src-main/api/**'],
    allow: ['src-main/api/**', 'src-main/core/kioskCore.ts', ...KIOSK_CONFIG, 'sync/protocol/**'],
    packages: ['zod'],
    why: 'the API layer takes what it needs from core/kioskCore.ts, never from core internals, and knows no host.',
  },
  {
    name: 'src-main/browser-host',
    files: ['src-main/browser-host/**'],
    allow: ['src-main/browser-host/**', 'src-main/api/**', 'src-main/core/kioskCore.ts', ...KIOSK_CONFIG, 'sync/node/**'],
    packages: ['node:*', 'sirv', 'ws'],
    why: 'a host carries the contract; it does not reach into the core, the UI or Central.',
  },
  {
    name: 'src-main/electron',
    files: ['src-main/electron/**'],
    allow: ['src-main/electron/**', 'src-main/api/**', 'src-main/core/kioskCore.ts', ...KIOSK_CONFIG, 'sync/node/**'],
    packages: ['node:*', 'electron'],
    why: 'the only folder that imports electron carries the contract; it does not reach into the core, the UI or Central.',
  },
  {
    name: 'src-renderer',
    files: ['src-renderer/**'],
    allow: ['src-renderer/**', 'sync/protocol/**', 'sync/texts/**'],
    typesOnly: ['src-main/api/contract.ts'],
    packages: [...REACT, '@fontsource/*', 'howler', 'simple-keyboard-layouts', 'uqr'],
    why: 'the renderer runs in a browser: it talks to the kiosk through its client and takes only types from the contract.',
  },
  {
    name: 'tests/fixtures/flows',
    files: ['tests/fixtures/flows/**'],
    allow: ['tests/fixtures/flows/**', 'src-renderer/**'],
    typesOnly: ['src-main/api/contract.ts'],
    packages: REACT,
    why: 'a throwaway flow is a renderer flow, with the same imports as one.',
  },
  {
    name: 'tests',
    files: ['tests/**'],
    allow: ['tests/**', 'sync/**', 'src-main/**', 'src-renderer/**', 'kiosk-config/**', 'scripts/**', 'playwright.config.ts', 'dist/**'],
    packages: TEST_PACKAGES,
    why: 'tests drive the product from outside, with the test tools listed in eslint/layers.mjs.',
  },
  {
    name: 'scripts',
    files: ['scripts/**'],
    allow: ['scripts/**', 'sync/**', 'src-main/core/**', 'src-main/api/**', 'kiosk-config/**', 'tests/support/**', 'playwright.config.ts'],
    packages: [
      'node:*',
      '@playwright/test',
      'better-sqlite3',
      'kysely',
      'pg',
      'smpp',
      'smtp-server',
      'mailparser',
      'gettext-parser',
      'prettier',
      'undici',
    ],
    why: "the start-up, build and bench scripts run the product; the renderer is built, never imported; the translators' exchange (scripts/i18n) reads and writes PO files and formats the catalogues it writes; the fleet simulation's phones choose their source address through undici (Node's own HTTP client).",
  },
  {
    name: 'root configs',
    files: ['vitest.config.ts', 'playwright.config.ts', 'playwright.electron.config.ts'],
    allow: ['playwright.config.ts'],
    packages: ['vitest', '@playwright/test', 'node:*'],
    why: 'a test runner config names suites and browsers; it imports nothing of the product.',
  },
  {
    name: 'eslint',
    files: ['eslint/**'],
    allow: ['eslint/**'],
    packages: ['node:*', 'minimatch'],
    why: 'the lint rules know only each other.',
  },
];
