import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/**
 * C2SP signed-note (https://c2sp.org/signed-note) with Ed25519 keys, the
 * format of golang.org/x/mod/sumdb/note: the text, a blank line, then one
 * line per signature, "— <key name> <base64(key id || signature)>". The key
 * id is the first 4 bytes of SHA-256(name || "\n" || 0x01 || public key), and
 * a verifier key is written "<name>+<hex key id>+<base64(0x01 || public key)>".
 */
const ED25519 = 0x01;
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const SIGNATURE_LINE = /^— (\S+) ([A-Za-z0-9+/]+={0,2})$/u;

export interface NoteSignature {
  readonly name: string;
  readonly keyId: number;
  /** The signature bytes after the key id (64 for Ed25519). */
  readonly signature: Buffer;
}

export interface Verifier {
  readonly name: string;
  readonly keyId: number;
  readonly publicKey: KeyObject;
}

/** A key name may not be empty or hold spaces or "+" (C2SP signed-note). */
export const checkName = (name: string) => {
  if (!name || /[\s+]/u.test(name)) throw new Error(`note: "${name}" is not a valid key name`);
};

export const rawPublicKey = (publicKey: KeyObject): Buffer => publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);

/** The key id of a name and key: `type` is the signature type (0x01 Ed25519 note signatures, 0x04 cosignature/v1). */
export function keyId(name: string, rawKey: Buffer, type = ED25519): number {
  return createHash('sha256')
    .update(`${name}\n`)
    .update(Buffer.from([type]))
    .update(rawKey)
    .digest()
    .readUInt32BE(0);
}

/** The verifier key string for an Ed25519 public key. */
export function verifierKey(name: string, publicKey: KeyObject): string {
  checkName(name);
  const raw = rawPublicKey(publicKey);
  return `${name}+${keyId(name, raw).toString(16).padStart(8, '0')}+${Buffer.concat([Buffer.from([ED25519]), raw]).toString('base64')}`;
}

/** Parses a verifier key string; throws when it is malformed or its key id does not match its key. */
export function parseVerifierKey(text: string): Verifier {
  // Split at the first two "+" only: base64 has "+" of its own.
  const [, name = '', idHex = '', keyBase64 = ''] = /^([^+]*)\+([^+]*)\+(.*)$/.exec(text.trim()) ?? [];
  checkName(name);
  const key = Buffer.from(keyBase64, 'base64');
  if (!/^[0-9a-f]{8}$/.test(idHex) || key.length !== 33 || key[0] !== ED25519 || key.toString('base64') !== keyBase64)
    throw new Error('note: a verifier key is "<name>+<8 hex digits>+<base64 of 0x01 and a 32-byte Ed25519 key>"');
  const raw = key.subarray(1);
  const id = Number.parseInt(idHex, 16);
  if (id !== keyId(name, raw)) throw new Error('note: the verifier key id does not match its name and key');
  return { name, keyId: id, publicKey: createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' }) };
}

/** Signs `text` (which must end in a newline) and returns the signed note. */
export function signNote(text: string, name: string, privateKey: KeyObject): string {
  checkName(name);
  if (!text.endsWith('\n')) throw new Error('note: the text must end with a newline');
  const id = keyId(name, rawPublicKey(createPublicKey(privateKey)));
  const idBytes = Buffer.alloc(4);
  idBytes.writeUInt32BE(id);
  const signature = sign(null, Buffer.from(text, 'utf8'), privateKey);
  return `${text}\n— ${name} ${Buffer.concat([idBytes, signature]).toString('base64')}\n`;
}

/** Splits a signed note into its text and signature lines; throws when it is not one. */
export function parseNote(note: string): { text: string; signatures: NoteSignature[] } {
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) throw new Error('note: no blank line before the signatures');
  const text = note.slice(0, split + 1);
  const signatures = note
    .slice(split + 2, -1)
    .split('\n')
    .map((line) => {
      const match = SIGNATURE_LINE.exec(line);
      const bytes = Buffer.from(match?.[2] ?? '', 'base64');
      if (!match || bytes.length < 5) throw new Error(`note: "${line}" is not a signature line`);
      return { name: match[1] ?? '', keyId: bytes.readUInt32BE(0), signature: bytes.subarray(4) };
    });
  if (signatures.length === 0) throw new Error('note: no signature');
  return { text, signatures };
}

/**
 * The note's text when `verifier` signed it, as the spec says a client
 * verifies: signatures by other keys are ignored (a cosigner this client does
 * not know), and the note is refused when the verifier's signature is missing
 * or wrong.
 */
export function openNote(note: string, verifier: Verifier): string {
  const { text, signatures } = parseNote(note);
  const mine = signatures.filter((candidate) => candidate.name === verifier.name && candidate.keyId === verifier.keyId);
  if (mine.length === 0) throw new Error(`note: not signed by ${verifier.name}`);
  if (!mine.every((candidate) => verify(null, Buffer.from(text, 'utf8'), verifier.publicKey, candidate.signature)))
    throw new Error(`note: the signature of ${verifier.name} does not verify`);
  return text;
}
