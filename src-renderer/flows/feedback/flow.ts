import type { SavedFeedback } from '../../../src-main/api/contract.js';
import type { FeedbackKindName } from '../../../sync/protocol/feedbackKinds.js';
import { finishedAt, pushScreen, withDraft } from '../../shells/kiosk/kioskState.js';
import { defineFlow } from '../kioskFlow.js';
import { FEEDBACK_STEPS } from './feedbackSteps.js';

/** Feedback being written: nothing leaves the screen until the visitor sends it from the review. */
export interface FeedbackDraft {
  readonly kind: FeedbackKindName | null;
  readonly serviceId: string | null;
  readonly message: string;
  readonly contact: string;
  readonly consent: boolean;
  /** Told by SMS or e-mail when it is received and answered; never preselected. */
  readonly notify: boolean;
}

const EMPTY: FeedbackDraft = { kind: null, serviceId: null, message: '', contact: '', consent: false, notify: false };

declare module '../kioskFlow.js' {
  interface FlowDrafts {
    feedback: FeedbackDraft;
  }
  interface FlowScreens {
    feedback: (typeof FEEDBACK_STEPS)[number] | 'feedbackThanks';
  }
  interface FlowActions {
    feedback:
      | { readonly type: 'startFeedback'; readonly serviceId: string | null }
      | { readonly type: 'feedback'; readonly patch: Partial<FeedbackDraft> }
      | { readonly type: 'feedbackSaved'; readonly saved: SavedFeedback };
  }
}

/** Feedback: kind -> service -> message (typed or recorded) -> contact (optional) -> review -> tracking code. */
export const flow = defineFlow({
  id: 'feedback',
  tile: { label: 'home.feedback', order: 5 },
  screens: [...FEEDBACK_STEPS, 'feedbackThanks'],
  emptyDraft: EMPTY,
  start: (dispatch, info) => dispatch({ type: 'startFeedback', serviceId: info.serviceIds[0] ?? null }),
  reduce(state, action) {
    switch (action.type) {
      case 'startFeedback':
        // A fresh draft, the desk's service preset; a voice message left from another flow does not carry over.
        return pushScreen(
          { ...withDraft(state, 'feedback', { ...EMPTY, serviceId: action.serviceId }), voiceMessage: null },
          'feedbackKind',
        );
      case 'feedback':
        return withDraft(state, 'feedback', { ...state.drafts.feedback, ...action.patch });
      case 'feedbackSaved':
        // The contact leaves the screen's memory with the send.
        return finishedAt({ ...withDraft(state, 'feedback', EMPTY), savedFeedback: action.saved }, 'feedbackThanks');
      default:
        return undefined;
    }
  },
  load: () => import('./FeedbackFlow.js'),
});
