import { parseArgs } from 'node:util';
import type { KioskCore } from '../core/kioskCore.js';
import { startBrowserHost } from './browserHost.js';
import { findRendererDir } from './rendererDir.js';

/**
 * The config and the core, loaded after the host listens: their modules (zod,
 * the schemas, SQLite, the speech engine) take as long to load as the page's
 * own scripts take to arrive and run, and the two now overlap.
 */
async function openCore(configFile: string): Promise<KioskCore> {
  const [{ loadConfig }, { createKioskCore }] = await Promise.all([
    import('../../kiosk-config/loadConfig.js'),
    import('../core/kioskCore.js'),
  ]);
  const core = createKioskCore(loadConfig(configFile), { configFile });
  core.sync.start();
  return core;
}

/**
 * `npm run kiosk -- --config FILE [--port N] [--renderer DIR]`: one kiosk core behind the browser host.
 * `npm run kiosk -- set-technician-pin --config FILE`: see technicianPinCommand.ts.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      config: { type: 'string', default: 'kiosk-config/demo/demoKiosk.json' },
      port: { type: 'string', default: '4800' },
      // Another renderer build to serve (the flow-fixture test build); dist/renderer by default.
      renderer: { type: 'string' },
    },
  });
  let coreOpening!: (core: Promise<KioskCore>) => void;
  const core = new Promise<KioskCore>((resolve) => (coreOpening = resolve));
  const rendererDir = values.renderer ?? findRendererDir();
  const host = await startBrowserHost({ core, ...(rendererDir ? { rendererDir } : {}), port: Number(values.port) });
  // One line that scripts and tests wait for: the page is served from here on, and its calls wait for the core.
  console.log(`KIOSK_URL=${host.url}`);
  coreOpening(openCore(values.config));
  // A wrong config or an unreadable database ends the kiosk here (exit 2 or 1 below).
  const opened = await core;
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void host
      .close()
      .then(() => opened.close())
      .then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

const command =
  process.argv[2] === 'set-technician-pin'
    ? import('./technicianPinCommand.js').then(({ setTechnicianPin }) => setTechnicianPin(process.argv.slice(3)))
    : main();
command.catch(async (error: unknown) => {
  // A kiosk config or the content pack it names: one line naming the file and the field.
  const { FileFieldError } = await import('../../sync/node/fileFieldError.js');
  if (error instanceof FileFieldError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error('Kiosk failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
