import { z } from 'zod';
import { LocalizedText } from './localized.js';
import { Survey } from './survey.js';
import { Ballot } from './ballot.js';
import { PublishedResult } from './publishedResult.js';

export const Service = z.object({
  id: z.string().min(1).max(64),
  name: LocalizedText,
});
export type Service = z.infer<typeof Service>;

/** The texts of the "rate the service you received" flow. */
export const RatingContent = z.object({
  question: LocalizedText,
  /** Exactly five labels, from "very bad" (1) to "very good" (5). */
  labels: z.tuple([LocalizedText, LocalizedText, LocalizedText, LocalizedText, LocalizedText]),
  commentPrompt: LocalizedText,
});
export type RatingContent = z.infer<typeof RatingContent>;

/** Everything staff publish for kiosks, in one versioned pack. */
export const ContentPack = z.object({
  version: z.number().int().nonnegative(),
  publishedAt: z.iso.datetime(),
  services: z.array(Service).min(1),
  rating: RatingContent,
  /** Surveys (open or closed); the kiosk shows those open for its branch now. */
  surveys: z.array(Survey).default([]),
  /** Ballots of initiatives; the kiosk shows those open for its branch now. */
  ballots: z.array(Ballot).default([]),
  /** Results staff published; the kiosk shows those of surveys and ballots that have closed. */
  results: z.array(PublishedResult).default([]),
});
export type ContentPack = z.infer<typeof ContentPack>;
