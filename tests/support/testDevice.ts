import { generateKeyPairSync } from 'node:crypto';
import type { DeviceKey } from '../../src-main/core/device/deviceKey.js';
import { createRequestSigner, type RequestSigner } from '../../src-main/core/sync-client/requestSigner.js';

/** A kiosk identity made in the test, with the same signer the kiosk core uses. */
export function newDeviceKey(): DeviceKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

export interface TestDevice {
  readonly deviceId: string;
  readonly key: DeviceKey;
  readonly sign: RequestSigner;
}

export function testDevice(deviceId: string, key: DeviceKey): TestDevice {
  return { deviceId, key, sign: createRequestSigner(deviceId, key) };
}
