import type { Answer } from '../../../sync/protocol/survey.js';
import { missingCase } from '../../../sync/protocol/missingCase.js';
import { EMPTY_FEEDBACK, initialKioskState, NO_RESULT, NO_SURVEY, NO_VOTE, type KioskAction, type KioskState } from './kioskState.js';

/** The typed text of a free-text answer, if any. */
const textOf = (answer: Answer | null | undefined): string | undefined => (answer && 'text' in answer ? answer.text : undefined);

/** Pure screen logic of the kiosk shell; side effects (API calls) live in the shell. */
export function kioskReducer(state: KioskState, action: KioskAction): KioskState {
  switch (action.type) {
    case 'go':
      if (action.screen === state.screen) return state;
      return { ...state, screen: action.screen, history: [...state.history, state.screen], error: null, helpOpen: false };
    case 'back': {
      // Inside a survey, Back goes to the previous question asked, not out of the survey.
      const previousQuestion = state.survey.trail.at(-1);
      if (state.screen === 'surveyQuestion' && previousQuestion !== undefined) {
        return {
          ...state,
          survey: { ...state.survey, index: previousQuestion, trail: state.survey.trail.slice(0, -1) },
          error: null,
          helpOpen: false,
        };
      }
      // Inside a result, Back goes to its previous section first.
      if (state.screen === 'result' && state.result.page > 0)
        return { ...state, result: { ...state.result, page: state.result.page - 1 }, helpOpen: false };
      const previous = state.history.at(-1);
      if (!previous) return state;
      return { ...state, screen: previous, history: state.history.slice(0, -1), error: null, helpOpen: false };
    }
    case 'reset':
      return initialKioskState(action.language);
    case 'sessionStarted':
      // A new visitor starts at home; Back from there goes nowhere older than this session.
      return { ...state, session: action.session, language: action.language, screen: 'home', history: [], error: null };
    case 'languageChanged': {
      const previous = state.history.at(-1) ?? 'home';
      return { ...state, language: action.language, screen: previous, history: state.history.slice(0, -1) };
    }
    case 'score':
      return { ...state, score: action.score, error: null };
    case 'comment':
      return { ...state, comment: action.comment };
    case 'saved':
      // Once saved, Back must not lead into the finished flow again.
      return {
        ...state,
        saved: action.saved,
        screen: 'thanks',
        history: ['home'],
        score: null,
        comment: '',
        voiceMessage: null,
        error: null,
      };
    case 'error':
      return { ...state, error: action.error };
    case 'help':
      return { ...state, helpOpen: action.open };
    case 'mode':
      return { ...state, modes: { ...state.modes, [action.mode]: action.on } };
    case 'voiceMessage':
      return { ...state, voiceMessage: action.voiceMessage };
    case 'startFeedback':
      // A fresh draft, the desk's service preset; a voice message left from another flow does not carry over.
      return {
        ...state,
        feedback: { ...EMPTY_FEEDBACK, serviceId: action.serviceId },
        voiceMessage: null,
        screen: 'feedbackKind',
        history: [...state.history, state.screen],
        error: null,
      };
    case 'feedback':
      return { ...state, feedback: { ...state.feedback, ...action.patch }, error: null };
    case 'feedbackSaved':
      // The contact leaves the screen's memory with the send; Back from the code goes home, not into the sent flow.
      return {
        ...state,
        savedFeedback: action.saved,
        feedback: EMPTY_FEEDBACK,
        voiceMessage: null,
        screen: 'feedbackThanks',
        history: ['home'],
        error: null,
      };
    case 'trackCode':
      return { ...state, trackCode: action.code, trackResult: null, error: null };
    case 'trackResult':
      return action.result?.state === 'found'
        ? {
            ...state,
            trackResult: action.result,
            screen: 'trackResult',
            history: state.screen === 'trackResult' ? state.history : [...state.history, state.screen],
          }
        : { ...state, trackResult: action.result };
    case 'startSurvey':
      return {
        ...state,
        survey: { ...NO_SURVEY, surveyId: action.surveyId },
        screen: 'surveyQuestion',
        history: [...state.history, state.screen],
        error: null,
      };
    case 'surveyAnswer':
    case 'surveyRecording': {
      const answers = { ...state.survey.answers };
      const recordings = { ...state.survey.recordings };
      const id = action.questionId;
      if (action.type === 'surveyAnswer' && action.answer !== null && !('text' in action.answer) && !('voice' in action.answer)) {
        answers[id] = action.answer; // a choice, a number or an order
        return { ...state, survey: { ...state.survey, answers, recordings }, error: null };
      }
      // A free-text answer is typed text, a voice message, or both, kept together whichever changed.
      if (action.type === 'surveyRecording') {
        if (action.voiceMessage) recordings[id] = action.voiceMessage;
        else delete recordings[id];
      }
      const typed = textOf(action.type === 'surveyAnswer' ? action.answer : answers[id]);
      if (recordings[id]) answers[id] = typed !== undefined ? { voice: true, text: typed } : { voice: true };
      else if (typed !== undefined) answers[id] = { text: typed };
      else delete answers[id];
      return { ...state, survey: { ...state.survey, answers, recordings }, error: null };
    }
    case 'surveyNext':
      return action.index === 'review'
        ? { ...state, screen: 'surveyReview', history: [...state.history, state.screen], error: null }
        : { ...state, survey: { ...state.survey, index: action.index, trail: [...state.survey.trail, state.survey.index] }, error: null };
    case 'surveySaved':
      return { ...state, saved: action.saved, survey: NO_SURVEY, screen: 'surveyThanks', history: ['home'], error: null };
    case 'startVote':
      return {
        ...state,
        vote: { ...NO_VOTE, ballotId: action.ballotId },
        screen: 'ballot',
        history: [...state.history, state.screen],
        error: null,
      };
    case 'vote':
      return { ...state, vote: { ...state.vote, ...action.patch }, error: null };
    case 'voteSaved':
      // The personal number leaves the screen's memory with the send; the choices stay, to share them.
      return {
        ...state,
        saved: action.saved,
        vote: { ...state.vote, personalNumber: '' },
        screen: 'ballotThanks',
        history: ['home'],
        error: null,
      };
    case 'startProposal':
      return {
        ...state,
        proposal: { title: '', description: '' },
        voiceMessage: null,
        screen: 'proposeTitle',
        history: [...state.history, state.screen],
        error: null,
      };
    case 'proposal':
      return { ...state, proposal: { ...state.proposal, ...action.patch }, error: null };
    case 'proposalSaved':
      // A proposal's code is shown like a feedback's (savedFeedback holds the code and its page).
      return {
        ...state,
        savedFeedback: action.saved,
        proposal: { title: '', description: '' },
        voiceMessage: null,
        screen: 'proposeThanks',
        history: ['home'],
        error: null,
      };
    case 'openResult':
      return { ...state, result: { key: action.key, page: 0 }, screen: 'result', history: [...state.history, state.screen], error: null };
    case 'resultPage':
      return { ...state, result: { ...state.result, page: action.page } };
    case 'closeResult':
      return {
        ...state,
        result: NO_RESULT,
        screen: 'resultList',
        history: state.history.at(-1) === 'resultList' ? state.history.slice(0, -1) : state.history,
      };
    default:
      return missingCase(action);
  }
}
