import { positionIn } from '../stepPosition.js';

/** The feedback flow's screens, in order: "step 3 of 5" is spoken from this. */
export const FEEDBACK_STEPS = ['feedbackKind', 'feedbackService', 'feedbackMessage', 'feedbackContact', 'feedbackReview'] as const;
export type FeedbackStep = (typeof FEEDBACK_STEPS)[number];

export const feedbackPosition = positionIn(FEEDBACK_STEPS);
