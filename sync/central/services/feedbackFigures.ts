import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../db/schema.js';
import { channelDevices } from './channels.js';

/** The columns the figures need, one row per feedback. */
export interface FigureRow {
  readonly branch_id: string;
  readonly service_id: string;
  readonly kind: string;
  readonly clock_start_at: string;
  readonly due_at: string;
  readonly first_answered_at: string | null;
  readonly offline_delay_sec: number;
  /** kiosk, phone or web (services/channels.ts); a kiosk's when absent. */
  readonly channel?: string;
}

export interface PromiseFigures {
  readonly received: number;
  readonly answered: number;
  readonly answeredOnTime: number;
  readonly openOverdue: number;
  readonly openNotYetDue: number;
  /**
   * answered on time / (answered + open and overdue). Open items still inside
   * their 24 hours are neither success nor failure yet; open overdue ones are
   * failures already and count, so waiting never improves the figure. Null when nothing counts yet.
   */
  readonly shareOnTime: number | null;
}

export interface GroupFigures extends PromiseFigures {
  readonly key: string;
}

export interface FeedbackFigures extends PromiseFigures {
  readonly computedAt: string;
  readonly hoursToAnswer: { readonly median: number | null; readonly p90: number | null };
  /** Hours between the visitor leaving feedback and Central receiving it (the kiosk was offline). */
  readonly offlineDelayHours: { readonly median: number | null; readonly p90: number | null; readonly delayedOverOneHour: number };
  readonly perMonth: ReadonlyArray<{ readonly month: string; readonly received: number }>;
  readonly byBranch: readonly GroupFigures[];
  readonly byService: readonly GroupFigures[];
  readonly byKind: readonly GroupFigures[];
  readonly byChannel: readonly GroupFigures[];
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? null;
}

const round = (value: number | null, digits = 2): number | null => (value === null ? null : Number(value.toFixed(digits)));

function promiseFigures(rows: readonly FigureRow[], now: number): PromiseFigures {
  let answered = 0;
  let answeredOnTime = 0;
  let openOverdue = 0;
  for (const row of rows) {
    if (row.first_answered_at !== null) {
      answered += 1;
      if (Date.parse(row.first_answered_at) <= Date.parse(row.due_at)) answeredOnTime += 1;
    } else if (now > Date.parse(row.due_at)) openOverdue += 1;
  }
  const counted = answered + openOverdue;
  return {
    received: rows.length,
    answered,
    answeredOnTime,
    openOverdue,
    openNotYetDue: rows.length - answered - openOverdue,
    shareOnTime: counted === 0 ? null : round(answeredOnTime / counted, 4),
  };
}

function grouped(rows: readonly FigureRow[], keyOf: (row: FigureRow) => string, now: number): GroupFigures[] {
  const groups = new Map<string, FigureRow[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, list]) => ({ key, ...promiseFigures(list, now) }));
}

/** Every public figure of the 24-hour promise, from the rows as they are at `now`. */
export function computeFigures(rows: readonly FigureRow[], now: Date): FeedbackFigures {
  const at = now.getTime();
  const hoursToAnswer = rows
    .filter((row) => row.first_answered_at !== null)
    .map((row) => (Date.parse(row.first_answered_at ?? '') - Date.parse(row.clock_start_at)) / 3_600_000)
    .sort((a, b) => a - b);
  const delays = rows.map((row) => row.offline_delay_sec / 3600).sort((a, b) => a - b);
  const months = new Map<string, number>();
  for (const row of rows) months.set(row.clock_start_at.slice(0, 7), (months.get(row.clock_start_at.slice(0, 7)) ?? 0) + 1);
  return {
    computedAt: now.toISOString(),
    ...promiseFigures(rows, at),
    hoursToAnswer: { median: round(percentile(hoursToAnswer, 50)), p90: round(percentile(hoursToAnswer, 90)) },
    offlineDelayHours: {
      median: round(percentile(delays, 50)),
      p90: round(percentile(delays, 90)),
      delayedOverOneHour: delays.filter((hours) => hours > 1).length,
    },
    perMonth: [...months.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, received]) => ({ month, received })),
    byBranch: grouped(rows, (row) => row.branch_id, at),
    byService: grouped(rows, (row) => row.service_id, at),
    byKind: grouped(rows, (row) => row.kind, at),
    byChannel: grouped(rows, (row) => row.channel ?? 'kiosk', at),
  };
}

export async function feedbackFigures(db: Kysely<CentralDatabase>, now = new Date()): Promise<FeedbackFigures> {
  const channels = await channelDevices(db);
  const rows = await db
    .selectFrom('feedback')
    .select(['branch_id', 'service_id', 'kind', 'clock_start_at', 'due_at', 'first_answered_at', 'offline_delay_sec', 'device_id'])
    .execute();
  return computeFigures(
    rows.map(({ device_id, ...row }) => ({ ...row, channel: (device_id && channels.get(device_id)) || 'kiosk' })),
    now,
  );
}

/** Figures are recomputed at most every 30 s, or when staff change something: a busy public page must not scan the table per visit. */
export function createFiguresCache(db: Kysely<CentralDatabase>, freshMs = 30_000) {
  let cached: { at: number; figures: Promise<FeedbackFigures> } | undefined;
  return {
    get(): Promise<FeedbackFigures> {
      if (!cached || Date.now() - cached.at > freshMs) cached = { at: Date.now(), figures: feedbackFigures(db) };
      return cached.figures;
    },
    invalidate(): void {
      cached = undefined;
    },
  };
}
export type FiguresCache = ReturnType<typeof createFiguresCache>;
