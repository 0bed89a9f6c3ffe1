import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/tempDir.js';

// The real kiosk entry point, started as a technician would, with a broken config.
const dir = makeTempDir('kiosk-cli');
afterAll(() => dir.remove());
const ROOT = join(import.meta.dirname, '..', '..');

describe('kiosk start-up with a bad config', () => {
  it('stops with exit code 2 and a message naming the file and the field', () => {
    const file = join(dir.path, 'kiosk.json');
    writeFileSync(file, JSON.stringify({ kioskId: 'k', branchId: 'b', desk: { id: 'd', services: ['s'] }, central: { url: 'not a url' } }));
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src-main/browser-host/cli.ts', '--config', file, '--port', '0'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`Invalid kiosk config ${file}: field "central.url"`);
  });
});
