import { hash } from 'node:crypto';
import { canonicalJson } from '../../../sync/protocol/canonicalJson.js';

/** sha256 of the canonical JSON of a payload: Central recomputes it to detect tampering or conflicts. */
export function payloadSha256(payload: unknown): string {
  return sha256OfCanonical(canonicalJson(payload));
}

/** The same hash of a payload already in canonical JSON. */
export const sha256OfCanonical = (payloadJson: string): string => hash('sha256', payloadJson, 'hex');
