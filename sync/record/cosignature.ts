import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { checkName, keyId, parseNote, rawPublicKey } from './note.js';

/**
 * C2SP tlog-cosignature (https://c2sp.org/tlog-cosignature), Ed25519
 * `cosignature/v1`: a witness's statement that, at `time`, the checkpoint is
 * the largest consistent tree it has seen of the log. The signed message is
 * "cosignature/v1\ntime <seconds>\n" and the note's whole body; the signature
 * line is "— <name> base64(key id || u64 timestamp || signature)", the key id
 * computed with signature type 0x04, so it never collides with a note key.
 */
const COSIGNATURE_V1 = 0x04;

const message = (body: string, timestamp: number): Buffer => Buffer.from(`cosignature/v1\ntime ${String(timestamp)}\n${body}`, 'utf8');

/** The cosignature line of `name` on a checkpoint's note body, made at `timestamp` (whole seconds since the epoch). */
export function cosign(body: string, name: string, privateKey: KeyObject, timestamp = Math.floor(Date.now() / 1000)): string {
  checkName(name);
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) throw new Error('cosignature: the timestamp is whole seconds since the epoch');
  const raw = rawPublicKey(createPublicKey(privateKey));
  const head = Buffer.alloc(12);
  head.writeUInt32BE(keyId(name, raw, COSIGNATURE_V1), 0);
  head.writeBigUInt64BE(BigInt(timestamp), 4);
  return `— ${name} ${Buffer.concat([head, sign(null, message(body, timestamp), privateKey)]).toString('base64')}`;
}

/**
 * Checks a cosignature line against a checkpoint's body and the cosigner's
 * name and public key: the time it states when it holds, undefined otherwise
 * (another cosigner's line, a wrong key id, a bad signature).
 */
export function openCosignature(
  body: string,
  line: string,
  name: string,
  publicKey: KeyObject,
): { readonly timestamp: number } | undefined {
  let signature;
  try {
    [signature] = parseNote(`x\n\n${line}\n`).signatures;
  } catch {
    return undefined;
  }
  if (!signature || signature.name !== name || signature.keyId !== keyId(name, rawPublicKey(publicKey), COSIGNATURE_V1)) return undefined;
  if (signature.signature.length !== 8 + 64) return undefined;
  const timestamp = signature.signature.readBigUInt64BE(0);
  if (timestamp > BigInt(Number.MAX_SAFE_INTEGER)) return undefined;
  return verify(null, message(body, Number(timestamp)), publicKey, signature.signature.subarray(8))
    ? { timestamp: Number(timestamp) }
    : undefined;
}
