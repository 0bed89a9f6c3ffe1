import type { ContentPack } from '../../../protocol/contentPack.js';
import type { LocalizedText } from '../../../protocol/languages.js';
import type { IndexedEntry, RecordIndex } from './processIndex.js';

export type ProcessKind = 'survey' | 'ballot' | 'proposal' | 'feedback';
export const PROCESS_KINDS: readonly ProcessKind[] = ['survey', 'ballot', 'proposal', 'feedback'];

/** One cell of a figure: how many entries, and the key that lists them. */
export interface Count {
  readonly count: number;
  readonly measure: string;
  /** undefined: every day. */
  readonly day?: string;
}

export interface ProcessView {
  readonly key: string;
  readonly kind: ProcessKind;
  readonly id: string;
  /** A survey's or ballot's title from the current content; a proposal's initiative title once accepted. */
  readonly title: LocalizedText | undefined;
  readonly opensAt?: string;
  readonly closesAt?: string;
  readonly resultsPublished: boolean;
  /** The process's own steps, in log order (milestones among them). */
  readonly steps: readonly IndexedEntry[];
  /** The measures it counts, in a fixed order, and per period (oldest first) and in all. */
  readonly measures: readonly string[];
  /** Days (YYYY-MM-DD), or months (YYYY-MM) when the process spans more than a month of days: a table a reader can take in. */
  readonly period: 'day' | 'month';
  readonly days: readonly { readonly day: string; readonly counts: readonly Count[] }[];
  readonly totals: readonly Count[];
  /** A proposal's arrival entry (its submission), when the log holds it. */
  readonly arrival: number | undefined;
  /** The checkpoint these figures are from. */
  readonly size: number;
}

/** More days than this and the table counts by month. */
const MAX_DAY_ROWS = 31;

const ORDER = ['kiosk', 'phone', 'web', 'received', 'answered', 'answered-in-time', 'overdue', 'resolved', 'not-resolved'];

export function processKey(kind: ProcessKind, id: string): string {
  return `${kind}:${id}`;
}

/** A process key's two parts: "proposal:7Q50DNW9" → proposal, 7Q50DNW9 (an id never holds a colon, but is kept whole if it did). */
export function splitProcessKey(key: string): { readonly kind: string; readonly id: string } {
  const at = key.indexOf(':');
  return at < 0 ? { kind: key, id: '' } : { kind: key.slice(0, at), id: key.slice(at + 1) };
}

/** A process's public page. */
export const processPath = (kind: string, id: string): string => `/record/processes/${kind}/${encodeURIComponent(id)}`;

/** A process's public page from its key. */
export const processKeyPath = (key: string): string => {
  const { kind, id } = splitProcessKey(key);
  return processPath(kind, id);
};

/** A process as its page tells it: from the index of the signed log, with titles and dates from the current content. */
export function processView(index: RecordIndex, pack: ContentPack | undefined, kind: ProcessKind, id: string): ProcessView | undefined {
  const key = processKey(kind, id);
  const trail = index.trails.get(key);
  const item =
    kind === 'survey'
      ? pack?.surveys.find((survey) => survey.id === id)
      : kind === 'ballot'
        ? pack?.ballots.find((ballot) => ballot.id === id)
        : undefined;
  if (!trail && !item) return undefined;
  const steps = trail?.steps ?? [];
  const measured = new Set<string>(
    kind === 'feedback' ? ['received', 'answered', 'answered-in-time', 'overdue'] : kind === 'proposal' ? [] : ['kiosk'],
  );
  for (const day of trail?.counts.values() ?? []) for (const measure of day.keys()) measured.add(measure);
  const measures = [...measured].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
  const period = (trail?.counts.size ?? 0) > MAX_DAY_ROWS ? 'month' : 'day';
  const byPeriod = new Map<string, Map<string, number>>();
  for (const [day, counts] of trail?.counts ?? []) {
    const key = period === 'month' ? day.slice(0, 7) : day;
    const row = byPeriod.get(key) ?? new Map<string, number>();
    byPeriod.set(key, row);
    for (const [measure, indexes] of counts) row.set(measure, (row.get(measure) ?? 0) + indexes.length);
  }
  const days = [...byPeriod.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, counts]) => ({ day, counts: measures.map((measure) => ({ count: counts.get(measure) ?? 0, measure, day })) }));
  const totals = measures.map((measure) => ({
    measure,
    count: days.reduce((sum, day) => sum + (day.counts.find((c) => c.measure === measure)?.count ?? 0), 0),
  }));
  const decision = steps.find((step) => step.kind === 'proposal.accepted' || step.kind === 'proposal.rejected');
  const initiative =
    kind === 'proposal' && decision?.kind === 'proposal.accepted'
      ? pack?.ballots
          .find((ballot) => ballot.id === decision.detail.ballotId)
          ?.initiatives.find((candidate) => candidate.id === decision.detail.initiativeId)
      : undefined;
  const submission = kind === 'proposal' && typeof decision?.detail.submission === 'string' ? decision.detail.submission : undefined;
  return {
    key,
    kind,
    id,
    title: item?.title ?? initiative?.title,
    ...(item ? { opensAt: item.opensAt, closesAt: item.closesAt } : {}),
    resultsPublished: steps.some((step) => step.kind === 'results.published'),
    steps,
    measures,
    period,
    days,
    totals,
    arrival: submission === undefined ? undefined : index.proposalArrivals.get(submission),
    size: index.size,
  };
}

/** The measures that count a process's participants: a submission's channel, or feedback received. */
export const PARTICIPATION_MEASURES = ['kiosk', 'phone', 'web', 'received'];

/**
 * The indexes a figure counted: one measure of a process, in one period (a day
 * YYYY-MM-DD or a month YYYY-MM) or in all; `participation` is every measure
 * that counts participants (the home page's figure).
 */
export function countedEntries(index: RecordIndex, key: string, measure: string, period?: string): number[] {
  const trail = index.trails.get(key);
  if (!trail) return [];
  const measures = measure === 'participation' ? PARTICIPATION_MEASURES : [measure];
  const days = [...trail.counts.entries()].filter(([day]) => period === undefined || day.startsWith(period)).map(([, counts]) => counts);
  return days.flatMap((counts) => measures.flatMap((one) => counts.get(one) ?? [])).sort((a, b) => a - b);
}

/** Every process the record knows, for its home page: surveys and ballots of the content, proposals decided, feedback per branch. */
export function recordProcesses(index: RecordIndex, pack: ContentPack | undefined): { kind: ProcessKind; id: string }[] {
  const listed = new Set<string>();
  const processes: { kind: ProcessKind; id: string }[] = [];
  const add = (kind: ProcessKind, id: string) => {
    if (listed.has(`${kind}:${id}`)) return;
    listed.add(`${kind}:${id}`);
    processes.push({ kind, id });
  };
  for (const survey of pack?.surveys ?? []) add('survey', survey.id);
  for (const ballot of pack?.ballots ?? []) add('ballot', ballot.id);
  for (const key of index.trails.keys()) {
    const { kind, id } = splitProcessKey(key);
    if (kind === 'survey' || kind === 'ballot' || kind === 'proposal' || kind === 'feedback') add(kind, id);
  }
  return processes;
}
