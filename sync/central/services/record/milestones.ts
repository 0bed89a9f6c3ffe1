import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../../db/schema.js';
import { latestContentPack } from '../content.js';
import { appendLedger } from '../ledger.js';
import { failure, success, type Outcome } from '../outcome.js';

/** What PSH did after a process, step by step (Decidim's accountability statuses, fewer). */
export const MILESTONE_STATUSES = ['planned', 'in-progress', 'done', 'stopped'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

export interface Milestone {
  /** `survey:<id>`, `ballot:<id>` or `proposal:<code>`. */
  readonly process: string;
  readonly status: MilestoneStatus;
  /** 0-100. */
  readonly progress: number;
  /** The day it happened (YYYY-MM-DD), which may be before the day it is recorded. */
  readonly date: string;
  readonly note: { readonly ka: string; readonly en: string };
}

export interface FocusGroup {
  readonly heldOn: string;
  readonly topic: { readonly ka: string; readonly en: string };
  readonly participants: number;
  /** The survey or ballot it informed, if any. */
  readonly process?: string | undefined;
}

/** The processes staff can add a milestone to: the current surveys and ballots, and the decided proposals. */
export async function milestoneProcesses(db: Kysely<CentralDatabase>): Promise<string[]> {
  const pack = await latestContentPack(db);
  const decided = await db.selectFrom('proposals').select('code').where('status', '!=', 'pending').orderBy('decided_at').execute();
  return [
    ...(pack?.surveys ?? []).map((survey) => `survey:${survey.id}`),
    ...(pack?.ballots ?? []).map((ballot) => `ballot:${ballot.id}`),
    ...decided.map((proposal) => `proposal:${proposal.code}`),
  ];
}

const bothLanguages = (field: string, text: { ka: string; en: string }): Outcome<void> | undefined =>
  !text.ka.trim()
    ? failure(`${field}: the Georgian text is required`, `${field}Ka`)
    : !text.en.trim()
      ? failure(`${field}: the English text is required`, `${field}En`)
      : undefined;

/**
 * Adds a milestone of a process's implementation: it is only a log entry
 * (`milestone.added`), appended with the staff member's role, never their
 * name. The log is where process pages read it, so there is nothing else to
 * keep in step; a milestone is never edited, a later one says what changed.
 */
export async function addMilestone(db: Kysely<CentralDatabase>, milestone: Milestone, actor: string): Promise<Outcome<{ index: number }>> {
  if (!(await milestoneProcesses(db)).includes(milestone.process))
    return failure('process: not a current survey, ballot or decided proposal', 'process');
  const missing = bothLanguages('note', milestone.note);
  if (missing) return missing as Outcome<never>;
  const note = { ka: milestone.note.ka.trim(), en: milestone.note.en.trim() };
  const index = await appendLedger(db, 'milestone.added', milestone.process, { ...milestone, note, by: actor });
  return success({ index });
}

/** Records a focus group (GE0067 counts its participants with the surveys' and votes'): date, topic, how many took part. */
export async function addFocusGroup(db: Kysely<CentralDatabase>, group: FocusGroup, actor: string): Promise<Outcome<{ index: number }>> {
  if (group.process !== undefined && !(await milestoneProcesses(db)).includes(group.process))
    return failure('process: not a current survey, ballot or decided proposal', 'process');
  const missing = bothLanguages('topic', group.topic);
  if (missing) return missing as Outcome<never>;
  const topic = { ka: group.topic.ka.trim(), en: group.topic.en.trim() };
  const { process, ...rest } = group;
  const index = await appendLedger(db, 'focus-group.recorded', 'focus-group', {
    ...rest,
    ...(process ? { process } : {}),
    topic,
    by: actor,
  });
  return success({ index });
}
