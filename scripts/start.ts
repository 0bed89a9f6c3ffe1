import { DEMO_CONTENT_FILE } from '../kiosk-config/demo/demoContentFile.js';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createChildren } from './lib/children.js';
import { electronBinary } from './lib/electronBinary.js';
import { ensureElectronSqlite } from './lib/electronSqlite.js';

// `npm start`: Central with demo content and a demo enrolment token, and one
// kiosk enrolled to it: in Electron where its binary exists, else through the
// browser host (opened in Chromium's app mode when there is a display).
const DEMO_CONFIG = 'kiosk-config/demo/demoKiosk.json';
const DEMO_TOKEN = 'demo-enrolment-token-tbilisi-central';
const CENTRAL_PORT = '4700';
const KIOSK_PORT = '4800';

const { values } = parseArgs({
  options: { watch: { type: 'boolean', default: false }, 'no-browser': { type: 'boolean', default: false } },
});
const children = createChildren();
children.stopOnSignals();
/** Compiled entry points (npm run build:node) start fastest; `npm run dev` runs the sources with tsx instead. */
const entry = (source: string, args: string[]): string[] =>
  values.watch ? ['--import', 'tsx', source, ...args] : [`dist/node/${source.replace(/\.ts$/, '.js')}`, ...args];

async function main(): Promise<void> {
  if (values.watch)
    children.run('renderer', process.execPath, [
      'node_modules/vite/bin/vite.js',
      'build',
      '--watch',
      '--config',
      'src-renderer/vite.config.ts',
    ]);

  const central = children.run(
    'central',
    process.execPath,
    entry('sync/central/cli.ts', [
      'serve',
      '--data',
      'var/central',
      '--port',
      CENTRAL_PORT,
      '--demo-token',
      DEMO_TOKEN,
      '--demo-branch',
      'tbilisi-central',
      '--demo-data',
      '--content',
      DEMO_CONTENT_FILE,
    ]),
    /Central listening on (\S+)/,
  );
  const centralUrl = await central.ready;

  const electron = electronBinary();
  if (electron) {
    await children.run('build', 'npm', ['run', 'build:electron'], /Copied kiosk migrations/).ready;
    // Electron has its own Node ABI: the kiosk opens its db with a better-sqlite3 built for it, Central keeps Node's.
    children.run('kiosk', electron, ['.'], undefined, { PSH_SQLITE_BINDING: ensureElectronSqlite() });
    console.log(`\nCentral: ${centralUrl}\nKiosk:   Electron window (config ${DEMO_CONFIG})\nCtrl-C stops both.\n`);
    return;
  }

  const kiosk = children.run(
    'kiosk',
    process.execPath,
    entry('src-main/browser-host/cli.ts', ['--config', DEMO_CONFIG, '--port', KIOSK_PORT]),
    /KIOSK_URL=(\S+)/,
  );
  const kioskUrl = await kiosk.ready;
  console.log(`\nCentral: ${centralUrl}/api/health (API docs: ${centralUrl}/api/openapi.json)`);
  console.log(`Staff console: ${centralUrl}/console (demo: responder / demo-responder-password; admin / demo-admin-password)`);
  console.log(`Public figures: ${centralUrl}/figures · feedback status: ${centralUrl}/feedback`);
  console.log(`Phone (a desk card's QR code): ${centralUrl}/D/TB01-07 · desk cards to print: ${centralUrl}/console/desks`);
  console.log(`Kiosk:   ${kioskUrl}  (Electron's binary is not installed here, so the kiosk runs in the browser host)`);
  console.log('Ctrl-C stops both.\n');

  const hasDisplay = Boolean(process.env.DISPLAY ?? process.env.WAYLAND_DISPLAY);
  if (hasDisplay && !values['no-browser'] && existsSync('/usr/bin/chromium')) {
    children.run('chromium', '/usr/bin/chromium', [
      `--app=${kioskUrl}`,
      '--autoplay-policy=no-user-gesture-required',
      '--kiosk',
      '--user-data-dir=var/chromium-profile',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
    ]);
  }
}

main().catch(async (error: unknown) => {
  console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
  console.error(`Is something else already using port ${CENTRAL_PORT} or ${KIOSK_PORT}?`);
  await children.stopAll();
  process.exit(1);
});
