import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Who this kiosk is to Central, kept in a small file beside its key rather
 * than in the database: a quarantined database must not take the kiosk's
 * identity with it (it still has to report the quarantine).
 */
export interface DeviceIdentity {
  readonly deviceId: string;
  readonly maxBatchItems: number;
  /** Central's X25519 public key (PEM) that contact details are sealed to; absent before enrolment. */
  readonly sealingKey?: string | undefined;
}

export const DEVICE_IDENTITY_FILE = 'device.json';

export function readDeviceIdentity(dataDir: string): DeviceIdentity | undefined {
  const file = join(dataDir, DEVICE_IDENTITY_FILE);
  if (!existsSync(file)) return undefined;
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<DeviceIdentity>;
  if (typeof parsed.deviceId !== 'string' || typeof parsed.maxBatchItems !== 'number') {
    throw new Error(`${file} is not a device identity; remove it and re-enrol this kiosk`);
  }
  return {
    deviceId: parsed.deviceId,
    maxBatchItems: parsed.maxBatchItems,
    ...(typeof parsed.sealingKey === 'string' ? { sealingKey: parsed.sealingKey } : {}),
  };
}

/** Written to a temporary file and renamed, so a power cut leaves the old or the new identity, never half. */
export function writeDeviceIdentity(dataDir: string, identity: DeviceIdentity): void {
  const file = join(dataDir, DEVICE_IDENTITY_FILE);
  writeFileSync(`${file}.tmp`, JSON.stringify(identity), { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
}
