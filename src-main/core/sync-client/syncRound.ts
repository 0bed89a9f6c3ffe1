import type { Database } from 'better-sqlite3';
import type { KioskConfig } from '../../../kiosk-config/schema.js';
import { MAX_BATCH_ITEMS } from '../../../sync/protocol/push.js';
import type { ContentStore } from '../content/contentStore.js';
import { writeDeviceState } from '../db/deviceState.js';
import type { DeadLetters } from '../outbox/deadLetters.js';
import type { OutboxQueries } from '../outbox/outboxQueries.js';
import { CentralError, type CentralClient } from './centralClient.js';
import type { DeviceCredentials } from './deviceCredentials.js';
import { buildHeartbeat, type createAlerts } from './heartbeat.js';
import { pushPending } from './pushPending.js';
import { reconcile } from './reconcile.js';
import { uploadAttachments } from './uploadAttachments.js';
import type { createRecordWitness } from './witnessRecord.js';
import type { createWitnessPacing } from './witnessPacing.js';

export interface SyncRoundDeps {
  readonly db: Database;
  readonly config: KioskConfig;
  readonly central: CentralClient;
  readonly credentials: DeviceCredentials;
  readonly outbox: OutboxQueries;
  readonly deadLetters: DeadLetters;
  readonly content: ContentStore;
  readonly witness: ReturnType<typeof createRecordWitness>;
  /** Never throws: a record that cannot be read this time (an outage, a limit) does not hold up the sync. */
  readonly witnessPacing: ReturnType<typeof createWitnessPacing>;
  readonly alerts: ReturnType<typeof createAlerts>;
}

/**
 * One sync round: enrol if needed, pull content, push batches until the
 * queue is empty, reconcile, upload files, witness the public record, send
 * the heartbeat. Throws on the first failure (the client retries with backoff);
 * answers 'not-enrolled' when there is neither an identity nor a token.
 */
export async function syncRound(deps: SyncRoundDeps): Promise<'idle' | 'not-enrolled'> {
  const { db, config, central, credentials, outbox } = deps;
  const sign = await credentials.signer();
  if (!sign) return 'not-enrolled';
  const pack = await central.pullContent(sign, deps.content.latest().version);
  if (pack) deps.content.store(pack);
  const batchSize = Math.min(credentials.identity()?.maxBatchItems ?? MAX_BATCH_ITEMS, MAX_BATCH_ITEMS);
  const push = () => pushPending({ central, signer: sign, outbox, deadLetters: deps.deadLetters, batchSize });
  await push();
  if ((await reconcile(db, central, sign)) > 0) await push();
  // 'server', not 'network': a file Central keeps refusing must wait out the backoff, not the 10 s health probe.
  await uploadAttachments(db, config.central.url, sign).catch((error: unknown) => {
    throw new CentralError('server', `Upload interrupted: ${error instanceof Error ? error.message : String(error)}`);
  });
  writeDeviceState(db, { lastSyncAt: new Date().toISOString() });
  // The kiosk as a witness of the public record: before the heartbeat, so an inconsistency found now is
  // reported now. A record that cannot be read this time (an outage, a limit) does not hold up the sync.
  const identity = credentials.identity();
  const key = credentials.key();
  if (identity && key) await deps.witnessPacing(() => deps.witness(sign, identity.deviceId, key));
  const heartbeat = buildHeartbeat(db, outbox, { dataDir: config.dataDir, deskId: config.desk.id }, deps.alerts.unsent());
  const report = await central.heartbeat(sign, heartbeat);
  deps.alerts.markSent(report.alertsStored, report.receivedAt);
  return 'idle';
}
