import type { Ballot } from '../../protocol/ballot.js';
import type { ContentPack } from '../../protocol/contentPack.js';
import type { LocalizedText } from '../../protocol/languages.js';
import type { PublishedResult, ResultSection } from '../../protocol/publishedResult.js';
import type { Survey } from '../../protocol/survey.js';
import type { BallotTally } from './ballotTally.js';
import type { SurveyTally } from './surveyTally.js';

const YES: LocalizedText = { ka: 'დიახ', en: 'Yes', ru: 'Да', az: 'Bəli', hy: 'Այո' };
const NO: LocalizedText = { ka: 'არა', en: 'No', ru: 'Нет', az: 'Xeyr', hy: 'Ոչ' };
const numberLabel = (value: string): LocalizedText => ({ ka: value });

type Base = Pick<PublishedResult, 'publishedAt' | 'nextSteps'>;

/**
 * A survey's tally as the kiosk shows it: every question but free text (its
 * answers may hold personal details and are never published), choices by
 * count, rankings by Borda points, ratings with their mean.
 */
export function surveyResult(
  survey: Survey,
  tally: SurveyTally,
  smileyLabels: ContentPack['rating']['labels'],
  base: Base,
): PublishedResult {
  const sections = survey.questions.flatMap((question): ResultSection[] => {
    const counted = tally.questions.find((candidate) => candidate.questionId === question.id);
    if (!counted || counted.type === 'text') return [];
    const labelOf = (id: string): LocalizedText => {
      if (question.type === 'yesno') return id === 'yes' ? YES : NO;
      if (question.type === 'smiley') return smileyLabels[Number(id) - 1] ?? numberLabel(id);
      if ('choices' in question) return question.choices.find((choice) => choice.id === id)?.label ?? numberLabel(id);
      return numberLabel(id);
    };
    if (counted.type === 'ranking') {
      return [
        {
          heading: question.text,
          unit: 'points',
          answered: counted.answered,
          rows: counted.ranking.map((choice) => ({ label: labelOf(choice.id), value: choice.borda })),
        },
      ];
    }
    const mean =
      'mean' in counted && counted.mean !== null
        ? { value: counted.mean, scale: question.type === 'rating' ? question.scale : 5 }
        : undefined;
    return [
      {
        heading: question.text,
        unit: 'people',
        answered: counted.answered,
        ...(mean ? { mean } : {}),
        rows: counted.counts.map((choice) => ({ label: labelOf(choice.id), value: choice.count })),
      },
    ];
  });
  return { kind: 'survey', id: survey.id, title: survey.title, participants: tally.responses, sections, ...base };
}

/** A ballot's tally as the kiosk shows it: initiatives by votes that count, most first. */
export function ballotResult(ballot: Ballot, tally: BallotTally, base: Base): PublishedResult {
  const rows = tally.initiatives.flatMap((counted) => {
    const initiative = ballot.initiatives.find((candidate) => candidate.id === counted.id);
    return initiative ? [{ label: initiative.title, value: counted.votes }] : [];
  });
  return {
    kind: 'ballot',
    id: ballot.id,
    title: ballot.title,
    participants: tally.votes,
    sections: [{ unit: 'votes', answered: tally.votes, rows }],
    ...base,
  };
}
