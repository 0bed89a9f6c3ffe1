import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostics, TechnicianEntry } from '../../src-main/api/contract.js';
import { startKioskWithCentral, type KioskWithCentral } from '../support/kioskWithCentral.js';
import { makeTempDir } from '../support/tempDir.js';

// The technician's diagnostics (issue #17) through the kiosk's API, as the technician screens will call them:
// a real kiosk core enrolled with a real Central, then Central stopped, a queue left waiting for more than an
// hour, a dead letter and a quarantined database. Only the passing of time is simulated (the pending row's
// creation time is moved back), since a test cannot wait an hour.
const dir = makeTempDir('diagnostics');
let kiosk: KioskWithCentral;
const PIN = '620418';
let technicianId: string;

beforeAll(async () => {
  kiosk = await startKioskWithCentral(dir.path, { kioskId: 'diag-kiosk', branchId: 'rustavi', technicianPin: PIN });
  const entry = kiosk.value<TechnicianEntry>(await kiosk.call('technician.enter', { pin: PIN }));
  if (!entry.entered) throw new Error(`technician mode refused: ${entry.reason}`);
  technicianId = entry.technicianId;
});
afterAll(async () => {
  await kiosk.close();
  dir.remove();
});

const diagnose = async () => kiosk.value<Diagnostics>(await kiosk.call('technician.diagnostics', { technicianId }));
const checkOf = (diagnostics: Diagnostics, id: string) => diagnostics.checks.find((check) => check.id === id);

describe('the technician diagnostics', () => {
  it('say OK for a healthy kiosk, with Central’s round trip, the clock, the database check and the versions', async () => {
    const healthy = await diagnose();
    expect(healthy.checks.map((check) => check.id)).toEqual([
      'central',
      'clock',
      'sync',
      'queue',
      'dead-letters',
      'disk',
      'database',
      'quarantine',
      'versions',
      'alerts',
    ]);
    expect(healthy.checks.filter((check) => check.verdict !== 'ok')).toEqual([]);
    expect(checkOf(healthy, 'central')?.value).toBeLessThan(2_000);
    // Same machine, same clock: within the Date header's one-second resolution.
    expect(Math.abs(Number(checkOf(healthy, 'clock')?.value))).toBeLessThan(1_500);
    expect(checkOf(healthy, 'database')?.value).toBe('ok');
    expect(String(checkOf(healthy, 'versions')?.value)).toMatch(/^app \d+\.\d+\.\d+, content \d+$/);
  });

  it('name what is wrong and what to do: Central gone, a queue waiting over an hour, a dead letter, a quarantined database', async () => {
    const { core } = kiosk;
    await core.sync.stop();
    await kiosk.central.close();
    const saved = core.enqueue({
      payload: { type: 'rating', serviceId: 'civil-registry', deskId: 'desk-1', score: 4, language: 'ka' },
      sessionId: null,
      contentVersion: 1,
    });
    core.db.prepare(`UPDATE submissions SET created_at = ? WHERE id = ?`).run(new Date(Date.now() - 2 * 3_600_000).toISOString(), saved.id);
    const dead = core.enqueue({
      payload: { type: 'rating', serviceId: 'civil-registry', deskId: 'desk-1', score: 2, language: 'ka' },
      sessionId: null,
      contentVersion: 1,
    });
    core.db.prepare(`UPDATE outbox SET state = 'dead', last_error = 'rejected: test' WHERE submission_id = ?`).run(dead.id);
    mkdirSync(join(core.config.dataDir, 'quarantine', '2026-12-01T00-00-00-000Z'), { recursive: true });

    const broken = await diagnose();
    expect(checkOf(broken, 'central')).toMatchObject({ verdict: 'broken', advice: 'check-network' });
    expect(checkOf(broken, 'clock')).toMatchObject({ verdict: 'attention', value: null });
    expect(checkOf(broken, 'queue')).toMatchObject({ verdict: 'attention', value: 1, advice: 'wait-or-sync-now' });
    expect(checkOf(broken, 'dead-letters')).toMatchObject({ verdict: 'attention', value: 1, advice: 'review-dead-letters' });
    expect(checkOf(broken, 'quarantine')).toMatchObject({ verdict: 'attention', value: 1, advice: 'call-support' });
    // Counts and states only: nothing a visitor sent is in it.
    expect(JSON.stringify(broken)).not.toContain('civil-registry');
  });
});
