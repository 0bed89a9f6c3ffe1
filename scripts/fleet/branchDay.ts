/**
 * A branch's day, 09:00 to 19:00, as the share of its visitors in each hour:
 * a morning peak from 10 to 12, a dip at lunch, a smaller one after work.
 * The simulation compresses the day into minutes and keeps the shape.
 */
export const HOURLY_SHARE: readonly number[] = [0.07, 0.13, 0.15, 0.12, 0.08, 0.09, 0.1, 0.1, 0.09, 0.07];

/** The share of the day's visitors in its busiest hour: the peak a Central is sized for. */
export const PEAK_HOUR_SHARE = Math.max(...HOURLY_SHARE);

/** What a visitor at a kiosk does, and how often, out of every 100 visits. */
export const VISIT_MIX = [
  { kind: 'rating', per100: 50 },
  { kind: 'survey', per100: 15 },
  { kind: 'vote', per100: 12 },
  { kind: 'feedback', per100: 15 },
  { kind: 'voice-feedback', per100: 3 },
  { kind: 'proposal', per100: 5 },
] as const;
export type VisitKind = (typeof VISIT_MIX)[number]['kind'];

/** A moment of the day, 0 (opening) to 1 (closing), drawn to follow the hourly shares. */
export function momentOfDay(random: () => number): number {
  let draw = random();
  for (const [hour, share] of HOURLY_SHARE.entries()) {
    if (draw < share) return (hour + draw / share) / HOURLY_SHARE.length;
    draw -= share;
  }
  return 1 - Number.EPSILON;
}

export function visitKind(random: () => number): VisitKind {
  let draw = random() * 100;
  for (const { kind, per100 } of VISIT_MIX) {
    if (draw < per100) return kind;
    draw -= per100;
  }
  return 'rating';
}

/** The day's visits of one kiosk, in order: when (ms after the day starts) and what. */
export function planKioskDay(visits: number, dayMs: number, random: () => number): Array<{ at: number; kind: VisitKind }> {
  return Array.from({ length: visits }, () => ({ at: Math.round(momentOfDay(random) * dayMs), kind: visitKind(random) })).sort(
    (a, b) => a.at - b.at,
  );
}

/** Offline spells: a share of kiosks lose their line once, for a tenth to a quarter of the day, at a random moment. */
export function planOffline(dayMs: number, random: () => number, share = 0.2): { from: number; to: number } | undefined {
  if (random() >= share) return undefined;
  const from = Math.round(random() * 0.6 * dayMs);
  return { from, to: from + Math.round((0.1 + random() * 0.15) * dayMs) };
}
