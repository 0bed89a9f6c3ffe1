import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { DEVICE_IDENTITY_FILE, type DeviceIdentity } from './deviceIdentity.js';
import { DEVICE_KEY_FILE, type DeviceKey } from './deviceKey.js';

/**
 * A technician's re-enrolment in two phases, so that a refused token leaves
 * the kiosk exactly as it was: the new key is prepared beside the old one,
 * Central is asked, and only its acceptance switches. The switch's commit
 * point is the next identity file: once it is written, a crash mid-switch is
 * finished at the next start; before it, the prepared key is thrown away.
 */
const NEXT_KEY = 'device-key.next.pem';
const NEXT_IDENTITY = 'device.next.json';

/** Phase one: a new key pair written beside the current one (0600); the current identity keeps signing. */
export function prepareNextDeviceKey(dataDir: string): DeviceKey {
  const { privateKey } = generateKeyPairSync('ed25519');
  writeFileSync(join(dataDir, NEXT_KEY), privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  return { privateKey, publicKeyPem: createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString() };
}

/** Central refused (or could not be asked): the prepared key goes, the current identity stays. */
export function discardNextDeviceKey(dataDir: string): void {
  rmSync(join(dataDir, NEXT_KEY), { force: true });
}

/** Phase two, after Central accepted the prepared key: the identity it gave is committed, then both files switch. */
export function switchToNextIdentity(dataDir: string, identity: DeviceIdentity): void {
  const next = join(dataDir, NEXT_IDENTITY);
  writeFileSync(`${next}.tmp`, JSON.stringify(identity), { mode: 0o600 });
  renameSync(`${next}.tmp`, next);
  finishIdentitySwitch(dataDir);
}

/** At start: a switch that was committed but cut short is finished; a key prepared for a refused or unanswered enrolment is removed. */
export function finishIdentitySwitch(dataDir: string): void {
  const nextKey = join(dataDir, NEXT_KEY);
  const nextIdentity = join(dataDir, NEXT_IDENTITY);
  if (!existsSync(nextIdentity)) {
    rmSync(nextKey, { force: true });
    return;
  }
  // The key first: an identity without its key would sign with the old key and be refused.
  if (existsSync(nextKey)) renameSync(nextKey, join(dataDir, DEVICE_KEY_FILE));
  renameSync(nextIdentity, join(dataDir, DEVICE_IDENTITY_FILE));
}
