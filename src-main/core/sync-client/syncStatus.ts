/** What the kiosk knows about its link to Central; shown to technicians and sent to the UI as an event. */
export type SyncState = 'idle' | 'syncing' | 'offline' | 'not-enrolled' | 'needs-enrolment';

export interface SyncStatus {
  readonly state: SyncState;
  readonly pending: number;
  readonly acked: number;
  readonly dead: number;
  readonly oldestPendingAt: string | null;
  readonly lastSyncAt: string | null;
  readonly lastError: string | null;
  readonly nextAttemptAt: string | null;
}
