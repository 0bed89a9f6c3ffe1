import type { StartedSession } from '../../../src-main/api/contract.js';
import type { SavedSubmission } from '../../../src-main/core/outbox/enqueue.js';
import type { Language } from '../../../sync/protocol/languages.js';

export type Screen = 'welcome' | 'language' | 'home' | 'rating' | 'comment' | 'thanks';

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
  readonly error: 'chooseFirst' | 'saveFailed' | null;
  readonly helpOpen: boolean;
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
  | { readonly type: 'help'; readonly open: boolean };

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
});
