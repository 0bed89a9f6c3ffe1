import type { SavedSubmission } from '../../../src-main/api/contract.js';
import { finishedAt, pushScreen, withDraft } from '../../shells/kiosk/kioskState.js';
import { defineFlow } from '../kioskFlow.js';

/** A vote being made; the personal number lives only here until the vote is sent, then is forgotten. */
export interface VoteDraft {
  readonly ballotId: string | null;
  readonly choices: readonly string[];
  readonly personalNumber: string;
}

const NONE: VoteDraft = { ballotId: null, choices: [], personalNumber: '' };

declare module '../kioskFlow.js' {
  interface FlowDrafts {
    vote: VoteDraft;
  }
  interface FlowScreens {
    vote: 'ballotList' | 'ballot' | 'personalNumber' | 'ballotReview' | 'ballotThanks';
  }
  interface FlowActions {
    vote:
      | { readonly type: 'startVote'; readonly ballotId: string }
      | { readonly type: 'vote'; readonly patch: Partial<VoteDraft> }
      | { readonly type: 'voteSaved'; readonly saved: SavedSubmission };
  }
}

/** Votes on open ballots: a list, the ballot, the personal number (verified ballots), a review, a thank-you. */
export const flow = defineFlow({
  id: 'vote',
  tile: { label: 'home.vote', order: 3 },
  screens: ['ballotList', 'ballot', 'personalNumber', 'ballotReview', 'ballotThanks'],
  emptyDraft: NONE,
  start: (dispatch) => dispatch({ type: 'go', screen: 'ballotList' }),
  reduce(state, action) {
    switch (action.type) {
      case 'startVote':
        return pushScreen(withDraft(state, 'vote', { ...NONE, ballotId: action.ballotId }), 'ballot');
      case 'vote':
        return withDraft(state, 'vote', { ...state.drafts.vote, ...action.patch });
      case 'voteSaved':
        // The personal number leaves the screen's memory with the send; the choices stay, to share them.
        return finishedAt(
          {
            ...withDraft(state, 'vote', { ...state.drafts.vote, personalNumber: '' }),
            saved: action.saved,
            voiceMessage: state.voiceMessage,
          },
          'ballotThanks',
        );
      default:
        return undefined;
    }
  },
  load: () => import('./VoteFlow.js'),
});
