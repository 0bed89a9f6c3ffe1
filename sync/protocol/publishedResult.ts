import { z } from 'zod';
import { LocalizedText } from './localized.js';

/** One bar of a published result: a choice, an initiative or a ranked service, and its number. */
export const ResultRow = z.object({
  label: LocalizedText,
  value: z.number().nonnegative(),
});

/**
 * One question's result (a survey) or the votes (a ballot). `unit` says what
 * the numbers are: votes, people who chose it, or ranking points (Borda).
 * Ratings also carry their mean on their scale.
 */
export const ResultSection = z.object({
  heading: LocalizedText.optional(),
  unit: z.enum(['votes', 'people', 'points']),
  answered: z.number().int().nonnegative(),
  mean: z.object({ value: z.number(), scale: z.number().int().min(2).max(10) }).optional(),
  rows: z.array(ResultRow).max(40),
});
export type ResultSection = z.infer<typeof ResultSection>;

/**
 * Results staff published, as the kiosk shows them after a survey or ballot
 * closes ("you chose; this is what happens next"): a snapshot taken when staff
 * published, carried in the content pack so a kiosk shows it offline too.
 */
export const PublishedResult = z.object({
  kind: z.enum(['survey', 'ballot']),
  id: z.string().min(1).max(64),
  title: LocalizedText,
  publishedAt: z.iso.datetime(),
  /** Responses (a survey) or votes that count (a ballot). */
  participants: z.number().int().nonnegative(),
  /** What PSH will do now, in staff's words. */
  nextSteps: LocalizedText,
  sections: z.array(ResultSection).max(40),
});
export type PublishedResult = z.infer<typeof PublishedResult>;
