import type { Database } from 'better-sqlite3';
import type { KioskConfig } from '../../../kiosk-config/schema.js';
import { MAX_BATCH_ITEMS } from '../../../sync/protocol/push.js';
import type { ContentStore } from '../content/contentStore.js';
import { readDeviceState, writeDeviceState } from '../db/deviceState.js';
import type { OutboxQueries } from '../outbox/outboxQueries.js';
import { loadOrCreateDeviceKey, type DeviceKey } from '../device/deviceKey.js';
import { backoffDelayMs, retryAfterMs } from './backoff.js';
import { CentralError, createCentralClient } from './centralClient.js';
import { createRequestSigner, type RequestSigner } from './requestSigner.js';
import type { SyncState, SyncStatus } from './syncStatus.js';

interface SyncClientDeps {
  readonly db: Database;
  readonly config: KioskConfig;
  readonly outbox: OutboxQueries;
  readonly content: ContentStore;
  readonly onStatus: (status: SyncStatus) => void;
}

/**
 * Moves pending outbox rows to Central. One round at a time: enrol if needed,
 * pull content, push batches until the queue is empty. Rows are marked done
 * only from Central's per-item receipts; any failure leaves them pending and
 * schedules a retry with backoff.
 */
export function createSyncClient({ db, config, outbox, content, onStatus }: SyncClientDeps) {
  const central = createCentralClient(config.central.url);
  let state: SyncState = 'idle';
  let lastError: string | null = null;
  let failures = 0;
  let nextAttemptAt: number | null = null;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = true;

  const status = (): SyncStatus => ({
    state,
    ...outbox.counts(),
    lastSyncAt: readDeviceState(db).lastSyncAt ?? null,
    lastError,
    nextAttemptAt: nextAttemptAt === null ? null : new Date(nextAttemptAt).toISOString(),
  });
  const publish = () => onStatus(status());

  /** This kiosk's signer, enrolling first with the configured one-time token if needed. */
  let key: DeviceKey | undefined;
  const signer = async (): Promise<RequestSigner | null> => {
    key ??= loadOrCreateDeviceKey(config.dataDir);
    const device = readDeviceState(db);
    if (device.deviceId) return createRequestSigner(device.deviceId, key);
    const token = config.central.enrolmentToken;
    if (!token) return null;
    const enrolled = await central.enrol({ token, kioskId: config.kioskId, publicKey: key.publicKeyPem });
    writeDeviceState(db, { deviceId: enrolled.deviceId, maxBatchItems: String(enrolled.maxBatchItems) });
    return createRequestSigner(enrolled.deviceId, key);
  };

  const round = async (): Promise<void> => {
    state = 'syncing';
    publish();
    const secret = await signer();
    if (!secret) {
      state = 'not-enrolled';
      return;
    }
    const pack = await central.pullContent(secret, content.latest().version);
    if (pack) content.store(pack);
    const batchSize = Math.min(Number(readDeviceState(db).maxBatchItems ?? MAX_BATCH_ITEMS), MAX_BATCH_ITEMS);
    for (let batch = outbox.pendingBatch(batchSize); batch.length > 0; batch = outbox.pendingBatch(batchSize)) {
      let receipts;
      try {
        receipts = (await central.push(secret, { items: batch })).receipts;
      } catch (error) {
        outbox.recordFailure(batch.map((item) => item.id), (error as Error).message);
        throw error;
      }
      const sent = new Set(batch.map((item) => item.id));
      outbox.applyReceipts(receipts.filter((receipt) => sent.has(receipt.id)));
      // A batch whose receipts acknowledged nothing would loop forever; leave it for the next round.
      if (outbox.pendingBatch(batchSize)[0]?.id === batch[0]?.id) break;
    }
    writeDeviceState(db, { lastSyncAt: new Date().toISOString() });
    state = 'idle';
  };

  const schedule = (delayMs: number) => {
    clearTimeout(timer);
    if (stopped) return;
    nextAttemptAt = Date.now() + delayMs;
    timer = setTimeout(() => void syncNow(), delayMs);
  };

  const syncNow = (): Promise<void> => {
    if (running) return running;
    clearTimeout(timer);
    running = round()
      .then(() => {
        failures = 0;
        lastError = null;
        schedule(config.central.syncIntervalMs);
      })
      .catch((error: unknown) => {
        lastError = error instanceof Error ? error.message : String(error);
        state = error instanceof CentralError && error.kind === 'unauthorized' ? 'needs-enrolment' : 'offline';
        const hinted = error instanceof CentralError ? retryAfterMs(error.retryAfter) : undefined;
        failures += 1;
        schedule(hinted ?? backoffDelayMs(failures, config.central.backoffBaseMs, config.central.backoffCapMs));
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
    async stop(): Promise<void> {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

export type SyncClient = ReturnType<typeof createSyncClient>;
