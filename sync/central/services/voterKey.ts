import { createHmac, randomBytes } from 'node:crypto';
import { keyFile } from './keyFile.js';

/**
 * The secret of voter keys: voter key = HMAC-SHA256(secret, ballot id + personal
 * number). One person has one key per ballot (so a second vote is recognised)
 * and unlinkable keys across ballots; without the secret (kept in Central's
 * keys folder, 0600, not in the db) no key can be tied back to a number.
 */
export type VoterKeyOf = (ballotId: string, personalNumber: string) => string;

export function voterKeyFrom(secret: Buffer): VoterKeyOf {
  return (ballotId, personalNumber) => createHmac('sha256', secret).update(`${ballotId}\n${personalNumber}`).digest('hex');
}

export function loadVoterKey(dataDir: string): VoterKeyOf {
  const secret = keyFile(dataDir, 'voter-hmac.key', () => randomBytes(32).toString('base64'));
  return voterKeyFrom(Buffer.from(secret.toString('utf8').trim(), 'base64'));
}
