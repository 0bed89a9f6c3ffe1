import { z } from 'zod';
import { LANGUAGES } from '../../protocol/languages.js';
import { FEEDBACK_KINDS } from '../../protocol/submission.js';
import { FEEDBACK_STATUSES } from '../db/schema.js';
import { TEAMS } from '../services/feedback.js';
import { MILESTONE_STATUSES } from '../services/record/milestones.js';

// The console's forms and queries, each one schema (read with http/formInput.ts). A field a browser sends
// twice arrives as an array and is refused by its schema; free text is cut to its limit, never refused for length
// here (the services say what is too long, in the staff member's language).

/** Free text as typed, cut at `max` characters; '' when absent. */
const typed = (max: number) =>
  z
    .string()
    .catch('')
    .transform((text) => text.slice(0, max));

/** An optional filter: absent, empty or not one of `values` means "all". */
const choice = <T extends string>(values: readonly T[]) =>
  z
    .string()
    .optional()
    .transform((value) => ((values as readonly string[]).includes(value ?? '') ? (value as T) : undefined))
    .catch(undefined);

export const InboxQuery = z.object({
  branch: typed(64).transform((text) => text || undefined),
  service: typed(64).transform((text) => text || undefined),
  kind: choice(FEEDBACK_KINDS),
  status: z
    .string()
    .optional()
    .transform((value) => (value === 'all' || (FEEDBACK_STATUSES as readonly string[]).includes(value ?? '') ? value : 'open'))
    .catch('open'),
  page: z.coerce.number().int().min(0).max(10_000).catch(0),
});

export const LoginForm = z.object({ username: typed(64), password: typed(1024), next: typed(300) });

export const TextForm = z.object({
  text: z
    .string()
    .catch('')
    .transform((text) => text.trim()),
});

export const TeamForm = z.object({ team: z.enum(TEAMS) });

export const StatusForm = z.object({ status: z.enum(FEEDBACK_STATUSES) });

export const AcceptProposalForm = z.object({
  ballot: typed(64),
  titleKa: typed(200),
  titleEn: typed(200),
  descriptionKa: typed(2000),
  descriptionEn: typed(2000),
});

export const RejectProposalForm = z.object({ reason: typed(2000) });

/** Publishing results: which survey or ballot, and what happens next in each language (Georgian checked by the service). */
export const PublishResultsForm = z.object({
  kind: z.enum(['survey', 'ballot'], { error: 'survey or ballot' }),
  id: typed(64),
  ...Object.fromEntries(LANGUAGES.map((language) => [nextStepsKey(language), typed(1000).transform((text) => text.trim())])),
}) as z.ZodType<{ kind: 'survey' | 'ballot'; id: string } & Record<string, string>>;

/** The form field of each language's "what happens next": nextKa, nextEn, ... */
export function nextStepsKey(language: string): string {
  return `next${language.charAt(0).toUpperCase()}${language.slice(1)}`;
}

/** An implementation milestone (services/record/milestones.ts checks the process and both notes). */
export const MilestoneForm = z.object({
  process: typed(80),
  status: z.enum(MILESTONE_STATUSES, { error: 'status: planned, in progress, done or stopped' }),
  progress: z.coerce
    .number({ error: 'progress: a number from 0 to 100' })
    .int('progress: a whole number')
    .min(0, 'progress: 0 to 100')
    .max(100, 'progress: 0 to 100'),
  date: z.iso.date('date: a date as YYYY-MM-DD'),
  noteKa: typed(500),
  noteEn: typed(500),
});

/** A focus group staff held: when, on what, how many took part, and optionally the process it informed. */
export const FocusGroupForm = z.object({
  heldOn: z.iso.date('heldOn: a date as YYYY-MM-DD'),
  topicKa: typed(300),
  topicEn: typed(300),
  participants: z.coerce
    .number({ error: 'participants: a number' })
    .int('participants: a whole number')
    .min(1, 'participants: 1 to 10,000')
    .max(10_000, 'participants: 1 to 10,000'),
  process: typed(80).transform((text) => text || undefined),
});
