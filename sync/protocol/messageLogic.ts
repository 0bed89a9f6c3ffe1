/**
 * The field rules of the two message-like submissions, feedback and
 * proposals: run by the kiosk core before it queues one and by Central when
 * it arrives (and by the web channel next), each side wording the problem for
 * its own reader. Contact details have their own rule (contact.ts).
 */

/** What a visitor typed, trimmed; nothing when it was only spaces. */
export function typedText(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
}

/** Feedback says something: a typed message, a voice message, or both. */
export function feedbackProblem(feedback: { readonly message?: string | undefined; readonly hasVoice: boolean }): 'no-message' | undefined {
  return typedText(feedback.message) === undefined && !feedback.hasVoice ? 'no-message' : undefined;
}

/** A proposal has a title (its description may be typed, recorded, or left out). */
export function proposalProblem(proposal: { readonly title: string }): 'no-title' | undefined {
  return typedText(proposal.title) === undefined ? 'no-title' : undefined;
}

/** The attachment name of a rating's, feedback's or proposal's voice message (a survey's voice answers have their own, surveyLogic.ts). */
export const VOICE_MESSAGE_FILE = 'voice-message.wav';
