/**
 * Request signing between kiosk and Central (RELIABILITY.md "Device identity").
 * The kiosk signs, with its Ed25519 private key, one line per field below;
 * Central rebuilds the same string and verifies it with the enrolled public key.
 */
export const SIGNATURE_HEADERS = {
  device: 'x-psh-device',
  timestamp: 'x-psh-timestamp',
  nonce: 'x-psh-nonce',
  signature: 'x-psh-signature',
} as const;

/** A signed request is accepted only within this distance from Central's clock. */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

/** Why Central refused to believe a request came from an enrolled kiosk (401 `error`). */
export type AuthRefusal =
  'missing-signature' | 'unknown-device' | 'revoked-device' | 'stale-timestamp' | 'replayed-nonce' | 'bad-signature';

export interface SignedFields {
  readonly method: string;
  /** Path and query exactly as sent, e.g. `/api/kiosk/submissions`. */
  readonly path: string;
  /** Lowercase hex sha256 of the exact body bytes (of the empty string when there is none). */
  readonly bodySha256: string;
  /** Milliseconds since the epoch, as a decimal string. */
  readonly timestamp: string;
  readonly nonce: string;
  readonly deviceId: string;
}

/**
 * Stands for the body hash on resumable upload requests: their chunks stream
 * through the tus client, and the whole file's sha256 is checked at the end.
 */
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

export function signingString(fields: SignedFields): string {
  return [
    'PSH-KIOSK-V1',
    fields.method.toUpperCase(),
    fields.path,
    fields.bodySha256,
    fields.timestamp,
    fields.nonce,
    fields.deviceId,
  ].join('\n');
}
