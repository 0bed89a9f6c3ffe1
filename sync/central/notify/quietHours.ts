/** Tbilisi is UTC+4 all year (no daylight saving since 2005). */
const TBILISI_OFFSET_MS = 4 * 3_600_000;
const QUIET_FROM_HOUR = 22;
const QUIET_UNTIL_HOUR = 9;

/**
 * When an SMS may go out: now, or 09:00 Tbilisi time the next morning when now
 * is between 22:00 and 09:00. E-mail has no quiet hours: it waits in the inbox.
 */
export function smsAllowedFrom(now: Date): Date {
  const local = new Date(now.getTime() + TBILISI_OFFSET_MS);
  const hour = local.getUTCHours();
  if (hour >= QUIET_UNTIL_HOUR && hour < QUIET_FROM_HOUR) return now;
  const morning = new Date(local);
  morning.setUTCHours(QUIET_UNTIL_HOUR, 0, 0, 0);
  if (hour >= QUIET_FROM_HOUR) morning.setUTCDate(morning.getUTCDate() + 1);
  return new Date(morning.getTime() - TBILISI_OFFSET_MS);
}
