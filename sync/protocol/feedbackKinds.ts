/**
 * Feedback constants without zod: the renderer imports these, and a schema
 * library in the kiosk page's bundle costs start-up time (see languages.ts).
 */
export const FEEDBACK_KINDS = ['complaint', 'suggestion', 'praise', 'question'] as const;
export type FeedbackKindName = (typeof FEEDBACK_KINDS)[number];
/** The longest feedback message; the kiosk counts down to it and says so. */
export const MAX_FEEDBACK_MESSAGE = 1000;
