import type { Database } from 'better-sqlite3';
import type { KioskConfig } from '../../../kiosk-config/schema.js';
import { writeDeviceState } from '../db/deviceState.js';
import { readDeviceIdentity, writeDeviceIdentity } from '../device/deviceIdentity.js';
import { loadOrCreateDeviceKey, type DeviceKey } from '../device/deviceKey.js';
import { discardNextDeviceKey, finishIdentitySwitch, prepareNextDeviceKey, switchToNextIdentity } from '../device/identitySwitch.js';
import type { CentralClient } from './centralClient.js';
import { enrolRefusalOf, type EnrolRefusal } from './enrolRefusal.js';
import { createRequestSigner, type RequestSigner } from './requestSigner.js';

/**
 * Who this kiosk is to Central: its device identity (device.json, read once,
 * then kept here: it changes only when this kiosk enrols) and its key pair,
 * and the signer of its requests.
 */
export function createDeviceCredentials(db: Database, config: KioskConfig, central: CentralClient) {
  let key: DeviceKey | undefined;
  finishIdentitySwitch(config.dataDir);
  let identity = readDeviceIdentity(config.dataDir);
  const keyNow = (): DeviceKey => (key ??= loadOrCreateDeviceKey(config.dataDir));

  return {
    identity: () => identity,
    key: () => key,
    /** This kiosk's signer, enrolling first with the configured one-time token if needed; null without either. */
    async signer(token = config.central.enrolmentToken): Promise<RequestSigner | null> {
      const own = keyNow();
      if (identity) return createRequestSigner(identity.deviceId, own);
      if (!token) return null;
      const enrolled = await central.enrol({ token, kioskId: config.kioskId, publicKey: own.publicKeyPem });
      identity = { deviceId: enrolled.deviceId, maxBatchItems: enrolled.maxBatchItems, sealingKey: enrolled.sealingKey };
      writeDeviceIdentity(config.dataDir, identity);
      return createRequestSigner(enrolled.deviceId, own);
    },
    /** The signer of an enrolled kiosk, never enrolling: null at once without an identity. */
    enrolledSigner(): RequestSigner | null {
      return identity ? createRequestSigner(identity.deviceId, keyNow()) : null;
    },
    /**
     * A technician's new one-time token: new key pair, new device record, same queue. In two phases
     * (device/identitySwitch.ts): a refusal, or no answer, leaves the current identity signing, and says why.
     */
    async switchTo(token: string): Promise<EnrolRefusal | null> {
      const next = prepareNextDeviceKey(config.dataDir);
      let enrolled;
      try {
        enrolled = await central.enrol({ token, kioskId: config.kioskId, branchId: config.branchId, publicKey: next.publicKeyPem });
      } catch (error) {
        discardNextDeviceKey(config.dataDir);
        return enrolRefusalOf(error);
      }
      // What the previous identity delivered stays Central's under it: reconciliation starts after it.
      const lastAcked = db
        .prepare<[], { seq: number | null }>(
          `SELECT max(s.seq) AS seq FROM outbox o JOIN submissions s ON s.id = o.submission_id WHERE o.state = 'acked'`,
        )
        .get()?.seq;
      writeDeviceState(db, { reconcileAfterSeq: String(lastAcked ?? 0) });
      identity = { deviceId: enrolled.deviceId, maxBatchItems: enrolled.maxBatchItems, sealingKey: enrolled.sealingKey };
      switchToNextIdentity(config.dataDir, identity);
      key = next;
      return null;
    },
  };
}

export type DeviceCredentials = ReturnType<typeof createDeviceCredentials>;
