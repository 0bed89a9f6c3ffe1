import type { Answer } from '../../../sync/protocol/survey.js';
import type { VoiceMessage } from '../../shells/kiosk/kioskState.js';
import type { SurveyProgress } from './flow.js';

/** The typed text of a free-text answer, if any. */
const textOf = (answer: Answer | null | undefined): string | undefined => (answer && 'text' in answer ? answer.text : undefined);

type Change =
  | { readonly type: 'surveyAnswer'; readonly questionId: string; readonly answer: Answer | null }
  | { readonly type: 'surveyRecording'; readonly questionId: string; readonly voiceMessage: VoiceMessage | null };

/** The survey with one answer changed: a choice, a number or an order replaced; a free-text answer's text and voice kept together. */
export function withAnswer(survey: SurveyProgress, change: Change): SurveyProgress {
  const answers = { ...survey.answers };
  const recordings = { ...survey.recordings };
  const id = change.questionId;
  if (change.type === 'surveyAnswer' && change.answer !== null && !('text' in change.answer) && !('voice' in change.answer)) {
    answers[id] = change.answer; // a choice, a number or an order
    return { ...survey, answers, recordings };
  }
  // A free-text answer is typed text, a voice message, or both, kept together whichever changed.
  if (change.type === 'surveyRecording') {
    if (change.voiceMessage) recordings[id] = change.voiceMessage;
    else delete recordings[id];
  }
  const typed = textOf(change.type === 'surveyAnswer' ? change.answer : answers[id]);
  if (recordings[id]) answers[id] = typed !== undefined ? { voice: true, text: typed } : { voice: true };
  else if (typed !== undefined) answers[id] = { text: typed };
  else delete answers[id];
  return { ...survey, answers, recordings };
}
