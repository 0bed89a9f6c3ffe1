import type { RecordSigner } from './recordSigner.js';

/** An entry of the log as the process pages read it. */
export interface IndexedEntry {
  readonly idx: number;
  readonly at: string;
  readonly kind: string;
  readonly subject: string;
  readonly detail: Readonly<Record<string, unknown>>;
}

/** An entry with its bytes as they are hashed (UTF-8 canonical JSON). */
export interface ListedEntry extends IndexedEntry {
  readonly text: string;
}

/**
 * One process as the log tells it: its own steps (published, changed, closed,
 * results, decisions, milestones) in log order, and the entries it counts
 * (participation by channel, feedback received, answered in time, overdue) by
 * day and measure, as the indexes of those entries, so every figure can link to them.
 */
export interface ProcessTrail {
  readonly key: string;
  readonly steps: IndexedEntry[];
  /** day (Tbilisi, YYYY-MM-DD) → measure → indexes of the entries counted. */
  readonly counts: Map<string, Map<string, number[]>>;
}

export interface RecordIndex {
  /** How many entries it has read: the checkpoint it describes. */
  readonly size: number;
  readonly trails: ReadonlyMap<string, ProcessTrail>;
  /** Focus groups staff recorded (`focus-group.recorded`), for the indicators. */
  readonly focusGroups: readonly IndexedEntry[];
  /** When the log began: the first entry's time. */
  readonly startedAt: string | undefined;
  /** A proposal's arrival: its submission id → the index of its `submission.accepted` entry. */
  readonly proposalArrivals: ReadonlyMap<string, number>;
  /** Citizens' answers to "was it resolved?" (`feedback.resolved`), for the share resolved by branch and service. */
  readonly resolutions: readonly IndexedEntry[];
}

/** The Tbilisi calendar day of an ISO time (UTC+4, no daylight saving). */
export function tbilisiDay(iso: string): string {
  // A UTC time before 20:00 is the same day in Tbilisi: read from the text, as most are (the index reads a
  // million of them at a restart); the others go through Date.
  if (iso.length >= 20 && iso[10] === 'T' && iso.endsWith('Z') && iso.slice(11, 13) < '20') return iso.slice(0, 10);
  return new Date(Date.parse(iso) + 4 * 3_600_000).toISOString().slice(0, 10);
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

type Place = { readonly key: string; readonly measure?: string; readonly day?: string };

/**
 * Where an entry belongs: the processes whose story it is a step of, and the
 * figures it counts in. One entry may belong to two (a proposal accepted is a
 * step of the proposal and of the ballot it joined).
 */
export function placesOf(entry: IndexedEntry): Place[] {
  const { kind, subject, detail } = entry;
  const [family] = kind.split('.');
  switch (kind) {
    case 'submission.accepted': {
      const places: Place[] = [];
      const recordedAt = text(detail.recordedAt) ?? entry.at;
      const process = text(detail.process);
      if (process) places.push({ key: process, measure: text(detail.channel) ?? 'kiosk', day: tbilisiDay(recordedAt) });
      const branch = text(detail.branch);
      if (detail.type === 'feedback' && branch)
        places.push({ key: `feedback:${branch}`, measure: 'received', day: tbilisiDay(recordedAt) });
      return places;
    }
    case 'results.published':
      return [{ key: subject }];
    case 'proposal.accepted': {
      const ballot = text(detail.ballotId);
      return [{ key: `proposal:${subject}` }, ...(ballot ? [{ key: `ballot:${ballot}` }] : [])];
    }
    case 'proposal.rejected':
      return [{ key: `proposal:${subject}` }];
    case 'milestone.added':
    case 'focus-group.recorded': {
      const process = text(detail.process);
      return process ? [{ key: process }] : [];
    }
    case 'feedback.answered': {
      const branch = text(detail.branch);
      if (!branch) return [];
      const day = tbilisiDay(entry.at);
      const due = text(detail.dueAt);
      const inTime = due !== undefined && entry.at <= due;
      return [
        { key: `feedback:${branch}`, measure: 'answered', day },
        ...(inTime ? [{ key: `feedback:${branch}`, measure: 'answered-in-time', day }] : []),
      ];
    }
    case 'feedback.resolved': {
      const branch = text(detail.branch);
      const measure = detail.resolved === true ? 'resolved' : 'not-resolved';
      return branch ? [{ key: `feedback:${branch}`, measure, day: tbilisiDay(entry.at) }] : [];
    }
    case 'feedback.overdue': {
      const branch = text(detail.branch);
      return branch ? [{ key: `feedback:${branch}`, measure: 'overdue', day: tbilisiDay(entry.at) }] : [];
    }
    default:
      return family === 'survey' || family === 'ballot' ? [{ key: `${family}:${subject}` }] : [];
  }
}

function parseEntry(idx: number, bytes: Buffer): IndexedEntry {
  const parsed = JSON.parse(bytes.toString('utf8')) as { at: string; kind: string; subject: string; detail: Record<string, unknown> };
  return { idx, at: parsed.at, kind: parsed.kind, subject: parsed.subject, detail: parsed.detail };
}

/** Entries read per held connection, so ingest goes on between steps of a first, long read. */
const READ_STEP = 4096;

/**
 * The process pages' index of the log, kept in memory and brought up to the
 * latest checkpoint incrementally (each entry is read once; a restart reads
 * the log again: about 9 s a million entries here, `record.index_1m_s`,
 * started in the background when Central starts). The pages' figures
 * are therefore the signed log's, as of a checkpoint anyone can check, and not
 * a second bookkeeping that could disagree with it.
 */
export function createProcessIndex(signer: Pick<RecordSigner, 'read'>) {
  const trails = new Map<string, ProcessTrail>();
  const focusGroups: IndexedEntry[] = [];
  const resolutions: IndexedEntry[] = [];
  const proposalArrivals = new Map<string, number>();
  let size = 0;
  let startedAt: string | undefined;
  let catchingUp: Promise<void> = Promise.resolve();

  const trailOf = (key: string): ProcessTrail => {
    let trail = trails.get(key);
    if (!trail) trails.set(key, (trail = { key, steps: [], counts: new Map() }));
    return trail;
  };
  const add = (entry: IndexedEntry): void => {
    startedAt ??= entry.at;
    if (entry.kind === 'focus-group.recorded') focusGroups.push(entry);
    if (entry.kind === 'feedback.resolved') resolutions.push(entry);
    if (entry.kind === 'submission.accepted' && entry.detail.type === 'proposal') proposalArrivals.set(entry.subject, entry.idx);
    for (const place of placesOf(entry)) {
      const trail = trailOf(place.key);
      if (place.measure === undefined || place.day === undefined) {
        trail.steps.push(entry);
        continue;
      }
      let day = trail.counts.get(place.day);
      if (!day) trail.counts.set(place.day, (day = new Map<string, number[]>()));
      const list = day.get(place.measure);
      if (list) list.push(entry.idx);
      else day.set(place.measure, [entry.idx]);
    }
  };
  const readTo = async (target: number): Promise<void> => {
    while (size < target) {
      const from = size;
      const to = Math.min(target, from + READ_STEP);
      const entries = await signer.read((reader) => reader.entries(from, to));
      entries.forEach((bytes, offset) => add(parseEntry(from + offset, bytes)));
      size = to;
    }
  };
  return {
    /** The index as of a checkpoint of `target` entries (never behind it). */
    async upTo(target: number): Promise<RecordIndex> {
      // One catch-up at a time; a failed one (a read error) does not stop the next from trying.
      const next = catchingUp.catch(() => undefined).then(() => readTo(target));
      catchingUp = next;
      await next;
      return { size, trails, focusGroups, startedAt, proposalArrivals, resolutions };
    },
    /** Entries by index with their exact bytes as text, for the pages that list what a figure counted. */
    async entries(indexes: readonly number[]): Promise<ListedEntry[]> {
      // Every entry is looked up before any is checked: on PostgreSQL one pass then names all it lacks (prefetchedRecord.ts).
      return signer.read((reader) =>
        indexes
          .map((idx) => ({ idx, bytes: reader.entries(idx, idx + 1)[0] }))
          .map(({ idx, bytes }) => {
            if (!bytes) throw new Error(`record: no entry ${String(idx)}`);
            return { ...parseEntry(idx, bytes), text: bytes.toString('utf8') };
          }),
      );
    },
  };
}

export type ProcessIndex = ReturnType<typeof createProcessIndex>;
