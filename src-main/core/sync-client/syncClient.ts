import type { Database } from 'better-sqlite3';
import type { KioskConfig } from '../../../kiosk-config/schema.js';
import type { ContentStore } from '../content/contentStore.js';
import { readDeviceState } from '../db/deviceState.js';
import type { DeadLetters } from '../outbox/deadLetters.js';
import type { OutboxQueries } from '../outbox/outboxQueries.js';
import { backoffDelayMs, retryAfterMs } from './backoff.js';
import { type CentralClient, CentralError, createCentralClient } from './centralClient.js';
import { createDeviceCredentials } from './deviceCredentials.js';
import { createAlerts } from './heartbeat.js';
import { syncRound } from './syncRound.js';
import { createRecordWitness } from './witnessRecord.js';
import { createWitnessPacing } from './witnessPacing.js';
import type { EnrolRefusal } from './enrolRefusal.js';
import type { RequestSigner } from './requestSigner.js';
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
  const credentials = createDeviceCredentials(db, config, central);
  const witness = createRecordWitness(db, central);
  const witnessPacing = createWitnessPacing();
  const roundDeps = { db, config, central, credentials, outbox, deadLetters, content, witness, witnessPacing, alerts: createAlerts(db) };
  let state: SyncState = 'idle';
  let lastError: string | null = null;
  let failures = 0;
  let nextAttemptAt: number | null = null;
  let timer: NodeJS.Timeout | undefined;
  let probe: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = true;
  /** Something was saved while a round ran, perhaps after its push: another round follows at once. */
  let nudgedWhileRunning = false;

  const status = (): SyncStatus => ({
    state,
    ...outbox.counts(),
    lastSyncAt: readDeviceState(db).lastSyncAt ?? null,
    lastError,
    nextAttemptAt: nextAttemptAt === null ? null : new Date(nextAttemptAt).toISOString(),
  });
  const publish = () => onStatus(status());

  const round = async (): Promise<void> => {
    state = 'syncing';
    publish();
    state = await syncRound(roundDeps);
    if (state === 'idle' && outbox.counts().pending === 0) onDrained?.();
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
        schedule(nudgedWhileRunning ? 0 : config.central.syncIntervalMs);
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
        // A failed round waits out its backoff whatever was saved meanwhile.
        nudgedWhileRunning = false;
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
      if (stopped || failures > 0) return;
      if (running) nudgedWhileRunning = true;
      else void syncNow();
    },
    syncNow,
    status,
    /** Central's key for sealing contact details, once enrolled (device.json keeps it). */
    sealingKey: (): string | undefined => credentials.identity()?.sealingKey,
    /**
     * One signed call outside the sync round (a visitor checking a tracking
     * code). Never enrols: without an identity it answers null at once.
     */
    async signedCall<T>(run: (central: CentralClient, sign: RequestSigner) => Promise<T>): Promise<T | null> {
      const sign = credentials.enrolledSigner();
      return sign ? run(central, sign) : null;
    },
    /** A technician's new one-time token (deviceCredentials.ts's switchTo); on success the queue syncs under the new identity at once. */
    async reenrol(token: string): Promise<{ readonly status: SyncStatus; readonly refusal: EnrolRefusal | null }> {
      await running;
      const refusal = await credentials.switchTo(token);
      if (refusal) return { status: status(), refusal };
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
