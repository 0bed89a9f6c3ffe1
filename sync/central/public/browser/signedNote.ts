import { concatBytes, fromBase64, own, toBase64, utf8 } from './bytes.js';

/**
 * C2SP signed-note and tlog-checkpoint read in the browser, with WebCrypto's
 * Ed25519 (in Chromium since 137, Firefox 129, Safari 17): the same rules as
 * sync/record/note.ts and checkpoint.ts. A note is opened only when the
 * published key's own signature verifies; cosigners' lines are ignored here.
 */
const ED25519 = 0x01;
const SIGNATURE_LINE = /^— (\S+) ([A-Za-z0-9+/]+={0,2})$/u;

export interface PublishedKey {
  readonly name: string;
  readonly keyId: number;
  /** "<name>+<hex key id>": how the key is named where it is published. */
  readonly fingerprint: string;
  readonly raw: Uint8Array;
}

export interface Checkpoint {
  readonly origin: string;
  readonly size: number;
  readonly root: Uint8Array;
}

const keyIdOf = async (name: string, raw: Uint8Array): Promise<number> => {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', own(concatBytes(utf8(`${name}\n`), Uint8Array.of(ED25519), raw))));
  return new DataView(digest.buffer).getUint32(0);
};

/** "<name>+<8 hex digits>+<base64 of 0x01 and the 32-byte key>"; throws when the key id does not match. */
export async function parsePublishedKey(text: string): Promise<PublishedKey> {
  const [, name = '', idHex = '', keyBase64 = ''] = /^([^+\s]+)\+([0-9a-f]{8})\+(\S+)$/.exec(text.trim()) ?? [];
  const key = keyBase64 ? fromBase64(keyBase64) : new Uint8Array();
  if (!name || key.length !== 33 || key[0] !== ED25519 || toBase64(key) !== keyBase64) throw new Error('not a verifier key');
  const raw = key.slice(1);
  const keyId = Number.parseInt(idHex, 16);
  if (keyId !== (await keyIdOf(name, raw))) throw new Error('the key id does not match the key');
  return { name, keyId, fingerprint: `${name}+${idHex}`, raw };
}

/** Whether this browser's WebCrypto verifies Ed25519 at all. */
export async function canVerifyEd25519(): Promise<boolean> {
  try {
    await crypto.subtle.importKey('raw', new Uint8Array(32), { name: 'Ed25519' }, false, ['verify']);
    return true;
  } catch {
    return false;
  }
}

/** The note's text when the published key signed it; throws (with the reason) otherwise. */
export async function openNote(note: string, key: PublishedKey): Promise<string> {
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) throw new Error('not a signed note');
  const text = note.slice(0, split + 1);
  const mine = note
    .slice(split + 2, -1)
    .split('\n')
    .map((line) => SIGNATURE_LINE.exec(line))
    .filter((match) => match?.[1] === key.name)
    .map((match) => fromBase64(match?.[2] ?? ''))
    .filter((bytes) => bytes.length === 68 && new DataView(bytes.buffer).getUint32(0) === key.keyId);
  if (mine.length === 0) throw new Error(`not signed by ${key.fingerprint}`);
  const cryptoKey = await crypto.subtle.importKey('raw', own(key.raw), { name: 'Ed25519' }, false, ['verify']);
  for (const signature of mine)
    if (!(await crypto.subtle.verify({ name: 'Ed25519' }, cryptoKey, own(signature.slice(4)), own(utf8(text)))))
      throw new Error(`the signature of ${key.fingerprint} does not verify`);
  return text;
}

export function parseCheckpoint(text: string): Checkpoint {
  const [origin = '', sizeText = '', rootText = ''] = text.split('\n');
  const root = /^[A-Za-z0-9+/]{43}=$/.test(rootText) ? fromBase64(rootText) : new Uint8Array();
  if (!origin || !/^(0|[1-9]\d*)$/.test(sizeText) || root.length !== 32 || !Number.isSafeInteger(Number(sizeText)))
    throw new Error('not a checkpoint');
  return { origin, size: Number(sizeText), root };
}
