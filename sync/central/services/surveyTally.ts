import type { Kysely } from 'kysely';
import type { Answer, Question, Survey } from '../../protocol/survey.js';
import type { CentralDatabase } from '../db/schema.js';
import { channelDevices, countByChannel, type ChannelCounts } from './channels.js';
import { surveyResponses } from './surveyResponses.js';

export interface ChoiceCount {
  readonly id: string;
  readonly count: number;
}

export interface RankedChoice {
  readonly id: string;
  /** Mean position, 1 = first; lower is more wanted. */
  readonly meanRank: number;
  /** Borda count: n-1 points for first place down to 0 for last, summed over responses. */
  readonly borda: number;
}

export type QuestionTally =
  | {
      readonly questionId: string;
      readonly type: 'single' | 'yesno' | 'multiple';
      readonly answered: number;
      readonly counts: readonly ChoiceCount[];
    }
  | {
      readonly questionId: string;
      readonly type: 'rating' | 'smiley';
      readonly answered: number;
      readonly counts: readonly ChoiceCount[];
      readonly mean: number | null;
    }
  | { readonly questionId: string; readonly type: 'text'; readonly answered: number }
  | { readonly questionId: string; readonly type: 'ranking'; readonly answered: number; readonly ranking: readonly RankedChoice[] };

export interface SurveyTally {
  readonly surveyId: string;
  readonly responses: number;
  readonly questions: readonly QuestionTally[];
  /** Responses by the channel they came through (Central's tallies; a tally of given answers alone has none). */
  readonly byChannel?: ChannelCounts;
}

const round = (value: number) => Number(value.toFixed(3));

function tallyQuestion(question: Question, answers: ReadonlyArray<Answer | undefined>): QuestionTally {
  const given = answers.filter((answer): answer is Answer => answer !== undefined);
  const countOf = (ids: readonly string[], pick: (answer: Answer) => readonly string[]) =>
    ids.map((id) => ({ id, count: given.filter((answer) => pick(answer).includes(id)).length }));
  switch (question.type) {
    case 'single':
    case 'yesno':
    case 'multiple': {
      const ids = question.type === 'yesno' ? ['yes', 'no'] : question.choices.map((choice) => choice.id);
      const picked = (answer: Answer) => ('choice' in answer ? [answer.choice] : 'choices' in answer ? answer.choices : []);
      return { questionId: question.id, type: question.type, answered: given.length, counts: countOf(ids, picked) };
    }
    case 'rating':
    case 'smiley': {
      const top = question.type === 'rating' ? question.scale : 5;
      const values = given.flatMap((answer) => ('value' in answer ? [answer.value] : []));
      const ids = Array.from({ length: top }, (_, i) => String(i + 1));
      return {
        questionId: question.id,
        type: question.type,
        answered: values.length,
        counts: ids.map((id) => ({ id, count: values.filter((value) => String(value) === id).length })),
        mean: values.length === 0 ? null : round(values.reduce((sum, value) => sum + value, 0) / values.length),
      };
    }
    case 'text':
      return { questionId: question.id, type: 'text', answered: given.length };
    case 'ranking': {
      const orders = given.flatMap((answer) => ('order' in answer ? [answer.order] : []));
      const n = question.choices.length;
      const ranking = question.choices
        .map((choice) => {
          const positions = orders.map((order) => order.indexOf(choice.id)).filter((position) => position >= 0);
          return {
            id: choice.id,
            meanRank: positions.length === 0 ? 0 : round(positions.reduce((sum, position) => sum + position + 1, 0) / positions.length),
            borda: positions.reduce((sum, position) => sum + (n - 1 - position), 0),
          };
        })
        .sort((a, b) => b.borda - a.borda || a.meanRank - b.meanRank);
      return { questionId: question.id, type: 'ranking', answered: orders.length, ranking };
    }
  }
}

/** Distributions per question, ranking as mean rank and Borda count, from a list of responses. */
export function tallySurvey(survey: Survey, responses: ReadonlyArray<Readonly<Record<string, Answer>>>): SurveyTally {
  return {
    surveyId: survey.id,
    responses: responses.length,
    questions: survey.questions.map((question) =>
      tallyQuestion(
        question,
        responses.map((answers) => answers[question.id]),
      ),
    ),
  };
}

/** The tally of every response Central accepted for a survey (all content versions). */
export async function surveyTally(db: Kysely<CentralDatabase>, survey: Survey): Promise<SurveyTally> {
  const responses = await surveyResponses(db, survey.id);
  return {
    ...tallySurvey(
      survey,
      responses.map((response) => response.answers),
    ),
    byChannel: countByChannel(
      responses.map((response) => response.deviceId),
      await channelDevices(db),
    ),
  };
}
