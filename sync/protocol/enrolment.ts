import { z } from 'zod';

export const EnrolRequest = z.object({
  token: z.string().min(16).max(128),
  kioskId: z.string().min(1).max(64),
});
export type EnrolRequest = z.infer<typeof EnrolRequest>;

export const EnrolResponse = z.object({
  deviceId: z.uuid(),
  /** A bearer secret for this device; Central keeps only its sha256. Request signing replaces it later. */
  credential: z.string().min(32),
  branchId: z.string(),
  maxBatchItems: z.number().int().positive(),
});
export type EnrolResponse = z.infer<typeof EnrolResponse>;
