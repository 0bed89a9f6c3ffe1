import type { SavedSubmission } from '../../../src-main/api/contract.js';
import type { Answer } from '../../../sync/protocol/survey.js';
import { finishedAt, pushScreen, withDraft, type VoiceMessage } from '../../shells/kiosk/kioskState.js';
import { defineFlow } from '../kioskFlow.js';
import { withAnswer } from './surveyAnswers.js';

/** A survey being answered: one question per screen; `trail` is the questions before this one, for Back. */
export interface SurveyProgress {
  readonly surveyId: string | null;
  readonly answers: Readonly<Record<string, Answer>>;
  readonly index: number;
  readonly trail: readonly number[];
  /** Voice answers to free-text questions, by question id. */
  readonly recordings: Readonly<Record<string, VoiceMessage>>;
}

const NONE: SurveyProgress = { surveyId: null, answers: {}, index: 0, trail: [], recordings: {} };

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
    switch (action.type) {
      case 'startSurvey':
        return pushScreen(withDraft(state, 'survey', { ...NONE, surveyId: action.surveyId }), 'surveyQuestion');
      case 'surveyAnswer':
      case 'surveyRecording':
        return withDraft(state, 'survey', withAnswer(survey, action));
      case 'surveyNext':
        return action.index === 'review'
          ? pushScreen(state, 'surveyReview')
          : withDraft(state, 'survey', { ...survey, index: action.index, trail: [...survey.trail, survey.index] });
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
    return withDraft(state, 'survey', { ...survey, index: previous, trail: survey.trail.slice(0, -1) });
  },
  load: () => import('./SurveyFlow.js'),
});
