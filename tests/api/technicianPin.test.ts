import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../kiosk-config/loadConfig.js';
import { parsePinHash } from '../../kiosk-config/technicianPin.js';
import { writeConfig } from '../../kiosk-config/writeConfig.js';
import { openDatabase } from '../../src-main/core/db/openDatabase.js';
import { createPinGuard, FIRST_LOCKOUT_MS } from '../../src-main/core/technician/pinGuard.js';
import { makeTempDir } from '../support/tempDir.js';

// The technician PIN (issue #17): set by the kiosk's CLI, kept only as an scrypt hash, and guarded by tries
// that lock the mode for longer and longer, counted in the kiosk's SQLite so a restart gives no fresh tries.
const ROOT = join(import.meta.dirname, '..', '..');
const PIN = '482915';
const base = {
  kioskId: 'rustavi-01',
  branchId: 'rustavi',
  desk: { id: 'desk-2', services: ['civil-registry'] },
  central: { url: 'http://127.0.0.1:4700' },
  dataDir: 'data',
};

/** Every file under a folder that holds these bytes. */
function filesHolding(folder: string, text: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) found.push(...filesHolding(path, text));
    else if (readFileSync(path).includes(Buffer.from(text))) found.push(path);
  }
  return found;
}

const setPin = (config: string, pin: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src-main/browser-host/cli.ts', 'set-technician-pin', '--config', config], {
    cwd: ROOT,
    env: { ...process.env, PSH_TECHNICIAN_PIN: pin },
    encoding: 'utf8',
  });

describe('the technician PIN', () => {
  it('is set by the CLI as an scrypt hash (N=2^15, r=8, p=1, 16-byte salt) and is in no file in clear', () => {
    const dir = makeTempDir('technician-pin');
    try {
      const config = join(dir.path, 'kiosk.json');
      writeConfig(config, base);
      const refused = setPin(config, '12ab');
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain('A technician PIN is 6 to 12 digits');
      expect(loadConfig(config).technician.pinHash).toBeUndefined();
      const set = setPin(config, PIN);
      expect(set.status, set.stderr).toBe(0);
      const stored = loadConfig(config).technician.pinHash ?? '';
      expect(parsePinHash(stored)).toMatchObject({ log2N: 15, r: 8, p: 1 });
      expect(parsePinHash(stored)?.salt).toHaveLength(16);
      expect(parsePinHash(stored)?.hash).toHaveLength(32);
      // Tried, right and wrong, through the guard: still nowhere in clear, config or database.
      const db = openDatabase(join(dir.path, 'data'));
      const guard = createPinGuard(db, stored);
      expect(guard.attempt('000000').kind).toBe('refused');
      expect(guard.attempt(PIN).kind).toBe('accepted');
      db.close();
      expect(filesHolding(dir.path, PIN)).toEqual([]);
      // Setting it again makes a new salt: the same PIN never gives the same hash.
      expect(setPin(config, PIN).status).toBe(0);
      expect(loadConfig(config).technician.pinHash).not.toBe(stored);
    } finally {
      dir.remove();
    }
  });

  it('locks after five wrong tries, longer after each lockout, across a restart; the right PIN clears it', async () => {
    const dir = makeTempDir('technician-lockout');
    try {
      const { hashTechnicianPin } = await import('../../kiosk-config/technicianPin.js');
      const hash = hashTechnicianPin(PIN);
      let db = openDatabase(dir.path);
      let guard = createPinGuard(db, hash);
      let now = Date.parse('2026-12-02T10:00:00Z');
      expect([1, 2, 3, 4].map(() => guard.attempt('111111', now))).toEqual(
        [4, 3, 2, 1].map((triesLeft) => ({ kind: 'refused', triesLeft })),
      );
      expect(guard.attempt('111111', now)).toEqual({ kind: 'locked', untilMs: now + FIRST_LOCKOUT_MS });
      // Locked: even the right PIN gets no answer.
      expect(guard.attempt(PIN, now + 30_000).kind).toBe('locked');
      // A restart in the middle gives no fresh tries.
      db.close();
      db = openDatabase(dir.path);
      guard = createPinGuard(db, hash);
      expect(guard.lockedUntil(now + 30_000)).toBe(now + FIRST_LOCKOUT_MS);
      // Each wrong try after a lockout locks again, twice as long: 2, then 4 minutes.
      now += FIRST_LOCKOUT_MS + 1;
      expect(guard.attempt('222222', now)).toEqual({ kind: 'locked', untilMs: now + 2 * FIRST_LOCKOUT_MS });
      now += 2 * FIRST_LOCKOUT_MS + 1;
      expect(guard.attempt('333333', now)).toEqual({ kind: 'locked', untilMs: now + 4 * FIRST_LOCKOUT_MS });
      now += 4 * FIRST_LOCKOUT_MS + 1;
      expect(guard.attempt(PIN, now)).toEqual({ kind: 'accepted' });
      expect(guard.attempt('444444', now)).toEqual({ kind: 'refused', triesLeft: 4 });
      // Without a PIN in the config, the mode cannot be entered at all.
      expect(createPinGuard(db, undefined).attempt(PIN)).toEqual({ kind: 'no-pin' });
      db.close();
    } finally {
      dir.remove();
    }
  });
});
