import { z } from 'zod';

export const EnrolRequest = z.object({
  token: z.string().min(16).max(128),
  kioskId: z.string().min(1).max(64),
  /**
   * The branch the kiosk's config names. Sent by a technician's re-enrolment, where a token from another
   * branch's batch is a real mistake; Central refuses it (`wrong-branch`) without using the token.
   */
  branchId: z.string().min(1).max(64).optional(),
  /** The kiosk's Ed25519 public key, SPKI PEM; the private key never leaves the kiosk. */
  publicKey: z
    .string()
    .max(1024)
    .regex(/^-----BEGIN PUBLIC KEY-----\n[A-Za-z0-9+/=\n]+-----END PUBLIC KEY-----\n?$/, 'an SPKI PEM public key'),
});
export type EnrolRequest = z.infer<typeof EnrolRequest>;

export const EnrolResponse = z.object({
  deviceId: z.uuid(),
  branchId: z.string(),
  maxBatchItems: z.number().int().positive(),
  /** Central's X25519 public key (SPKI PEM): the kiosk seals contact details to it. */
  sealingKey: z.string().max(1024),
});
export type EnrolResponse = z.infer<typeof EnrolResponse>;

/** Why Central refuses an enrolment token (403, `error`); `bad-public-key` is a 400. */
export const ENROL_REFUSALS = ['unknown-token', 'token-used', 'token-expired', 'wrong-branch'] as const;
export type EnrolTokenRefusal = (typeof ENROL_REFUSALS)[number];
