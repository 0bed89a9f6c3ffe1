import type { FeedbackLookup } from '../../../src-main/api/contract.js';
import { pushScreen, withDraft } from '../../shells/kiosk/kioskState.js';
import { defineFlow } from '../kioskFlow.js';

/** The tracking code typed on the check screen, and what the kiosk learnt about it. */
export interface TrackDraft {
  readonly code: string;
  readonly result: FeedbackLookup | null;
}

const EMPTY: TrackDraft = { code: '', result: null };

declare module '../kioskFlow.js' {
  interface FlowDrafts {
    track: TrackDraft;
  }
  interface FlowScreens {
    track: 'track' | 'trackResult';
  }
  interface FlowActions {
    track:
      | { readonly type: 'startTrack' }
      | { readonly type: 'trackCode'; readonly code: string }
      | { readonly type: 'trackResult'; readonly result: FeedbackLookup | null };
  }
}

/** Check a feedback or proposal by its tracking code. */
export const flow = defineFlow({
  id: 'track',
  tile: { label: 'home.track', order: 6 },
  screens: ['track', 'trackResult'],
  emptyDraft: EMPTY,
  start: (dispatch) => dispatch({ type: 'startTrack' }),
  reduce(state, action) {
    switch (action.type) {
      case 'startTrack':
        return pushScreen(withDraft(state, 'track', EMPTY), 'track');
      case 'trackCode':
        return withDraft(state, 'track', { code: action.code, result: null });
      case 'trackResult': {
        const next = withDraft(state, 'track', { ...state.drafts.track, result: action.result });
        if (action.result?.state !== 'found') return { ...next, error: state.error };
        return state.screen === 'trackResult' ? next : pushScreen(next, 'trackResult');
      }
      default:
        return undefined;
    }
  },
  load: () => import('./TrackFlow.js'),
});
