import type { FeedbackStatus } from '../db/schema.js';

/**
 * Feedback's statuses and kinds in Georgian, as the public pages and the staff
 * console both name them (one vocabulary: a citizen and the responder read the
 * same word for the same state).
 */
export const FEEDBACK_STATUS_KA = {
  received: 'მიღებულია',
  'in-review': 'განხილვაშია',
  answered: 'პასუხი გაცემულია',
  closed: 'დახურულია',
  reopened: 'ხელახლა გახსნილია',
} satisfies Record<FeedbackStatus, string>;

export const FEEDBACK_KIND_KA: Record<string, string> = {
  complaint: 'საჩივარი',
  suggestion: 'შემოთავაზება',
  praise: 'მადლობა',
  question: 'კითხვა',
};
