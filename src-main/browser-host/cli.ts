import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../../kiosk-config/loadConfig.js';
import { createKioskCore } from '../core/kioskCore.js';
import { startBrowserHost } from './browserHost.js';
import { findRendererDir } from './rendererDir.js';

/** `npm run kiosk -- --config FILE [--port N] [--renderer DIR]`: one kiosk core behind the browser host. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      config: { type: 'string', default: 'kiosk-config/demo/demoKiosk.json' },
      port: { type: 'string', default: '4800' },
      // Another renderer build to serve (the flow-fixture test build); dist/renderer by default.
      renderer: { type: 'string' },
    },
  });
  const config = loadConfig(values.config);
  const core = createKioskCore(config);
  const rendererDir = values.renderer ?? findRendererDir();
  const host = await startBrowserHost({ core, ...(rendererDir ? { rendererDir } : {}), port: Number(values.port) });
  core.sync.start();
  // One line that scripts and tests wait for.
  console.log(`KIOSK_URL=${host.url}`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void host
      .close()
      .then(() => core.close())
      .then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error('Kiosk failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
