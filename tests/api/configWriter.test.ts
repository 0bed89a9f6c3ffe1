import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../kiosk-config/loadConfig.js';
import type { KioskConfigInput } from '../../kiosk-config/schema.js';
import { previousVersionOf, updateConfig, WRITE_STEPS, writeConfig } from '../../kiosk-config/writeConfig.js';
import { makeTempDir } from '../support/tempDir.js';

// The technician's configuration writer (issue #17): a change is checked by the config's own schema, and a
// kill -9 at any step of writing it never leaves a config that fails to load. The kills are real: a child
// process (the compiled writer) kills itself with SIGKILL at each step in turn. Where it dies is decided by the
// step, not by chance, so a few rounds over every step cover it; SOAK=1 runs 200 kills as before.
const KILLS = process.env.SOAK === '1' ? 200 : 5 * WRITE_STEPS.length;
const ROOT = join(import.meta.dirname, '..', '..');
const CHILD = join(ROOT, 'tests', 'support', 'configWriterChild.mjs');

const base: KioskConfigInput = {
  kioskId: 'rustavi-01',
  branchId: 'rustavi',
  desk: { id: 'desk-2', services: ['civil-registry'] },
  central: { url: 'http://127.0.0.1:4700' },
};

describe('the kiosk config writer', () => {
  it('refuses a wrong value naming the field and the file, and writes nothing', () => {
    const dir = makeTempDir('config-writer');
    try {
      const file = join(dir.path, 'kiosk.json');
      writeConfig(file, base);
      const before = readFileSync(file, 'utf8');
      const refusal = (() => {
        try {
          updateConfig(file, { idleTimeoutSec: 5 });
        } catch (error) {
          return error;
        }
        return undefined;
      })();
      expect(refusal).toBeInstanceOf(ConfigError);
      expect((refusal as ConfigError).message).toBe(
        `Invalid kiosk config ${file}: field "idleTimeoutSec": Too small: expected number to be >=10`,
      );
      expect(readFileSync(file, 'utf8')).toBe(before);
      expect(() => updateConfig(file, { languages: ['en'], defaultLanguage: 'ka' })).toThrow('field "defaultLanguage"');
      // A good change is applied, the rest kept, the version before it kept beside it.
      updateConfig(file, { idleTimeoutSec: 120, audio: { recordLimitSec: 60 } });
      expect(loadConfig(file)).toMatchObject({ idleTimeoutSec: 120, kioskId: 'rustavi-01', audio: { recordLimitSec: 60 } });
      expect(JSON.parse(readFileSync(previousVersionOf(file), 'utf8'))).toEqual(base);
      expect(readdirSync(dir.path).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    } finally {
      dir.remove();
    }
  });

  it(`survives kill -9 at every step of a write, ${String(KILLS)} times: the config always loads, as the old or the new version`, () => {
    const dir = makeTempDir('config-writer-crash');
    try {
      if (!existsSync(join(ROOT, 'dist/node/kiosk-config/writeConfig.js'))) throw new Error('Build first: npm run build:node');
      const file = join(dir.path, 'kiosk.json');
      writeConfig(file, base);
      let expected = 30;
      writeConfig(file, { ...base, idleTimeoutSec: expected });
      const killedAt = new Map<string, number>();
      for (let loop = 0; loop < KILLS; loop += 1) {
        const step = WRITE_STEPS[loop % WRITE_STEPS.length] ?? 'renamed';
        const next = 31 + loop;
        const run = spawnSync(process.execPath, [CHILD, file, JSON.stringify({ ...base, idleTimeoutSec: next }), step], { cwd: ROOT });
        expect(run.signal, `loop ${String(loop)} stopped at ${step}`).toBe('SIGKILL');
        killedAt.set(step, (killedAt.get(step) ?? 0) + 1);
        const loaded = loadConfig(file);
        // Killed before the rename: the old version; from the rename on: the new one. Never anything else.
        const renamed = WRITE_STEPS.indexOf(step) >= WRITE_STEPS.indexOf('renamed');
        expect(loaded.idleTimeoutSec, `loop ${String(loop)} stopped at ${step}`).toBe(renamed ? next : expected);
        if (renamed) expected = next;
        // Whatever the previous version holds, it loads too: it is a copy written whole before its rename.
        expect(() => loadConfig(previousVersionOf(file))).not.toThrow();
      }
      expect([...killedAt.keys()].sort()).toEqual([...WRITE_STEPS].sort());
      // Leftover temporary files of killed writers are harmless (never read) and named so.
      expect(readdirSync(dir.path).every((name) => ['kiosk.json', 'kiosk.json.previous'].includes(name) || name.endsWith('.tmp'))).toBe(
        true,
      );
    } finally {
      dir.remove();
    }
  }, 180_000); // a real process start per kill: about 0.28 s each here

  it('a config broken by hand is refused with its field named; the kept previous version still loads', () => {
    const dir = makeTempDir('config-writer-hand');
    try {
      const file = join(dir.path, 'kiosk.json');
      writeConfig(file, base);
      writeConfig(file, { ...base, idleTimeoutSec: 200 });
      writeFileSync(file, JSON.stringify({ ...base, desk: { id: 'desk 2', services: [] } }));
      expect(() => loadConfig(file)).toThrow(`Invalid kiosk config ${file}: field "desk.id"`);
      expect(loadConfig(previousVersionOf(file)).idleTimeoutSec).toBe(90);
    } finally {
      dir.remove();
    }
  });
});
