import type { Database } from 'better-sqlite3';
import type { KioskConfig } from '../../../kiosk-config/schema.js';
import { MAX_BATCH_ITEMS } from '../../../sync/protocol/push.js';
import type { ContentStore } from '../content/contentStore.js';
import { readDeviceState, writeDeviceState } from '../db/deviceState.js';
import { readDeviceIdentity, writeDeviceIdentity } from '../device/deviceIdentity.js';
import { loadOrCreateDeviceKey, type DeviceKey } from '../device/deviceKey.js';
import { discardNextDeviceKey, finishIdentitySwitch, prepareNextDeviceKey, switchToNextIdentity } from '../device/identitySwitch.js';
import type { DeadLetters } from '../outbox/deadLetters.js';
import type { OutboxQueries } from '../outbox/outboxQueries.js';
import { backoffDelayMs, retryAfterMs } from './backoff.js';
import { type CentralClient, CentralError, createCentralClient } from './centralClient.js';
import { buildHeartbeat, createAlerts } from './heartbeat.js';
import { pushPending } from './pushPending.js';
import { reconcile } from './reconcile.js';
import { uploadAttachments } from './uploadAttachments.js';
import { createRecordWitness } from './witnessRecord.js';
import { enrolRefusalOf, type EnrolRefusal } from './enrolRefusal.js';
import { createRequestSigner, type RequestSigner } from './requestSigner.js';
import type { SyncState, SyncStatus } from './syncStatus.js';

interface SyncClientDeps {
  readonly db: Database;
  readonly config: KioskConfig;
  readonly outbox: OutboxQueries;
  readonly deadLetters: DeadLetters;
  readonly content: ContentStore;
  readonly onStatus: (status: SyncStatus) => void;
  /** Called after a round that left nothing pending (a quiet moment, e.g. to checkpoint the WAL). */
  readonly onDrained?: () => void;
}

const stateAfter = (error: unknown): SyncState => {
  if (!(error instanceof CentralError)) return 'offline';
  if (error.kind === 'unauthorized') return 'needs-enrolment';
  if (error.kind === 'protocol') return 'update-required';
  return 'offline';
};

/**
 * Moves pending outbox rows to Central. One round at a time: enrol if needed,
 * pull content, push batches until the queue is empty. Any failure leaves rows
 * pending and schedules a retry with backoff; while Central is unreachable a
 * cheap health probe retries at once when it answers again.
 */
export function createSyncClient({ db, config, outbox, deadLetters, content, onStatus, onDrained }: SyncClientDeps) {
  const central = createCentralClient(config.central.url);
  const witness = createRecordWitness(db, central);
  let state: SyncState = 'idle';
  let lastError: string | null = null;
  let failures = 0;
  let nextAttemptAt: number | null = null;
  let timer: NodeJS.Timeout | undefined;
  let probe: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = true;
  let key: DeviceKey | undefined;
  // Read from device.json once, then kept here: it changes only when this client enrols.
  finishIdentitySwitch(config.dataDir);
  let identity = readDeviceIdentity(config.dataDir);
  const alerts = createAlerts(db);

  const status = (): SyncStatus => ({
    state,
    ...outbox.counts(),
    lastSyncAt: readDeviceState(db).lastSyncAt ?? null,
    lastError,
    nextAttemptAt: nextAttemptAt === null ? null : new Date(nextAttemptAt).toISOString(),
  });
  const publish = () => onStatus(status());

  /** This kiosk's signer, enrolling first with the configured one-time token if needed. */
  const signer = async (token = config.central.enrolmentToken): Promise<RequestSigner | null> => {
    key ??= loadOrCreateDeviceKey(config.dataDir);
    if (identity) return createRequestSigner(identity.deviceId, key);
    if (!token) return null;
    const enrolled = await central.enrol({ token, kioskId: config.kioskId, publicKey: key.publicKeyPem });
    identity = { deviceId: enrolled.deviceId, maxBatchItems: enrolled.maxBatchItems, sealingKey: enrolled.sealingKey };
    writeDeviceIdentity(config.dataDir, identity);
    return createRequestSigner(enrolled.deviceId, key);
  };

  const round = async (): Promise<void> => {
    state = 'syncing';
    publish();
    const sign = await signer();
    if (!sign) {
      state = 'not-enrolled';
      return;
    }
    const pack = await central.pullContent(sign, content.latest().version);
    if (pack) content.store(pack);
    const batchSize = Math.min(identity?.maxBatchItems ?? MAX_BATCH_ITEMS, MAX_BATCH_ITEMS);
    const push = () => pushPending({ central, signer: sign, outbox, deadLetters, batchSize });
    await push();
    if ((await reconcile(db, central, sign)) > 0) await push();
    // 'server', not 'network': a file Central keeps refusing must wait out the backoff, not the 10 s health probe.
    await uploadAttachments(db, config.central.url, sign).catch((error: unknown) => {
      throw new CentralError('server', `Upload interrupted: ${error instanceof Error ? error.message : String(error)}`);
    });
    writeDeviceState(db, { lastSyncAt: new Date().toISOString() });
    // The kiosk as a witness of the public record: before the heartbeat, so an inconsistency found now is
    // reported now. A record that cannot be read this time (an outage, a limit) does not hold up the sync.
    if (identity && key)
      await witness(sign, identity.deviceId, key).catch((error: unknown) => {
        console.warn(`record witness: ${error instanceof Error ? error.message : String(error)}`);
      });
    const report = await central.heartbeat(
      sign,
      buildHeartbeat(db, outbox, { dataDir: config.dataDir, deskId: config.desk.id }, alerts.unsent()),
    );
    alerts.markSent(report.alertsStored, report.receivedAt);
    state = 'idle';
    if (outbox.counts().pending === 0) onDrained?.();
  };

  const schedule = (delayMs: number) => {
    clearTimeout(timer);
    if (stopped) return;
    nextAttemptAt = Date.now() + delayMs;
    timer = setTimeout(() => void syncNow(), delayMs);
  };

  // While unreachable, ask Central's health often and cheaply; sync the moment it answers.
  const startProbe = () => {
    clearTimeout(probe);
    if (stopped) return;
    probe = setTimeout(() => {
      central
        .health()
        .then(() => void syncNow())
        .catch(() => startProbe());
    }, config.central.healthProbeMs);
  };

  const syncNow = (): Promise<void> => {
    if (running) return running;
    clearTimeout(timer);
    clearTimeout(probe);
    running = round()
      .then(() => {
        failures = 0;
        lastError = null;
        schedule(config.central.syncIntervalMs);
      })
      .catch((error: unknown) => {
        lastError = error instanceof Error ? error.message : String(error);
        state = stateAfter(error);
        const hinted = error instanceof CentralError ? retryAfterMs(error.retryAfter) : undefined;
        failures += 1;
        schedule(hinted ?? backoffDelayMs(failures, config.central.backoffBaseMs, config.central.backoffCapMs));
        if (error instanceof CentralError && error.kind === 'network') startProbe();
      })
      .finally(() => {
        running = undefined;
        publish();
      });
    return running;
  };

  return {
    start(): void {
      stopped = false;
      void syncNow();
    },
    /** Something was just saved: send it now unless we are waiting out a failure. */
    nudge(): void {
      if (!stopped && failures === 0) void syncNow();
    },
    syncNow,
    status,
    /** Central's key for sealing contact details, once enrolled (device.json keeps it). */
    sealingKey: (): string | undefined => identity?.sealingKey,
    /**
     * One signed call outside the sync round (a visitor checking a tracking
     * code). Never enrols: without an identity it answers null at once.
     */
    async signedCall<T>(run: (central: CentralClient, sign: RequestSigner) => Promise<T>): Promise<T | null> {
      if (!identity) return null;
      key ??= loadOrCreateDeviceKey(config.dataDir);
      return run(central, createRequestSigner(identity.deviceId, key));
    },
    /**
     * A technician's new one-time token: new key pair, new device record, same queue. In two phases
     * (device/identitySwitch.ts): a refusal, or no answer, leaves the current identity signing, and says why.
     */
    async reenrol(token: string): Promise<{ readonly status: SyncStatus; readonly refusal: EnrolRefusal | null }> {
      await running;
      const next = prepareNextDeviceKey(config.dataDir);
      let enrolled;
      try {
        enrolled = await central.enrol({ token, kioskId: config.kioskId, branchId: config.branchId, publicKey: next.publicKeyPem });
      } catch (error) {
        discardNextDeviceKey(config.dataDir);
        return { status: status(), refusal: enrolRefusalOf(error) };
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
      failures = 0;
      await syncNow();
      return { status: status(), refusal: null };
    },
    async stop(): Promise<void> {
      stopped = true;
      clearTimeout(timer);
      clearTimeout(probe);
      await running;
    },
  };
}

export type SyncClient = ReturnType<typeof createSyncClient>;
