import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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
  const dir = join(dataDir, 'keys');
  const file = join(dir, 'voter-hmac.key');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(`${file}.tmp`, randomBytes(32).toString('base64'), { mode: 0o600 });
    renameSync(`${file}.tmp`, file);
  }
  chmodSync(file, 0o600);
  return voterKeyFrom(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64'));
}
