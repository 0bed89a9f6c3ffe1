import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoBallot } from '../../kiosk-config/demo/demoBallot.js';
import type { SavedSubmission } from '../../src-main/api/contract.js';
import type { KioskCore } from '../../src-main/core/kioskCore.js';
import { canonicalJson } from '../../sync/protocol/canonicalJson.js';
import { parseCheckpoint } from '../../sync/record/checkpoint.js';
import { leafHash, verifyInclusion } from '../../sync/record/merkle.js';
import { openNote, parseVerifierKey } from '../../sync/record/note.js';
import { receiptCommitment, receiptLookup } from '../../sync/record/receipt.js';
import { verifyRecord } from '../../sync/record/verifyRecord.js';
import type { RunningCentral } from '../../sync/central/startCentral.js';
import { startKioskWithCentral, type KioskWithCentral } from '../support/kioskWithCentral.js';
import { makeTempDir } from '../support/tempDir.js';

// Receipts (issue #15): a real kiosk core queues submissions with their receipt codes, syncs them to a
// real Central on a loopback port, and the citizen's receipt page, the public log and the outside
// verifier (a separate process) are read as the citizen, a journalist and an attacker would.
const ROOT = join(import.meta.dirname, '..', '..');
const execFileAsync = promisify(execFile);
const NUMBER = '01024085927';
const dir = makeTempDir('receipts');
let kiosk: KioskWithCentral;
let central: RunningCentral;
let core: KioskCore;
let call: KioskWithCentral['call'];
let value: KioskWithCentral['value'];
let session: KioskWithCentral['session'];

beforeAll(async () => {
  // Enrolled and synced once: the kiosk holds Central's sealing key for the personal number.
  kiosk = await startKioskWithCentral(dir.path, { kioskId: 'receipts-kiosk', branchId: 'rustavi' });
  ({ central, core, call, value, session } = kiosk);
});
afterAll(async () => {
  await kiosk.close();
  dir.remove();
});
const vote = async (choices: string[]) =>
  value<SavedSubmission>(
    await call('vote.submit', { sessionId: await session(), ballotId: demoBallot.id, choices, personalNumber: NUMBER }),
  );
const codeOf = (saved: SavedSubmission) => saved.receiptUrl.split('/').at(-1) ?? '';

interface ReceiptJson {
  index: number;
  entry: string;
  checkpoint: string;
  proof: string[] | null;
  counted?: boolean;
}
/** The receipt as JSON, once the entry is in a signed checkpoint (Central signs at most once a second). */
async function receiptJson(url: string): Promise<ReceiptJson> {
  for (let attempt = 0; attempt < 30; attempt += 1) {
    const receipt = (await (await fetch(`${url}?format=json`)).json()) as ReceiptJson;
    if (receipt.proof) return receipt;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url}: the entry never reached a signed checkpoint`);
}

describe('receipts', () => {
  let first: SavedSubmission;
  let second: SavedSubmission;
  let rating: SavedSubmission;
  beforeAll(async () => {
    // The same person votes twice (the first counts), and someone rates a service.
    first = await vote(['step-free', 'queue-sms']);
    second = await vote(['child-corner']);
    rating = value<SavedSubmission>(await call('rating.submit', { sessionId: await session(), serviceId: 'civil-registry', score: 4 }));
    await core.sync.syncNow();
  });

  it('gives each submission its own receipt address on Central, with a code only the citizen holds', () => {
    for (const saved of [first, second, rating])
      expect(saved.receiptUrl).toMatch(new RegExp(`^${central.url}/record/receipts/[0-9A-HJKMNP-TV-Z]{20}$`));
    expect(new Set([first, second, rating].map(codeOf)).size).toBe(3);
    // Acknowledged by Central: the kiosk no longer keeps the codes.
    expect(core.db.prepare('SELECT count(*) FROM receipt_codes').pluck().get()).toBe(0);
  });

  it('proves the entry is in the signed checkpoint, and says whether a vote counted', async () => {
    const key = parseVerifierKey((await (await fetch(`${central.url}/record/key`)).text()).trim());
    for (const [saved, counted] of [
      [first, true],
      [second, false],
      [rating, undefined],
    ] as const) {
      const receipt = await receiptJson(saved.receiptUrl);
      const checkpoint = parseCheckpoint(openNote(receipt.checkpoint, key));
      const proof = (receipt.proof ?? []).map((hash) => Buffer.from(hash, 'base64'));
      expect(verifyInclusion(proof, receipt.index, checkpoint.size, leafHash(Buffer.from(receipt.entry)), checkpoint.root)).toBe(true);
      expect(receipt.counted).toBe(counted);
      expect(JSON.parse(receipt.entry)).toMatchObject({ kind: 'submission.accepted', detail: { receipt: receiptLookup(codeOf(saved)) } });
    }
    const page = await fetch(first.receiptUrl);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('data-counted="true"');
    expect(html).toContain(`npm run verify-record -- ${central.url} --receipt ${codeOf(first)}`);
    expect(html).not.toContain('step-free');
  });

  it('binds the entry to exactly what was submitted, for the code holder only', async () => {
    const { entries } = await verifyRecord(
      async (path) => Buffer.from(await (await fetch(`${central.url}/record/${path}`)).arrayBuffer()),
      (await (await fetch(`${central.url}/record/key`)).text()).trim(),
    );
    const row = core.db
      .prepare<[string], { payload_json: string; payload_sha256: string }>(
        'SELECT payload_json, payload_sha256 FROM submissions WHERE id = ?',
      )
      .get(first.id);
    const entry = entries
      .map((bytes) => JSON.parse(bytes.toString('utf8')) as { subject: string; detail: Record<string, unknown> })
      .find((e) => e.subject === first.id);
    expect(entry?.detail.commitment).toBe(receiptCommitment(codeOf(first), row?.payload_json ?? ''));
    // Which ballot it was for is public (the process), which choice is not.
    expect(entry?.detail.process).toBe(`ballot:${demoBallot.id}`);
    // An attacker with the public log and the ballot's initiatives: every payload a vote could have
    // (each choice and pair, in each language), hashed as the payload's own sha256 would be, and with a
    // guessed code: none of them is anywhere in the log, and nothing else names a choice or the person.
    const log = entries.map((bytes) => bytes.toString('utf8')).join('\n');
    const ids = demoBallot.initiatives.map((initiative) => initiative.id);
    const choiceSets = ids.flatMap((a, i) => [[a], ...ids.slice(i + 1).map((b) => [a, b])]);
    for (const choices of choiceSets)
      for (const language of ['ka', 'en', 'ru', 'az', 'hy']) {
        const payload = canonicalJson({ type: 'vote', ballotId: demoBallot.id, choices, language });
        expect(log).not.toContain(createHash('sha256').update(payload).digest('hex'));
        expect(log).not.toContain(receiptCommitment('0'.repeat(20), payload));
      }
    expect(log).not.toContain(row?.payload_sha256);
    for (const id of ids) expect(log).not.toContain(id);
    expect(log).not.toContain(NUMBER);
    for (const saved of [first, second, rating]) expect(log).not.toContain(codeOf(saved));
  });

  it('is found and checked by the outside verifier from the code alone', async () => {
    /** The outside verifier, a process of its own, asked to find a receipt. */
    const verifyReceipt = (code: string) =>
      execFileAsync(
        process.execPath,
        [
          '--import',
          'tsx',
          join(ROOT, 'scripts/verifyRecord.ts'),
          central.url,
          '--cache',
          join(dir.path, 'verifier.json'),
          '--receipt',
          code,
        ],
        { cwd: ROOT, encoding: 'utf8' },
      );
    const { stdout } = await verifyReceipt(codeOf(second).toLowerCase());
    expect(stdout.trim().split('\n').at(-1)).toMatch(new RegExp(`; receipt ${codeOf(second)}: entry \\d+, a vote, is in it: holds$`));
    const missing = verifyReceipt('Z'.repeat(20));
    await expect(missing).rejects.toMatchObject({
      stdout: expect.stringMatching(/DOES NOT HOLD: .*no entry holds receipt Z{20}/) as unknown,
    });
  });

  it('counts each ballot’s participation from the log on the record’s home page, and its witnesses', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1100)); // the next checkpoint holds every vote
    await core.sync.syncNow(); // and this kiosk cosigns it
    const page = await (await fetch(`${central.url}/record?lang=en`)).text();
    const row =
      /<tr><th scope="row"><a href="[^"]*">([^<]*)<\/a><\/th><td>Vote<\/td><td>[^<]*<\/td><td class="num"><a href="[^"]*">(\d+)<\/a><\/td><\/tr>/.exec(
        page,
      );
    expect(row?.[1]).toBe(demoBallot.title.en);
    expect(row?.[2]).toBe('2');
    expect(page).toMatch(/data-witnesses="1"/);
  });

  it('answers a malformed code with 400 naming the field, and an unknown one with 404', async () => {
    const bad = await fetch(`${central.url}/record/receipts/NOT-A-CODE?format=json`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ field: 'code' });
    expect((await fetch(`${central.url}/record/receipts/${'0'.repeat(20)}`)).status).toBe(404);
    expect((await fetch(`${central.url}/record/receipts/NOT-A-CODE`)).status).toBe(400);
  });
});
