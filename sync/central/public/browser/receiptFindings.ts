import { fromBase64, toHex, utf8, own } from './bytes.js';
import { leafHash, verifyConsistency, verifyInclusion, type Hash } from './merkleProofs.js';
import { openNote, parseCheckpoint, parsePublishedKey, type Checkpoint } from './signedNote.js';

/** What /record/receipts/<code>?format=json answers. */
export interface ReceiptJson {
  readonly index: number;
  readonly entry: string;
  readonly checkpoint: string;
  readonly proof: readonly string[] | null;
}

/** The page's words for each finding, `{name}` filled in here (receiptTexts.ts on Central writes them). */
export type FindingWords = Readonly<Record<FindingKey, string>>;
export type FindingKey =
  | 'signatureOk'
  | 'signatureBad'
  | 'inclusionOk'
  | 'inclusionBad'
  | 'inclusionPending'
  | 'receiptOk'
  | 'receiptBad'
  | 'sinceFirst'
  | 'sinceOk'
  | 'sinceBad';

export interface Finding {
  /** ok: it holds; bad: it does not; wait: not yet decidable (the entry is newer than the checkpoint). */
  readonly state: 'ok' | 'bad' | 'wait';
  readonly key: FindingKey;
  readonly text: string;
}

export interface ReceiptInput {
  readonly code: string;
  readonly receipt: ReceiptJson;
  readonly publishedKey: string;
  readonly lastSeen: Checkpoint | undefined;
  /** The log's consistency proof between two sizes (checked here against both signed roots: nothing is trusted). */
  readonly consistency: (oldSize: number, newSize: number) => Promise<Hash[]>;
}

const fill = (template: string, values: Readonly<Record<string, string | number>>) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));

const receiptLookup = async (code: string): Promise<string> =>
  toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', own(utf8(`psh-receipt/v1/lookup\n${code}`)))));

async function sinceLastVisit(input: ReceiptInput, latest: Checkpoint): Promise<'first' | 'ok' | 'bad'> {
  const seen = input.lastSeen;
  if (!seen || seen.size === 0) return 'first';
  if (latest.size < seen.size) return 'bad';
  const proof = latest.size === seen.size ? [] : await input.consistency(seen.size, latest.size);
  return (await verifyConsistency(proof, seen.size, latest.size, seen.root, latest.root)) ? 'ok' : 'bad';
}

/**
 * Every check a citizen's browser makes of their receipt, in order: the
 * checkpoint's signature under the published key, the entry's inclusion under
 * the signed root, the entry being the one their code finds, and the record
 * only having grown since their last visit. Answers the findings and the
 * checkpoint to remember (only when it is signed and extends what was seen).
 */
export async function receiptFindings(
  input: ReceiptInput,
  words: FindingWords,
): Promise<{ findings: Finding[]; remember: Checkpoint | undefined }> {
  const say = (state: Finding['state'], key: FindingKey, values: Readonly<Record<string, string | number>> = {}): Finding => ({
    state,
    key,
    text: fill(words[key], values),
  });
  const key = await parsePublishedKey(input.publishedKey);
  let latest: Checkpoint;
  try {
    latest = parseCheckpoint(await openNote(input.receipt.checkpoint, key));
  } catch (error) {
    return { findings: [say('bad', 'signatureBad', { key: key.fingerprint, reason: (error as Error).message })], remember: undefined };
  }
  const findings = [say('ok', 'signatureOk', { key: key.fingerprint, size: latest.size })];
  const { index, entry, proof } = input.receipt;
  const entryBytes = utf8(entry);
  if (proof === null) findings.push(say('wait', 'inclusionPending', { index }));
  else {
    const included = await verifyInclusion(proof.map(fromBase64), index, latest.size, await leafHash(entryBytes), latest.root);
    findings.push(say(included ? 'ok' : 'bad', included ? 'inclusionOk' : 'inclusionBad', { index, size: latest.size }));
  }
  const detail = (JSON.parse(entry) as { detail?: { receipt?: unknown } }).detail;
  const ours = detail?.receipt === (await receiptLookup(input.code));
  findings.push(say(ours ? 'ok' : 'bad', ours ? 'receiptOk' : 'receiptBad'));
  const since = await sinceLastVisit(input, latest);
  const old = input.lastSeen?.size ?? 0;
  const sinceKey = since === 'first' ? 'sinceFirst' : since === 'ok' ? 'sinceOk' : 'sinceBad';
  findings.push(say(since === 'bad' ? 'bad' : 'ok', sinceKey, { old, size: latest.size }));
  return { findings, remember: since === 'bad' ? undefined : latest };
}
