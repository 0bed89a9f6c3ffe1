/**
 * Times on staff and public pages: "2026-11-27T09:05:00Z" -> "2026-11-27 13:05" in Tbilisi time (UTC+4, no daylight saving).
 * One function for every audience, so a time reads the same in the console and on the public record.
 */
export function tbilisiTime(iso: string | null): string {
  if (!iso) return '—';
  const shifted = new Date(Date.parse(iso) + 4 * 3_600_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`;
}
