import { z } from 'zod';

/** Every non-2xx answer from Central has this body; `field` names the offending input. */
export const ErrorBody = z.object({
  error: z.string(),
  message: z.string(),
  field: z.string().optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const HealthResponse = z.object({
  status: z.literal('ok'),
  protocolVersion: z.number().int(),
  time: z.iso.datetime(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;
