import type { Kysely } from 'kysely';
import type { ContentPack } from '../../../protocol/contentPack.js';
import type { LocalizedText } from '../../../protocol/languages.js';
import type { CentralDatabase } from '../../db/schema.js';
import { surveyTally } from '../surveyTally.js';
import type { RecordIndex } from './processIndex.js';
import { processKeyPath, splitProcessKey } from './processView.js';

/** The commitment's indicators (OGP GE0067), as the commitment states them. */
export const INDICATOR_IDS = [
  'answered-within-24h',
  'feedback-first-6-months',
  'processes-held',
  'participants',
  'awareness',
  'results-published',
] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

export interface Indicator {
  readonly id: IndicatorId;
  /** The target, in the indicator's unit; 'at least' or 'about' as the commitment says. */
  readonly target: number;
  readonly targetKind: 'at-least' | 'about';
  readonly unit: 'percent' | 'count';
  /** The platform's own measure; undefined when nothing is measured yet (no awareness survey, no deadline due). */
  readonly value: number | undefined;
  /** What the value is computed from: how many entries, answers or processes. */
  readonly basis: number;
  /** Where the reader can see what it was computed from: process pages, results. */
  readonly sources: readonly { readonly href: string; readonly label: LocalizedText }[];
  /** How the value is made up, where it adds two things (submissions and focus groups' participants). */
  readonly parts?: { readonly submissions: number; readonly focusGroups: number };
}

const SIX_MONTHS_MS = 182.5 * 24 * 3_600_000;
const CHANNELS = ['kiosk', 'phone', 'web'];

const sum = (values: Iterable<number>): number => [...values].reduce((total, value) => total + value, 0);

/** How many entries a trail counted for a measure, on days from `from` up to (not including) `to` (Tbilisi days). */
function counted(index: RecordIndex, key: string, measures: readonly string[], from = '', to = '9999'): number {
  const trail = index.trails.get(key);
  if (!trail) return 0;
  return sum(
    [...trail.counts.entries()]
      .filter(([day]) => day >= from && day < to)
      .flatMap(([, byMeasure]) => measures.map((measure) => byMeasure.get(measure)?.length ?? 0)),
  );
}

const processLink = (key: string, label: LocalizedText) => ({ href: processKeyPath(key), label });

/**
 * Each GE0067 indicator measured by the platform itself. All but awareness are
 * counted from the signed log's index (entries anyone can verify); awareness
 * is the result of the surveys marked as measuring it (their answers are not
 * in the log, only hashes of them), with how many answered.
 */
export async function commitmentIndicators(
  db: Kysely<CentralDatabase>,
  index: RecordIndex,
  pack: ContentPack | undefined,
): Promise<Indicator[]> {
  const keys = [...index.trails.keys()];
  const feedbackKeys = keys.filter((key) => key.startsWith('feedback:'));
  const feedbackSources = feedbackKeys.map((key) => processLink(key, { ka: key.slice(9), en: key.slice(9) }));

  const inTime = sum(feedbackKeys.map((key) => counted(index, key, ['answered-in-time'])));
  const missed = sum(feedbackKeys.map((key) => counted(index, key, ['overdue'])));

  const start = index.startedAt;
  const sixMonthsEnd = start ? new Date(Date.parse(start) + SIX_MONTHS_MS + 4 * 3_600_000).toISOString().slice(0, 10) : '';
  const firstMonths = start ? sum(feedbackKeys.map((key) => counted(index, key, ['received'], '', sixMonthsEnd))) : 0;

  const held = keys.filter(
    (key) =>
      /^(survey|ballot):/.test(key) &&
      index.trails.get(key)?.steps.some((step) => step.kind.endsWith('.published') && step.kind !== 'results.published'),
  );
  const titleOf = (key: string): LocalizedText => {
    const { kind, id } = splitProcessKey(key);
    const item = kind === 'survey' ? pack?.surveys.find((survey) => survey.id === id) : pack?.ballots.find((ballot) => ballot.id === id);
    return item?.title ?? { ka: id, en: id };
  };
  const participants = sum(held.map((key) => counted(index, key, CHANNELS)));
  const focusGroupPeople = sum(
    index.focusGroups.map((group) => (typeof group.detail.participants === 'number' ? group.detail.participants : 0)),
  );

  const closed = held.filter((key) => index.trails.get(key)?.steps.some((step) => step.kind.endsWith('.closed')));
  const published = closed.filter((key) => index.trails.get(key)?.steps.some((step) => step.kind === 'results.published'));

  let aware = 0;
  let answered = 0;
  const awarenessSources: Indicator['sources'][number][] = [];
  for (const survey of pack?.surveys ?? []) {
    if (survey.measures?.indicator !== 'awareness') continue;
    const measure = survey.measures;
    const question = (await surveyTally(db, survey)).questions.find((tally) => tally.questionId === measure.questionId);
    if (!question || !('counts' in question)) continue;
    answered += question.answered;
    aware += sum(question.counts.filter((count) => measure.awareChoices.includes(count.id)).map((count) => count.count));
    awarenessSources.push(processLink(`survey:${survey.id}`, survey.title));
  }

  const percent = (part: number, whole: number) => (whole === 0 ? undefined : Math.round((1000 * part) / whole) / 10);
  return [
    {
      id: 'answered-within-24h',
      target: 100,
      targetKind: 'at-least',
      unit: 'percent',
      value: percent(inTime, inTime + missed),
      basis: inTime + missed,
      sources: feedbackSources,
    },
    {
      id: 'feedback-first-6-months',
      target: 500,
      targetKind: 'about',
      unit: 'count',
      value: firstMonths,
      basis: firstMonths,
      sources: feedbackSources,
    },
    {
      id: 'processes-held',
      target: 3,
      targetKind: 'at-least',
      unit: 'count',
      value: held.length,
      basis: held.length,
      sources: held.map((key) => processLink(key, titleOf(key))),
    },
    {
      id: 'participants',
      target: 5000,
      targetKind: 'about',
      unit: 'count',
      value: participants + focusGroupPeople,
      basis: participants + focusGroupPeople,
      parts: { submissions: participants, focusGroups: focusGroupPeople },
      sources: held.map((key) => processLink(key, titleOf(key))),
    },
    {
      id: 'awareness',
      target: 60,
      targetKind: 'at-least',
      unit: 'percent',
      value: percent(aware, answered),
      basis: answered,
      sources: awarenessSources,
    },
    {
      id: 'results-published',
      target: 100,
      targetKind: 'at-least',
      unit: 'percent',
      value: percent(published.length, closed.length),
      basis: closed.length,
      sources: closed.map((key) => processLink(key, titleOf(key))),
    },
  ];
}
