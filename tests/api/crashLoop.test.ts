import { demoContentPack } from '../../kiosk-config/demo/demoContentPack.js';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { centralOnPostgres, startCentral } from '../support/testCentral.js';
import type { RunningCentral } from '../../sync/central/startCentral.js';
import { DEMO_TOKEN, writeKioskConfig } from '../support/processes.js';
import { seededRandom } from '../../sync/node/seededRandom.js';
import { makeTempDir } from '../support/tempDir.js';
import BetterSqlite3 from 'better-sqlite3';

// kill -9 of the kiosk core at random moments while it saves and syncs: 200 times
// here, 2,000 with SOAK=1. Every loop is bounded; all traffic stays on 127.0.0.1.
// The killed process is the kiosk, the same code whichever engine Central runs on; on PostgreSQL what is
// tried is Central refusing the batches a killed kiosk sends again, which 60 kills already do many times
// (about two minutes saved from every `npm test`).
const KILLS = Number(process.env.CRASH_KILLS ?? (process.env.SOAK === '1' ? 2000 : centralOnPostgres() ? 60 : 200));
const ROOT = join(import.meta.dirname, '..', '..');
const CHILD = join(ROOT, 'tests', 'support', 'crashLoopChild.mjs');

const dir = makeTempDir('crash-loop');
let central: RunningCentral;
beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/node/src-main/core/kioskCore.js'))) throw new Error('Build the kiosk core first: npm run build:node');
  central = await startCentral({
    starterContent: demoContentPack,
    dataDir: join(dir.path, 'central'),
    demoToken: { token: DEMO_TOKEN, branchId: 'tbilisi-central' },
  });
});
afterAll(async () => {
  await central.close();
  dir.remove();
});

function runChild(config: string, mode: 'work' | 'drain', killAfterMs?: number): Promise<{ confirmed: string[]; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, config, mode], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let killer: NodeJS.Timeout | undefined;
    const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (killAfterMs !== undefined && !killer && output.includes('READY')) killer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', () => {
      clearTimeout(guard);
      clearTimeout(killer);
      const confirmed = [...output.matchAll(/^CONFIRMED (\S+)$/gm)].map((match) => match[1] ?? '');
      resolve({ confirmed, output });
    });
  });
}

describe('crash loop', () => {
  it(`keeps every confirmed submission through ${KILLS} kill -9s and delivers each exactly once`, { timeout: 30 * 60_000 }, async () => {
    const seed = Number(process.env.CRASH_SEED ?? 20261127);
    const random = seededRandom(seed);
    const config = writeKioskConfig(dir.path, central.url, {});
    const confirmed = new Set<string>();
    for (let kill = 0; kill < KILLS; kill += 1) {
      const run = await runChild(config, 'work', Math.floor(random() * 250));
      run.confirmed.forEach((id) => confirmed.add(id));
      expect(run.output, `child ${kill} failed`).not.toMatch(/Error|error:/);
    }
    const deliveredDuringKills = (await central.db.selectFrom('submissions').select('id').execute()).length;
    const drain = await runChild(config, 'drain');
    expect(drain.output).toContain('DRAINED 0');

    const kioskIds = new BetterSqlite3(join(dir.path, 'kiosk-data', 'kiosk.sqlite'), { readonly: true })
      .prepare('SELECT id FROM submissions')
      .pluck()
      .all() as string[];
    const centralRows = await central.db.selectFrom('submissions').select('id').execute();
    const centralIds = centralRows.map((row) => row.id);
    console.log(
      `crash loop (seed ${seed}): ${KILLS} kills, ${confirmed.size} confirmed, ${kioskIds.length} committed, ` +
        `${deliveredDuringKills} delivered between kills, ${centralIds.length} in Central after the drain`,
    );
    // The sync client must have been working between kills, not only in the final drain.
    expect(deliveredDuringKills).toBeGreaterThan(0);

    expect(confirmed.size).toBeGreaterThan(KILLS);
    expect(new Set(centralIds).size).toBe(centralIds.length); // exactly once
    for (const id of confirmed) expect(centralIds).toContain(id); // nothing confirmed is lost
    // Nothing else: Central holds exactly what the kiosk committed (a kill between commit and
    // "CONFIRMED" leaves a committed row the visitor never saw confirmed, which is still delivered).
    expect([...centralIds].sort()).toEqual([...kioskIds].sort());
    expect(kioskIds.length - confirmed.size).toBeLessThanOrEqual(KILLS);
  });
});
