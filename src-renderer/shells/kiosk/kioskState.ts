import type { SavedFeedback, SavedSubmission, StartedSession } from '../../../src-main/api/contract.js';
import type { Language } from '../../../sync/protocol/languages.js';
import type { FlowAction, FlowDrafts, FlowScreen } from '../../flows/kioskFlow.js';

/** The shell's own screens; every other screen belongs to a flow (flows/<flow>/flow.ts). */
export type ShellScreen = 'welcome' | 'language' | 'home';
export type Screen = ShellScreen | FlowScreen;

export type KioskErrorKey =
  | 'chooseFirst'
  | 'saveFailed'
  | 'messageRequired'
  | 'invalidPhone'
  | 'invalidEmail'
  | 'notifyNeedsContact'
  | 'notifyNeedsMobile'
  | 'tooFew'
  | 'tooMany'
  | 'invalidNumber'
  | 'alreadyVoted'
  | 'titleRequired';

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
  /** Each flow's draft, by flow id: nothing leaves the screen until the visitor sends it. */
  readonly drafts: FlowDrafts;
  /** What was just sent, for a thank-you screen (a tracking code's flows: savedFeedback). */
  readonly saved: SavedSubmission | null;
  readonly savedFeedback: SavedFeedback | null;
  readonly error: KioskErrorKey | null;
  readonly helpOpen: boolean;
  readonly modes: Modes;
  /** The voice message of the flow on screen (rating, feedback, proposal); cleared when a flow starts or sends. */
  readonly voiceMessage: VoiceMessage | null;
}

export type ShellAction =
  | { readonly type: 'go'; readonly screen: Screen }
  | { readonly type: 'back' }
  | { readonly type: 'reset'; readonly language: Language }
  | { readonly type: 'sessionStarted'; readonly session: StartedSession; readonly language: Language }
  | { readonly type: 'languageChanged'; readonly language: Language }
  | { readonly type: 'error'; readonly error: KioskState['error'] }
  | { readonly type: 'help'; readonly open: boolean }
  | { readonly type: 'mode'; readonly mode: keyof Modes; readonly on: boolean }
  | { readonly type: 'voiceMessage'; readonly voiceMessage: VoiceMessage | null };

export type KioskAction = ShellAction | FlowAction;

export const initialKioskState = (language: Language, drafts: FlowDrafts): KioskState => ({
  screen: 'welcome',
  history: [],
  language,
  session: null,
  drafts,
  saved: null,
  savedFeedback: null,
  error: null,
  helpOpen: false,
  modes: { audio: false, largeText: false, highContrast: false },
  voiceMessage: null,
});

/** One flow's draft replaced. */
export const withDraft = <Id extends keyof FlowDrafts>(state: KioskState, id: Id, draft: FlowDrafts[Id]): KioskState => ({
  ...state,
  drafts: { ...state.drafts, [id]: draft },
  error: null,
});

/** To `screen`, with the current one kept for Back. */
export const pushScreen = (state: KioskState, screen: Screen): KioskState => ({
  ...state,
  screen,
  history: [...state.history, state.screen],
  error: null,
  helpOpen: false,
});

/** After a send: to the thank-you screen, from which Back goes home, never into the finished flow again. */
export const finishedAt = (state: KioskState, screen: Screen): KioskState => ({
  ...state,
  screen,
  history: ['home'],
  voiceMessage: null,
  error: null,
});
