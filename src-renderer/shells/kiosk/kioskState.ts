import type { FeedbackLookup, SavedFeedback, StartedSession } from '../../../src-main/api/contract.js';
import type { FeedbackKindName as FeedbackKind } from '../../../sync/protocol/feedbackKinds.js';
import type { Answer } from '../../../sync/protocol/survey.js';
import type { SavedSubmission } from '../../../src-main/api/contract.js';
import type { Language } from '../../../sync/protocol/languages.js';

export type Screen =
  | 'welcome'
  | 'language'
  | 'home'
  | 'rating'
  | 'comment'
  | 'review'
  | 'thanks'
  | 'feedbackKind'
  | 'feedbackService'
  | 'feedbackMessage'
  | 'feedbackContact'
  | 'feedbackReview'
  | 'feedbackThanks'
  | 'track'
  | 'trackResult'
  | 'surveyList'
  | 'surveyQuestion'
  | 'surveyReview'
  | 'surveyThanks'
  | 'ballotList'
  | 'ballot'
  | 'personalNumber'
  | 'ballotReview'
  | 'ballotThanks'
  | 'proposeTitle'
  | 'proposeDescription'
  | 'proposeReview'
  | 'proposeThanks'
  | 'resultList'
  | 'result';

/** A vote being made; the personal number lives only here until the vote is sent, then is forgotten. */
export interface VoteDraft {
  readonly ballotId: string | null;
  readonly choices: readonly string[];
  readonly personalNumber: string;
}

/** The published result being read: which one (`kind:id`) and which of its sections is on screen. */
export interface ResultReading {
  readonly key: string | null;
  readonly page: number;
}

export const NO_RESULT: ResultReading = { key: null, page: 0 };

export const NO_VOTE: VoteDraft = { ballotId: null, choices: [], personalNumber: '' };

/** A survey being answered: one question per screen; `trail` is the questions before this one, for Back. */
export interface SurveyProgress {
  readonly surveyId: string | null;
  readonly answers: Readonly<Record<string, Answer>>;
  readonly index: number;
  readonly trail: readonly number[];
  /** Voice answers to free-text questions, by question id. */
  readonly recordings: Readonly<Record<string, VoiceMessage>>;
}

export const NO_SURVEY: SurveyProgress = { surveyId: null, answers: {}, index: 0, trail: [], recordings: {} };

/** Feedback being written: nothing leaves the screen until the visitor sends it from the review. */
export interface FeedbackDraft {
  readonly kind: FeedbackKind | null;
  readonly serviceId: string | null;
  readonly message: string;
  readonly contact: string;
  readonly consent: boolean;
}

export const EMPTY_FEEDBACK: FeedbackDraft = { kind: null, serviceId: null, message: '', contact: '', consent: false };

export type KioskErrorKey =
  | 'chooseFirst'
  | 'saveFailed'
  | 'messageRequired'
  | 'invalidPhone'
  | 'invalidEmail'
  | 'tooFew'
  | 'tooMany'
  | 'invalidNumber'
  | 'alreadyVoted'
  | 'titleRequired';

/** A proposal being written (its voice message, if any, is `voiceMessage`). */
export interface ProposalDraft {
  readonly title: string;
  readonly description: string;
}

/** Display and speech modes the visitor switches on; all off again at the end of the session. */
export interface Modes {
  readonly audio: boolean;
  readonly largeText: boolean;
  readonly highContrast: boolean;
}

/** A finished voice message, waiting to be sent with the submission. */
export interface VoiceMessage {
  readonly recordingId: string;
  readonly durationMs: number;
  readonly audioPath: string;
}

/** Everything the kiosk UI remembers about the visitor in front of it. */
export interface KioskState {
  readonly screen: Screen;
  /** Screens to return to with Back, most recent last. */
  readonly history: readonly Screen[];
  readonly language: Language;
  readonly session: StartedSession | null;
  readonly score: number | null;
  readonly comment: string;
  readonly saved: SavedSubmission | null;
  readonly error: KioskErrorKey | null;
  readonly feedback: FeedbackDraft;
  readonly savedFeedback: SavedFeedback | null;
  /** The tracking code typed on the check screen, and what the kiosk learnt about it. */
  readonly trackCode: string;
  readonly trackResult: FeedbackLookup | null;
  readonly survey: SurveyProgress;
  readonly vote: VoteDraft;
  readonly proposal: ProposalDraft;
  readonly result: ResultReading;
  readonly helpOpen: boolean;
  readonly modes: Modes;
  readonly voiceMessage: VoiceMessage | null;
}

export type KioskAction =
  | { readonly type: 'go'; readonly screen: Screen }
  | { readonly type: 'back' }
  | { readonly type: 'reset'; readonly language: Language }
  | { readonly type: 'sessionStarted'; readonly session: StartedSession; readonly language: Language }
  | { readonly type: 'languageChanged'; readonly language: Language }
  | { readonly type: 'score'; readonly score: number }
  | { readonly type: 'comment'; readonly comment: string }
  | { readonly type: 'saved'; readonly saved: SavedSubmission }
  | { readonly type: 'error'; readonly error: KioskState['error'] }
  | { readonly type: 'help'; readonly open: boolean }
  | { readonly type: 'mode'; readonly mode: keyof Modes; readonly on: boolean }
  | { readonly type: 'voiceMessage'; readonly voiceMessage: VoiceMessage | null }
  | { readonly type: 'startFeedback'; readonly serviceId: string | null }
  | { readonly type: 'feedback'; readonly patch: Partial<FeedbackDraft> }
  | { readonly type: 'feedbackSaved'; readonly saved: SavedFeedback }
  | { readonly type: 'trackCode'; readonly code: string }
  | { readonly type: 'trackResult'; readonly result: FeedbackLookup | null }
  | { readonly type: 'startSurvey'; readonly surveyId: string }
  | { readonly type: 'surveyAnswer'; readonly questionId: string; readonly answer: Answer | null }
  /** A voice answer to a free-text question recorded (or deleted); typed text beside it is kept. */
  | { readonly type: 'surveyRecording'; readonly questionId: string; readonly voiceMessage: VoiceMessage | null }
  /** To the question at `index` (forward), or to the review when `index` is past the last. */
  | { readonly type: 'surveyNext'; readonly index: number | 'review' }
  | { readonly type: 'surveySaved'; readonly saved: SavedSubmission }
  | { readonly type: 'startVote'; readonly ballotId: string }
  | { readonly type: 'vote'; readonly patch: Partial<VoteDraft> }
  | { readonly type: 'voteSaved'; readonly saved: SavedSubmission }
  | { readonly type: 'startProposal' }
  | { readonly type: 'proposal'; readonly patch: Partial<ProposalDraft> }
  | { readonly type: 'proposalSaved'; readonly saved: SavedFeedback }
  | { readonly type: 'openResult'; readonly key: string }
  | { readonly type: 'resultPage'; readonly page: number }
  /** From a result back to the list of results, whatever page it was on. */
  | { readonly type: 'closeResult' };

export const initialKioskState = (language: Language): KioskState => ({
  screen: 'welcome',
  history: [],
  language,
  session: null,
  score: null,
  comment: '',
  saved: null,
  error: null,
  helpOpen: false,
  modes: { audio: false, largeText: false, highContrast: false },
  voiceMessage: null,
  feedback: EMPTY_FEEDBACK,
  savedFeedback: null,
  trackCode: '',
  trackResult: null,
  survey: NO_SURVEY,
  vote: NO_VOTE,
  proposal: { title: '', description: '' },
  result: NO_RESULT,
});
