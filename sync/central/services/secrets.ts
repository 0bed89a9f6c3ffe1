import { createHash, randomBytes } from 'node:crypto';

/** Central stores only hashes of tokens and credentials, never the secrets. */
export const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');

export const newSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url');
