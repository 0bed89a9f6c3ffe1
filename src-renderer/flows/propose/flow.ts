import type { SavedFeedback } from '../../../src-main/api/contract.js';
import { finishedAt, pushScreen, withDraft } from '../../shells/kiosk/kioskState.js';
import { defineFlow } from '../kioskFlow.js';
import { PROPOSE_STEPS } from './proposeSteps.js';

/** A proposal being written (its voice message, if any, is the state's `voiceMessage`). */
export interface ProposalDraft {
  readonly title: string;
  readonly description: string;
  /** Where to tell the decision (a mobile number or an e-mail), only when `notify` is chosen; never preselected. */
  readonly contact: string;
  readonly notify: boolean;
}

const EMPTY: ProposalDraft = { title: '', description: '', contact: '', notify: false };

declare module '../kioskFlow.js' {
  interface FlowDrafts {
    propose: ProposalDraft;
  }
  interface FlowScreens {
    propose: (typeof PROPOSE_STEPS)[number] | 'proposeThanks';
  }
  interface FlowActions {
    propose:
      | { readonly type: 'startProposal' }
      | { readonly type: 'proposal'; readonly patch: Partial<ProposalDraft> }
      | { readonly type: 'proposalSaved'; readonly saved: SavedFeedback };
  }
}

/** A proposal of a new service: title -> description (typed or recorded) -> "tell me the decision" (optional) -> review -> tracking code. */
export const flow = defineFlow({
  id: 'propose',
  tile: { label: 'home.propose', order: 4 },
  screens: [...PROPOSE_STEPS, 'proposeThanks'],
  emptyDraft: EMPTY,
  start: (dispatch) => dispatch({ type: 'startProposal' }),
  reduce(state, action) {
    switch (action.type) {
      case 'startProposal':
        return pushScreen({ ...withDraft(state, 'propose', EMPTY), voiceMessage: null }, 'proposeTitle');
      case 'proposal':
        return withDraft(state, 'propose', { ...state.drafts.propose, ...action.patch });
      case 'proposalSaved':
        // A proposal's code is shown like a feedback's (savedFeedback holds the code and its page).
        return finishedAt({ ...withDraft(state, 'propose', EMPTY), savedFeedback: action.saved }, 'proposeThanks');
      default:
        return undefined;
    }
  },
  load: () => import('./ProposeFlow.js'),
});
