import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';

export interface DeviceKey {
  readonly privateKey: KeyObject;
  /** SPKI PEM, what Central stores at enrolment. */
  readonly publicKeyPem: string;
}

export const DEVICE_KEY_FILE = 'device-key.pem';

/**
 * This kiosk's Ed25519 identity. Generated once, kept in the data folder with
 * mode 0600; the private key never leaves the kiosk.
 */
export function loadOrCreateDeviceKey(dataDir: string): DeviceKey {
  const file = join(dataDir, DEVICE_KEY_FILE);
  if (!existsSync(file)) {
    const { privateKey } = generateKeyPairSync('ed25519');
    // 'wx' fails if another process created it meanwhile; then we read theirs.
    try {
      writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  const privateKey = createPrivateKey(readFileSync(file));
  return { privateKey, publicKeyPem: createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString() };
}
