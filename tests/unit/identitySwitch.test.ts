import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readDeviceIdentity, writeDeviceIdentity } from '../../src-main/core/device/deviceIdentity.js';
import { loadOrCreateDeviceKey } from '../../src-main/core/device/deviceKey.js';
import { finishIdentitySwitch, prepareNextDeviceKey, switchToNextIdentity } from '../../src-main/core/device/identitySwitch.js';
import { makeTempDir } from '../support/tempDir.js';

// The two phases of a technician's re-enrolment on disk, cut where a power failure could cut them.
const dirs: Array<{ remove: () => void }> = [];
afterEach(() => dirs.splice(0).forEach((dir) => dir.remove()));
function enrolledKiosk() {
  const dir = makeTempDir('identity-switch');
  dirs.push(dir);
  const key = loadOrCreateDeviceKey(dir.path);
  writeDeviceIdentity(dir.path, { deviceId: 'old-device', maxBatchItems: 100 });
  return { dataDir: dir.path, oldKey: key.publicKeyPem };
}

describe('the identity switch of a re-enrolment', () => {
  it('cut after the key was prepared but before Central accepted: the next start throws the key away and keeps the old identity', () => {
    const { dataDir, oldKey } = enrolledKiosk();
    prepareNextDeviceKey(dataDir);
    finishIdentitySwitch(dataDir);
    expect(existsSync(join(dataDir, 'device-key.next.pem'))).toBe(false);
    expect(loadOrCreateDeviceKey(dataDir).publicKeyPem).toBe(oldKey);
    expect(readDeviceIdentity(dataDir)?.deviceId).toBe('old-device');
  });

  it('switched after Central accepted: the new key and identity are in place together, and no commit point is left', () => {
    const { dataDir, oldKey } = enrolledKiosk();
    const next = prepareNextDeviceKey(dataDir);
    const committed = join(dataDir, 'device.next.json');
    switchToNextIdentity(dataDir, { deviceId: 'new-device', maxBatchItems: 50 });
    expect(existsSync(committed)).toBe(false);
    expect(loadOrCreateDeviceKey(dataDir).publicKeyPem).toBe(next.publicKeyPem);
    expect(loadOrCreateDeviceKey(dataDir).publicKeyPem).not.toBe(oldKey);
    expect(JSON.parse(readFileSync(join(dataDir, 'device.json'), 'utf8'))).toMatchObject({ deviceId: 'new-device' });
  });

  it('with the commit point written and the renames not done, finishes them at start', () => {
    const { dataDir } = enrolledKiosk();
    const next = prepareNextDeviceKey(dataDir);
    writeFileSync(join(dataDir, 'device.next.json'), JSON.stringify({ deviceId: 'new-device', maxBatchItems: 50 }));
    finishIdentitySwitch(dataDir);
    expect(readDeviceIdentity(dataDir)?.deviceId).toBe('new-device');
    expect(loadOrCreateDeviceKey(dataDir).publicKeyPem).toBe(next.publicKeyPem);
  });
});
