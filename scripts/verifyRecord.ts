import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Checkpoint } from '../sync/record/checkpoint.js';
import { readReceiptCode } from '../sync/protocol/receiptCode.js';
import { findReceiptEntry } from '../sync/record/receipt.js';
import { RecordProblem, verifyRecord } from '../sync/record/verifyRecord.js';

// `npm run verify-record -- <central url> [--key KEY] [--cache FILE] [--receipt CODE]`: checks a
// public record from the outside, with nothing of Central's code but the
// record's formats (sync/record). The log's key is the one given, else the one
// pinned in the cache at the first run (trust on first use, said so). The
// checkpoint verified is kept in the cache, so the next run proves the record
// only grew. With a receipt code (the citizen's QR code), it also finds that
// receipt's entry in the verified record. Ends with one line: what was
// checked, and whether it holds.
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { key: { type: 'string' }, cache: { type: 'string' }, receipt: { type: 'string' } },
});
const base = positionals[0];
if (!base) {
  console.error('usage: npm run verify-record -- <central url> [--key <verifier key>] [--cache <file>] [--receipt <code>]');
  process.exit(2);
}
const recordUrl = `${base.replace(/\/$/, '')}/record/`;
const cacheFile = resolve(values.cache ?? join('var', 'record-verifier', `${new URL(recordUrl).host.replace(/[^a-z0-9.-]/gi, '_')}.json`));

interface Cache {
  readonly key: string;
  readonly checkpoint?: { origin: string; size: number; root: string };
}
const cache: Cache | undefined = existsSync(cacheFile) ? (JSON.parse(readFileSync(cacheFile, 'utf8')) as Cache) : undefined;

/** A path under the record's URL; a rate-limited answer (429) is waited out as the server asks, a few times. */
async function get(path: string): Promise<Buffer> {
  for (let attempt = 0; ; attempt += 1) {
    const response = await fetch(new URL(path, recordUrl));
    if (response.status === 429 && attempt < 10) {
      await new Promise((resolve) => setTimeout(resolve, 1000 * Math.min(60, Number(response.headers.get('retry-after') ?? 1) || 1)));
      continue;
    }
    if (!response.ok) throw new RecordProblem(`${path}: HTTP ${String(response.status)}`);
    return Buffer.from(await response.arrayBuffer());
  }
}

try {
  const published = (await get('key')).toString('utf8').trim();
  const key = values.key ?? cache?.key ?? published;
  const pinnedNow = !values.key && !cache;
  if (key !== published) throw new RecordProblem(`the log now publishes the key ${published}, not the trusted ${key}`);
  const seen: Checkpoint | undefined = cache?.checkpoint && { ...cache.checkpoint, root: Buffer.from(cache.checkpoint.root, 'base64') };
  const verified = await verifyRecord(get, key, seen);
  const { origin, size, root } = verified.checkpoint;
  mkdirSync(dirname(cacheFile), { recursive: true });
  writeFileSync(`${cacheFile}.tmp`, JSON.stringify({ key, checkpoint: { origin, size, root: root.toString('base64') } }, null, 2));
  renameSync(`${cacheFile}.tmp`, cacheFile);
  const since = verified.consistentWith ? `, an extension of the ${String(verified.consistentWith.size)} seen before` : ', first seen now';
  const trust = pinnedNow ? ' (key trusted on first use and pinned)' : '';
  // The receipt is looked for only in the verified entries: what it finds is in the signed tree.
  const code = values.receipt === undefined ? undefined : readReceiptCode(values.receipt);
  const found = code === undefined ? undefined : findReceiptEntry(verified.entries, code);
  if (code !== undefined && !found)
    throw new RecordProblem(
      `the record of ${String(size)} entries verified, but no entry holds receipt ${code} (not synced yet, or mistyped?)`,
    );
  const receipt = found ? `; receipt ${String(code)}: entry ${String(found.index)}, a ${String(found.detail.type)}, is in it` : '';
  console.log(
    `record ${origin}: ${String(size)} entries, checkpoint signature, entries, tiles and root verified${since}${trust}${receipt}: holds`,
  );
} catch (error) {
  const reason = error instanceof Error ? error.message : String(error);
  console.log(`record at ${recordUrl}: DOES NOT HOLD: ${reason}`);
  process.exit(1);
}
