import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../sync/protocol/canonicalJson.js';

/** sha256 of the canonical JSON of a payload: Central recomputes it to detect tampering or conflicts. */
export function payloadSha256(payload: unknown): string {
  return createHash('sha256').update(canonicalJson(payload)).digest('hex');
}
