import { z } from 'zod';
import { LocalizedText } from './localized.js';
import { OFFERED_WHERE } from './offeredWhere.js';

const ContentId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lowercase letters, digits and dashes');

export const Initiative = z.object({
  id: ContentId,
  title: LocalizedText,
  description: LocalizedText,
  /** Where it came from: citizens' feedback, a study, or a citizen's proposal. */
  origin: z.enum(['feedback', 'study', 'proposal']),
});
export type Initiative = z.infer<typeof Initiative>;

export const VOTE_POLICIES = ['session', 'verified'] as const;

export const Ballot = z.object({
  id: ContentId,
  title: LocalizedText,
  description: LocalizedText.optional(),
  /**
   * session: anonymous, one ballot per kiosk session (Central flags bursts from one kiosk).
   * verified: one vote per person across all kiosks and channels, by personal number (sealed on the kiosk).
   */
  policy: z.enum(VOTE_POLICIES),
  maxChoices: z.number().int().min(1).max(10).default(1),
  initiatives: z.array(Initiative).min(2).max(30),
  opensAt: z.iso.datetime(),
  closesAt: z.iso.datetime(),
  ...OFFERED_WHERE,
});
export type Ballot = z.infer<typeof Ballot>;

/** A Georgian personal number: 11 digits. Checked on the kiosk, then sealed to Central at once. */
export const PERSONAL_NUMBER = /^\d{11}$/;
