import { positionIn } from '../stepPosition.js';

/** The proposal flow's screens, in order: "step 2 of 3" is spoken from this. */
export const PROPOSE_STEPS = ['proposeTitle', 'proposeDescription', 'proposeContact', 'proposeReview'] as const;
export const proposePosition = positionIn(PROPOSE_STEPS);
