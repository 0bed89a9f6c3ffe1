import { z } from 'zod';

/**
 * Kiosks as witnesses of the public record (issue #15): after checking that
 * Central's latest checkpoint extends the last one it saw, a kiosk returns a
 * C2SP cosignature/v1 line on it, made with its device key.
 */
export const CosignRequest = z.object({
  /** The checkpoint's note body (origin, size, root, each line ending in a newline), as the kiosk verified it. */
  checkpoint: z.string().min(1).max(1024),
  /** The cosignature line: "— <witness name> <base64>". */
  cosignature: z.string().min(1).max(512),
});
export type CosignRequest = z.infer<typeof CosignRequest>;

export const CosignResponse = z.object({
  /** How many kiosks have cosigned this checkpoint, this one included. */
  witnesses: z.number().int().nonnegative(),
});
export type CosignResponse = z.infer<typeof CosignResponse>;

/** A kiosk's name as a cosigner of the log `origin`: schema-less and URL-like, as C2SP asks. */
export const witnessName = (origin: string, deviceId: string): string => `${origin}/witness/${deviceId}`;
