import type { RecordIndex } from './processIndex.js';

/** Citizens' answers to "was it resolved?" in one group (a branch, a service, or all). */
export interface ResolvedShare {
  readonly key: string;
  readonly yes: number;
  readonly no: number;
  /** yes / (yes + no), or null before anyone answered. */
  readonly share: number | null;
}

export interface ResolvedShares {
  readonly all: ResolvedShare;
  readonly byBranch: readonly ResolvedShare[];
  readonly byService: readonly ResolvedShare[];
}

const shareOf = (key: string, yes: number, no: number): ResolvedShare => ({
  key,
  yes,
  no,
  share: yes + no === 0 ? null : yes / (yes + no),
});

/**
 * The share of answered feedback its citizens called resolved (FixMyStreet's
 * "has it been fixed?"), counted from the signed log's `feedback.resolved`
 * entries, by branch and by service: a figure anyone can recount. Only the
 * latest answer per feedback counts (a "no", reopened and answered again, may
 * become a "yes").
 */
export function resolvedShares(index: Pick<RecordIndex, 'resolutions'>): ResolvedShares {
  const latest = new Map<string, { branch: string; service: string; resolved: boolean }>();
  for (const entry of index.resolutions) {
    const branch = typeof entry.detail.branch === 'string' ? entry.detail.branch : '—';
    const service = typeof entry.detail.service === 'string' ? entry.detail.service : '—';
    latest.set(entry.subject, { branch, service, resolved: entry.detail.resolved === true });
  }
  const tally = (keyOf: (answer: { branch: string; service: string }) => string): ResolvedShare[] => {
    const groups = new Map<string, { yes: number; no: number }>();
    for (const answer of latest.values()) {
      const group = groups.get(keyOf(answer)) ?? { yes: 0, no: 0 };
      if (answer.resolved) group.yes += 1;
      else group.no += 1;
      groups.set(keyOf(answer), group);
    }
    return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, group]) => shareOf(key, group.yes, group.no));
  };
  const answers = [...latest.values()];
  const yes = answers.filter((answer) => answer.resolved).length;
  return {
    all: shareOf('all', yes, answers.length - yes),
    byBranch: tally((answer) => answer.branch),
    byService: tally((answer) => answer.service),
  };
}
