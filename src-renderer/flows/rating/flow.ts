import type { SavedSubmission } from '../../../src-main/api/contract.js';
import { finishedAt, withDraft } from '../../shells/kiosk/kioskState.js';
import { defineFlow } from '../kioskFlow.js';
import { RATING_STEPS } from './ratingSteps.js';

/** A rating being given: the smiley and the typed comment (a recorded one is the state's `voiceMessage`). */
export interface RatingDraft {
  readonly score: number | null;
  readonly comment: string;
}

const EMPTY: RatingDraft = { score: null, comment: '' };

declare module '../kioskFlow.js' {
  interface FlowDrafts {
    rating: RatingDraft;
  }
  interface FlowScreens {
    rating: (typeof RATING_STEPS)[number] | 'thanks';
  }
  interface FlowActions {
    rating:
      { readonly type: 'rating'; readonly patch: Partial<RatingDraft> } | { readonly type: 'ratingSaved'; readonly saved: SavedSubmission };
  }
}

/** Rate the service of this desk: smiley -> comment (typed, recorded or none) -> review -> thank-you. */
export const flow = defineFlow({
  id: 'rating',
  tile: { label: 'home.rate', order: 1 },
  screens: [...RATING_STEPS, 'thanks'],
  emptyDraft: EMPTY,
  start: (dispatch) => dispatch({ type: 'go', screen: 'rating' }),
  reduce(state, action) {
    switch (action.type) {
      case 'rating':
        return withDraft(state, 'rating', { ...state.drafts.rating, ...action.patch });
      case 'ratingSaved':
        // Once saved, Back must not lead into the finished flow again.
        return finishedAt({ ...withDraft(state, 'rating', EMPTY), saved: action.saved }, 'thanks');
      default:
        return undefined;
    }
  },
  load: () => import('./RatingFlow.js'),
});
