import { execFile } from 'node:child_process';
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { demoContentPack } from '../../kiosk-config/demo/demoContentPack.js';
import { parseCheckpoint } from '../../sync/record/checkpoint.js';
import { leafHash, levelsOf, treeHash, verifyConsistency } from '../../sync/record/merkle.js';
import { openNote, parseVerifierKey, signNote } from '../../sync/record/note.js';
import { RecordProblem, verifyRecord, type Fetcher } from '../../sync/record/verifyRecord.js';
import { appendRecord } from '../../sync/central/services/record/recordLog.js';
import { ingestBatch } from '../../sync/central/services/ingest.js';
import { rejectProposal } from '../../sync/central/services/proposals.js';
import { loadSealingKey } from '../../sync/central/services/sealingKey.js';
import { loadVoterKey } from '../../sync/central/services/voterKey.js';
import { ratingEnvelope } from '../support/envelope.js';
import { createStaffUser } from '../../sync/central/services/staffAuth.js';
import { startCentral } from '../support/testCentral.js';
import type { RunningCentral } from '../../sync/central/startCentral.js';
import { generateKeyPairSync } from 'node:crypto';
import { backUpCentral, restoreCentral } from '../support/centralBackup.js';
import { sqlOnCentral } from '../support/centralSql.js';
import { makeTempDir } from '../support/tempDir.js';

// The public record (issue #15, its log): a real Central on a loopback port
// and its SQLite file, read and checked the way an outside client does.
const ROOT = join(import.meta.dirname, '..', '..');
const execFileAsync = promisify(execFile);
const dirs: { remove(): void }[] = [];
const centrals: RunningCentral[] = [];
afterEach(async () => {
  await Promise.all(centrals.splice(0).map((central) => central.close()));
  for (const dir of dirs.splice(0)) dir.remove();
});

async function central(dataDir: string): Promise<RunningCentral> {
  const running = await startCentral({ dataDir, starterContent: demoContentPack, publicUrl: 'https://psh.example.ge/' });
  centrals.push(running);
  return running;
}

const fetcherOf =
  (url: string): Fetcher =>
  async (path) => {
    const response = await fetch(`${url}/record/${path}`);
    if (!response.ok) throw new RecordProblem(`${path}: HTTP ${String(response.status)}`);
    return Buffer.from(await response.arrayBuffer());
  };
const keyOf = async (url: string) => (await (await fetch(`${url}/record/key`)).text()).trim();

/** A tile's bytes and encoding as they travel, asking for `acceptEncoding` (node:http decodes nothing, unlike fetch). */
const rawTile = (url: string, path: string, acceptEncoding: string) =>
  new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
    request(`${url}/record/tile/${path}`, { headers: { 'accept-encoding': acceptEncoding } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ encoding: response.headers['content-encoding'], body: Buffer.concat(chunks) }));
      response.on('error', reject);
    })
      .on('error', reject)
      .end();
  });

/** Fills the record past one full tile, so level-1 tiles and partial tiles both exist. */
/** The entries a new Central starts with: the starter pack's publication, and each survey and ballot it publishes. */
const START = 1 + demoContentPack.surveys.length + demoContentPack.ballots.length;

async function fill(running: RunningCentral, count: number): Promise<void> {
  for (let at = 0; at < count; at += 1) await appendRecord(running.db, { kind: 'test.step', subject: `s${String(at)}`, detail: { at } });
}

describe('the public record as C2SP tlog-tiles', () => {
  it('signs checkpoints any client of the formats verifies, and serves tiles that rebuild its root', async () => {
    const dir = makeTempDir('record-basic');
    dirs.push(dir);
    const running = await central(dir.path);
    await fill(running, 301 - START);
    const key = await keyOf(running.url);
    expect(key).toMatch(/^psh\.example\.ge\/record\+[0-9a-f]{8}\+/);
    const note = await (await fetch(`${running.url}/record/checkpoint`)).text();
    const checkpoint = parseCheckpoint(openNote(note, parseVerifierKey(key)));
    // The starter content pack's publication and what it publishes, then the test steps.
    expect(checkpoint).toMatchObject({ origin: 'psh.example.ge/record', size: 301 });
    const full = await fetch(`${running.url}/record/tile/0/000`);
    expect(full.headers.get('cache-control')).toContain('immutable');
    expect((await full.arrayBuffer()).byteLength).toBe(256 * 32);
    expect((await fetch(`${running.url}/record/tile/0/001`)).status).toBe(404); // only 45 of the second tile so far
    expect((await fetch(`${running.url}/record/tile/0/001.p/45`)).headers.get('cache-control')).toBe('no-cache');
    expect((await fetch(`${running.url}/record/tile/1/000.p/1`)).status).toBe(200);
    expect((await fetch(`${running.url}/record/tile/0/x000/001`)).status).toBe(404);
    const verified = await verifyRecord(fetcherOf(running.url), key);
    expect(verified.entries).toHaveLength(301);
    expect(JSON.parse(verified.entries[0]?.toString('utf8') ?? '{}')).toMatchObject({ kind: 'content.published', v: 1 });

    // The consistency proof the receipt page's "since your last visit" asks for, checked here against roots
    // rebuilt from the entries themselves: nothing of it is taken on Central's word.
    const leaves = verified.entries.map((entry) => leafHash(entry));
    const proofOf = async (from: number, to: number) =>
      (await (await fetch(`${running.url}/record/consistency/${String(from)}/${String(to)}`)).text())
        .split('\n')
        .filter(Boolean)
        .map((line) => Buffer.from(line, 'base64'));
    for (const from of [1, 200, 256, 301]) {
      const oldRoot = treeHash(from, levelsOf(leaves.slice(0, from)));
      expect(verifyConsistency(await proofOf(from, 301), from, 301, oldRoot, checkpoint.root), `from ${String(from)}`).toBe(true);
    }
    const refused = await fetch(`${running.url}/record/consistency/0/5`);
    expect([refused.status, ((await refused.json()) as { field: string }).field]).toEqual([400, 'old']);
    expect((await fetch(`${running.url}/record/consistency/9/8`)).status).toBe(400);
    expect((await fetch(`${running.url}/record/consistency/1/99999`)).status).toBe(404);
  });

  it('records staff decisions by role, never by name, with the public reason', async () => {
    const dir = makeTempDir('record-roles');
    dirs.push(dir);
    const running = await central(dir.path);
    await createStaffUser(running.db, 'nino.beridze', 'editor-password-1', 'editor');
    await running.db
      .insertInto('proposals')
      .values({
        code: 'PR0PCODE',
        device_id: 'd',
        submission_id: 's',
        branch_id: 'tbilisi-central',
        title: 'ტექსტი',
        description: null,
        language: 'ka',
        has_voice: 0,
        contact_sealed: null,
        received_at: new Date().toISOString(),
        status: 'pending',
        reason: null,
        ballot_id: null,
        initiative_id: null,
        decided_at: null,
        decided_by: null,
      })
      .execute();
    await rejectProposal(running.db, 'PR0PCODE', 'Already planned for 2027.', 'nino.beridze');
    const { entries } = await verifyRecord(fetcherOf(running.url), await keyOf(running.url));
    const rejected = entries.map((entry) => entry.toString('utf8')).find((entry) => entry.includes('proposal.rejected'));
    expect(JSON.parse(rejected ?? '{}')).toMatchObject({
      subject: 'PR0PCODE',
      detail: { by: 'editor', reason: 'Already planned for 2027.' },
    });
    expect(entries.some((entry) => entry.toString('utf8').includes('nino'))).toBe(false);
  });

  it('records each accepted submission in the commit that stores it, with nothing of what was said or chosen', async () => {
    const dir = makeTempDir('record-ingest');
    dirs.push(dir);
    const running = await central(dir.path);
    await running.db
      .insertInto('devices')
      .values({
        id: 'dev-1',
        kiosk_id: 'kiosk-1',
        branch_id: 'rustavi',
        public_key: 'x',
        enrolled_at: new Date().toISOString(),
        revoked_at: null,
      })
      .execute();
    const keys = { sealingKey: loadSealingKey(dir.path), voterKeyOf: loadVoterKey(dir.path) };
    const rating = ratingEnvelope(1, { score: 2, comment: 'რიგი ძალიან გრძელია' });
    const receipts = await ingestBatch(running.db, keys, 'dev-1', [rating, ratingEnvelope(2)]);
    expect(receipts.map((receipt) => receipt.status)).toEqual(['accepted', 'accepted']);
    // A resend is a duplicate: it adds nothing to the record.
    await ingestBatch(running.db, keys, 'dev-1', [rating]);
    const { entries } = await verifyRecord(fetcherOf(running.url), await keyOf(running.url));
    const accepted = entries.map(
      (entry) => JSON.parse(entry.toString('utf8')) as { kind: string; subject: string; detail: Record<string, unknown> },
    );
    const submissions = accepted.filter((entry) => entry.kind === 'submission.accepted');
    expect(submissions).toHaveLength(2);
    expect(submissions[0]).toMatchObject({
      subject: rating.id,
      detail: { type: 'rating', branch: 'rustavi', device: 'dev-1', contentVersion: 1, recordedAt: rating.createdAt },
    });
    const text = entries.map((entry) => entry.toString('utf8')).join('\n');
    expect(text).not.toContain('რიგი');
    expect(text).not.toContain('"score"');
  });

  it('is append-only in the database itself', async () => {
    const dir = makeTempDir('record-append-only');
    dirs.push(dir);
    const running = await central(dir.path);
    await fill(running, 3);
    await fetch(`${running.url}/record/checkpoint`); // a checkpoint row to try to change
    for (const [statement, params] of [
      ['UPDATE record_entries SET entry = ? WHERE idx = 1', [Buffer.from([0])]],
      ['DELETE FROM record_entries', []],
      ['DELETE FROM record_hashes WHERE level = 1', []],
      ['UPDATE record_checkpoints SET size = 0', []],
    ] as const)
      await expect(sqlOnCentral(dir.path, statement, params), statement).rejects.toThrow(/append-only/);
  });
});

describe('tiles as they travel', () => {
  // The compression plugin labelled as br any body whose first two bytes look like a zlib header, sending it
  // as it was: about one hash tile in a thousand, so a full check of a large record failed on an undecodable tile.
  it('hash tiles go as they are, whatever the client accepts; entry bundles are gzipped only when accepted, byte for byte', async () => {
    const dir = makeTempDir('record-tile-encoding');
    dirs.push(dir);
    const running = await central(dir.path);
    await fill(running, 300 - START);
    for (const path of ['0/000', '0/001.p/44', '1/000.p/1']) {
      const plain = await rawTile(running.url, path, 'identity');
      const offered = await rawTile(running.url, path, 'br, gzip, deflate');
      expect(plain.encoding).toBeUndefined();
      expect(offered.encoding).toBeUndefined();
      expect(offered.body.equals(plain.body)).toBe(true);
    }
    const plain = await rawTile(running.url, 'entries/000', 'identity');
    const gzipped = await rawTile(running.url, 'entries/000', 'br, gzip');
    expect(plain.encoding).toBeUndefined();
    expect(gzipped.encoding).toBe('gzip');
    expect(gunzipSync(gzipped.body).equals(plain.body)).toBe(true);
    expect(gzipped.body.length).toBeLessThan(plain.body.length / 2);
    expect((await rawTile(running.url, 'entries/000', 'gzip;q=0, br')).encoding).toBeUndefined();
  });
});

describe('a tampered record is found out, and says how', () => {
  it('an entry changed by hand: the verifier names it, and Central refuses to start on it', async () => {
    const dir = makeTempDir('record-tamper');
    dirs.push(dir);
    const running = await central(dir.path);
    await fill(running, 20);
    const key = await keyOf(running.url);
    await fetch(`${running.url}/record/checkpoint`); // signed at 20 + START
    // The leaf hashes of the honest record, as a verifier fetched them before anything was changed.
    const honestLeaves = Buffer.from(await (await fetch(`${running.url}/record/tile/0/000.p/${String(20 + START)}`)).arrayBuffer());
    expect(honestLeaves.length).toBe((20 + START) * 32);
    await running.close();
    centrals.splice(0);
    // Someone with the database drops the guard and rewrites entry 7.
    await sqlOnCentral(dir.path, 'DROP TRIGGER record_entries_no_update', [], 'DROP TRIGGER record_entries_no_update ON record_entries');
    await sqlOnCentral(dir.path, 'UPDATE record_entries SET entry = ? WHERE idx = 7', [Buffer.from('{"kind":"forged"}')]);
    await expect(central(dir.path)).rejects.toThrow(/entry 6 or 7 does not match its stored hash/);
    // Served anyway (say, by a copy of Central without the check), the verifier finds the same entry.
    const entries = await sqlOnCentral<{ entry: Buffer }>(dir.path, 'SELECT entry FROM record_entries ORDER BY idx');
    const [{ note } = { note: '' }] = await sqlOnCentral<{ note: string }>(
      dir.path,
      'SELECT note FROM record_checkpoints ORDER BY size DESC',
    );
    const served: Fetcher = (path) => {
      if (path === 'checkpoint') return Promise.resolve(Buffer.from(note));
      if (path.startsWith('tile/entries/'))
        return Promise.resolve(
          Buffer.concat(entries.map(({ entry }) => Buffer.concat([Buffer.from([entry.length >> 8, entry.length & 255]), entry]))),
        );
      return Promise.resolve(honestLeaves);
    };
    await expect(verifyRecord(served, key)).rejects.toThrow(/entry 7 does not match its hash in tile 0\/0/);
  });

  it('a tile served wrong, a checkpoint signed by another key, and a rolled-back Central are each named', async () => {
    const dir = makeTempDir('record-served-wrong');
    dirs.push(dir);
    let running = await central(dir.path);
    await fill(running, 300 - START);
    const key = await keyOf(running.url);
    const honest = fetcherOf(running.url);
    const first = await verifyRecord(honest, key);
    expect(first.checkpoint.size).toBe(300);
    // One bit flipped in the level-1 tile.
    const flipped: Fetcher = async (path) => {
      const bytes = Buffer.from(await honest(path));
      if (path.startsWith('tile/1/')) bytes[5] = (bytes[5] ?? 0) ^ 1;
      return bytes;
    };
    await expect(verifyRecord(flipped, key)).rejects.toThrow(/tile 1\/0 hash 0 is not the subtree its entries make/);
    // The same checkpoint text signed by a key the reader does not trust.
    const { privateKey } = generateKeyPairSync('ed25519');
    const text = openNote((await honest('checkpoint')).toString('utf8'), parseVerifierKey(key));
    const forged: Fetcher = async (path) =>
      path === 'checkpoint' ? Buffer.from(signNote(text, 'psh.example.ge/record', privateKey)) : honest(path);
    await expect(verifyRecord(forged, key)).rejects.toThrow(/not signed by psh\.example\.ge\/record/);
    // A backup of today is restored after more was recorded and seen: the record shrank.
    await running.close();
    centrals.splice(0);
    await backUpCentral(dir.path, join(dir.path, 'backup'));
    running = await central(dir.path);
    await fill(running, 10);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // a new checkpoint at most once a second
    const later = await verifyRecord(fetcherOf(running.url), key, first.checkpoint);
    expect(later.consistentWith).toEqual({ size: 300 });
    await running.close();
    centrals.splice(0);
    // Restored as an operator would: the database alone (on SQLite no write-ahead log of the later state beside it).
    await restoreCentral(dir.path, join(dir.path, 'backup'));
    running = await central(dir.path);
    await expect(verifyRecord(fetcherOf(running.url), key, later.checkpoint)).rejects.toThrow(/shrank from 310 to 300/);
  });
});

describe('npm run verify-record', () => {
  it('checks a running Central from outside and ends with one line that says it holds, then that it grew', async () => {
    const dir = makeTempDir('record-cli');
    dirs.push(dir);
    const running = await central(dir.path);
    await fill(running, 6 - START);
    const cache = join(dir.path, 'verifier.json');
    // Asynchronously: the Central it asks runs in this process, and a synchronous spawn would stop it answering.
    const run = () =>
      execFileAsync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/verifyRecord.ts'), running.url, '--cache', cache], {
        cwd: ROOT,
        encoding: 'utf8',
      });
    const firstRun = await run();
    expect(firstRun.stdout.trim().split('\n').at(-1)).toMatch(
      /^record psh\.example\.ge\/record: 6 entries, .* first seen now \(key trusted on first use and pinned\): holds$/,
    );
    await fill(running, 2);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // a new checkpoint at most once a second
    const secondRun = await run();
    expect(secondRun.stdout.trim()).toMatch(/: 8 entries, .*an extension of the 6 seen before: holds$/);
  });
});
