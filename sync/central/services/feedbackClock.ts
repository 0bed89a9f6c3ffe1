/** PSH's promise: every feedback answered within 24 hours. */
export const ANSWER_WITHIN_MS = 24 * 60 * 60 * 1000;

export interface FeedbackClock {
  readonly clockStartAt: string;
  readonly dueAt: string;
  readonly offlineDelaySec: number;
}

/**
 * When the 24-hour clock starts: when the kiosk says the visitor left the
 * feedback, but never before the kiosk's previous acknowledged sync (a kiosk
 * clock running behind cannot buy time) and never after Central received it
 * (a clock running ahead cannot shorten the delay). The time it spent queued
 * offline is kept apart, so a late answer caused by the network stays visible.
 */
export function feedbackClock(claimedAt: string, receivedAt: string, previousSyncAt: string | null): FeedbackClock {
  const received = Date.parse(receivedAt);
  let start = Date.parse(claimedAt);
  if (previousSyncAt !== null) start = Math.max(start, Date.parse(previousSyncAt));
  start = Math.min(start, received);
  return {
    clockStartAt: new Date(start).toISOString(),
    dueAt: new Date(start + ANSWER_WITHIN_MS).toISOString(),
    offlineDelaySec: Math.round((received - start) / 1000),
  };
}
