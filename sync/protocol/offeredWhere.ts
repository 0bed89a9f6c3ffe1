import { z } from 'zod';

/** The channels a survey or ballot may be offered on: the kiosks, and the web with the desks' phone pages. */
export const CHANNELS = ['kiosk', 'web'] as const;

/** Where a survey or a ballot is offered: the same two fields on both, so the kiosk and Central filter them alike. */
export const OFFERED_WHERE = {
  /** Branches that show it; empty means every branch. */
  branches: z.array(z.string().min(1)).default([]),
  channels: z
    .array(z.enum(CHANNELS))
    .min(1)
    .default([...CHANNELS]),
};
