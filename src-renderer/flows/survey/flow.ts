import type { SavedSubmission } from '../../../src-main/api/contract.js';
import type { Answer } from '../../../sync/protocol/survey.js';
import { finishedAt, pushScreen, withDraft, type VoiceMessage } from '../../shells/kiosk/kioskState.js';
import { defineFlow } from '../kioskFlow.js';
import { visibleQuestions } from '../../../sync/protocol/surveyLogic.js';
import { withAnswer } from './surveyAnswers.js';

/** A survey being answered: one question per screen; `trail` is the questions before this one, for Back. */
export interface SurveyProgress {
  readonly surveyId: string | null;
  readonly answers: Readonly<Record<string, Answer>>;
  readonly index: number;
  readonly trail: readonly number[];
  /** Voice answers to free-text questions, by question id. */
  readonly recordings: Readonly<Record<string, VoiceMessage>>;
  /** How many questions the visitor was last told there are ("step 2 of 6"). */
  readonly announcedTotal: number;
  /** An answer since then (a skip rule) changed that number: the next question says so. */
  readonly totalChanged: boolean;
}

const NONE: SurveyProgress = { surveyId: null, answers: {}, index: 0, trail: [], recordings: {}, announcedTotal: 0, totalChanged: false };

declare module '../kioskFlow.js' {
  interface FlowDrafts {
    survey: SurveyProgress;
  }
  interface FlowScreens {
    survey: 'surveyList' | 'surveyQuestion' | 'surveyReview' | 'surveyThanks';
  }
  interface FlowActions {
    survey:
      | { readonly type: 'startSurvey'; readonly surveyId: string }
      | { readonly type: 'surveyAnswer'; readonly questionId: string; readonly answer: Answer | null }
      /** A voice answer to a free-text question recorded (or deleted); typed text beside it is kept. */
      | { readonly type: 'surveyRecording'; readonly questionId: string; readonly voiceMessage: VoiceMessage | null }
      /** To the question at `index` (forward), or to the review when `index` is past the last. */
      | { readonly type: 'surveyNext'; readonly index: number | 'review' }
      | { readonly type: 'surveySaved'; readonly saved: SavedSubmission };
  }
}

/** Surveys open here: a list, one question per screen with skip rules, a review, a thank-you. */
export const flow = defineFlow({
  id: 'survey',
  tile: { label: 'home.survey', order: 2 },
  screens: ['surveyList', 'surveyQuestion', 'surveyReview', 'surveyThanks'],
  emptyDraft: NONE,
  start: (dispatch) => dispatch({ type: 'go', screen: 'surveyList' }),
  reduce(state, action) {
    const survey = state.drafts.survey;
    // How many questions these answers ask, in the session's version of the survey.
    const totalFor = (surveyId: string | null, answers: SurveyProgress['answers']) => {
      const asked = state.session?.content.surveys.find((candidate) => candidate.id === surveyId);
      return asked ? visibleQuestions(asked, answers).length : 0;
    };
    switch (action.type) {
      case 'startSurvey':
        return pushScreen(
          withDraft(state, 'survey', { ...NONE, surveyId: action.surveyId, announcedTotal: totalFor(action.surveyId, {}) }),
          'surveyQuestion',
        );
      case 'surveyAnswer':
      case 'surveyRecording':
        return withDraft(state, 'survey', withAnswer(survey, action));
      case 'surveyNext': {
        if (action.index === 'review') return pushScreen(state, 'surveyReview');
        const total = totalFor(survey.surveyId, survey.answers);
        return withDraft(state, 'survey', {
          ...survey,
          index: action.index,
          trail: [...survey.trail, survey.index],
          announcedTotal: total,
          totalChanged: total !== survey.announcedTotal,
        });
      }
      case 'surveySaved':
        return finishedAt({ ...withDraft(state, 'survey', NONE), saved: action.saved, voiceMessage: state.voiceMessage }, 'surveyThanks');
      default:
        return undefined;
    }
  },
  // Inside a survey, Back goes to the previous question asked, not out of the survey.
  back(state) {
    const survey = state.drafts.survey;
    const previous = survey.trail.at(-1);
    if (state.screen !== 'surveyQuestion' || previous === undefined) return undefined;
    return withDraft(state, 'survey', { ...survey, index: previous, trail: survey.trail.slice(0, -1), totalChanged: false });
  },
  load: () => import('./SurveyFlow.js'),
});
