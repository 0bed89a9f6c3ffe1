/** The proposal flow's screens, in order: "step 2 of 3" is spoken from this. */
export const PROPOSE_STEPS = ['proposeTitle', 'proposeDescription', 'proposeReview'] as const;
export const proposePosition = (step: (typeof PROPOSE_STEPS)[number]) => ({
  current: PROPOSE_STEPS.indexOf(step) + 1,
  total: PROPOSE_STEPS.length,
});
