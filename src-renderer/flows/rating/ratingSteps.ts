/** The rating flow's screens, in order: "step 2 of 3" is spoken from this. */
export const RATING_STEPS = ['rating', 'comment', 'review'] as const;
