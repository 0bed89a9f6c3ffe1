/** What the kiosk knows about its link to Central; shown to technicians and sent to the UI as an event. */
export type SyncState =
  | 'idle'
  | 'syncing'
  | 'offline'
  /** No enrolment token configured and never enrolled. */
  | 'not-enrolled'
  /** Central refused our signature (revoked or unknown device): a technician must re-enrol. */
  | 'needs-enrolment'
  /** Central no longer speaks this kiosk's protocol: the kiosk software must be updated. */
  | 'update-required';

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
