// A kiosk core that saves and syncs until it is killed (kill -9 by tests/api/crashLoop.test.ts).
// Plain JS over the compiled core (dist/node) so that each of hundreds of starts is fast.
// Prints "CONFIRMED <id>" with a synchronous write only after the commit returned:
// exactly the moment the UI would tell a visitor "saved".
import { writeSync } from 'node:fs';
import { loadConfig } from '../../dist/node/kiosk-config/loadConfig.js';
import { createKioskCore } from '../../dist/node/src-main/core/kioskCore.js';

const core = createKioskCore(loadConfig(process.argv[2]));
core.sync.start();
writeSync(1, 'READY\n');
let score = 0;
const saveOne = () => {
  score = (score % 5) + 1;
  const saved = core.enqueue({
    payload: { type: 'rating', serviceId: 'civil-registry', deskId: 'desk-7', score, language: 'ka' },
    sessionId: null,
    contentVersion: 1,
  });
  writeSync(1, `CONFIRMED ${saved.id}\n`);
  core.sync.nudge();
};
if (process.argv[3] === 'drain') {
  // Final run: deliver what is left, then exit cleanly.
  const drain = async () => {
    for (let round = 0; round < 200 && core.sync.status().pending > 0; round += 1) await core.sync.syncNow();
    writeSync(1, `DRAINED ${core.sync.status().pending} ${core.sync.status().lastError ?? ''}\n`);
    await core.close();
    process.exit(0);
  };
  void drain();
} else {
  setInterval(saveOne, 3);
}
