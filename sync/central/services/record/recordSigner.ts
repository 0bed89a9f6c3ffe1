import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { formatCheckpoint } from '../../../record/checkpoint.js';
import { nodeHash } from '../../../record/merkle.js';
import { signNote, verifierKey } from '../../../record/note.js';
import type { CentralDatabase } from '../../db/schema.js';
import { isPostgres } from '../../db/dialect.js';
import { RECORD_SIGN_LOCK } from '../../db/postgres/advisoryLocks.js';
import { keyFile } from '../keyFile.js';
import type { RecordReader } from './recordTree.js';
import { openRecordStore, type RecordStore } from './recordStore.js';

/** A new checkpoint at most this often: a busy Central signs a few times a second at most, not once per request. */
const SIGN_AT_MOST_EVERY_MS = 1000;

/** The log's Ed25519 key, in Central's keys folder, created on first start. */
const loadRecordKey = (dataDir: string): KeyObject =>
  createPrivateKey(
    keyFile(dataDir, 'record-ed25519.pem', () => generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' })),
  );

/** The log's origin line: the public URL's host and path, then "/record" (C2SP tlog-checkpoint suggests a schema-less URL). */
export function recordOrigin(publicUrl: string | undefined): string {
  if (!publicUrl) return 'psh-central.invalid/record';
  const url = new URL(publicUrl);
  return `${url.host}${url.pathname.replace(/\/$/, '')}/record`;
}

/** Rows read per step of the start-up check. */
const CHECK_CHUNK = 4096;

/**
 * Checks the stored record against the last checkpoint Central signed: every
 * stored hash is the hash of its two children (down to the entries
 * themselves), and the stored tree has the signed root. Central refuses to
 * start otherwise: it must never sign a checkpoint inconsistent with one it
 * signed before (a restored old backup, an entry or a hash changed by hand).
 * Read a chunk at a time, so a large record is never held in memory whole.
 */
export async function checkRecordAgainstLastCheckpoint(
  read: RecordStore['read'],
  last: { size: number; root: Buffer } | undefined,
): Promise<void> {
  if (!last) return;
  const { size, stored } = await read((reader) => ({ size: reader.integratedSize(), stored: reader.size() }));
  if (stored < last.size)
    throw new Error(
      `public record: ${String(stored)} entries stored, but a checkpoint of ${String(last.size)} was signed (an old backup?)`,
    );
  for (let level = 1; 2 ** level <= size; level += 1) {
    const count = Math.floor(size / 2 ** level);
    for (let from = 0; from < count; from += CHECK_CHUNK) {
      const to = Math.min(count, from + CHECK_CHUNK);
      await read((reader) => checkChunk(reader, level, from, to));
    }
  }
  if (!(await read((reader) => reader.root(last.size))).equals(last.root))
    throw new Error(`public record: the stored tree of ${String(last.size)} entries does not have the root Central signed`);
}

/** Stored hashes [from, to) of `level` against the hashes one level below. */
function checkChunk(reader: RecordReader, level: number, from: number, to: number): void {
  const children = reader.hashes(level - 1, 2 * from, 2 * to);
  reader.hashes(level, from, to).forEach((stored, at) => {
    const [left, right] = [children[2 * at], children[2 * at + 1]];
    if (!left || !right || !stored.equals(nodeHash(left, right)))
      throw new Error(
        level === 1
          ? `public record: entry ${String(2 * (from + at))} or ${String(2 * (from + at) + 1)} does not match its stored hash`
          : `public record: stored hash ${String(level)}/${String(from + at)} does not match the hashes below it`,
      );
  });
}

export interface RecordSigner {
  readonly origin: string;
  /** The verifier key, in the note package's format. */
  readonly verifierKey: string;
  /** The latest signed checkpoint, signing a new one when the record grew (at most once a second). */
  checkpoint(): Promise<string>;
  /** Runs `use` on the stored record (see RecordStore.read). */
  read<T>(use: (reader: RecordReader) => T): Promise<T>;
}

type Checkpoint = { readonly size: number; readonly root: Buffer; readonly note: string; readonly at: number };

/** The largest checkpoint Central has signed, if any. */
const latestStored = async (db: Kysely<CentralDatabase> | Transaction<CentralDatabase>): Promise<Checkpoint | undefined> => {
  const row = await db.selectFrom('record_checkpoints').selectAll().orderBy('size', 'desc').limit(1).executeTakeFirst();
  return row && { size: row.size, root: row.root, note: row.note, at: Date.parse(row.signed_at) };
};

/** The larger of two checkpoints of one append-only log (so the larger holds the smaller). */
const newer = (mine: Checkpoint, stored: Checkpoint | undefined): Checkpoint => (stored && stored.size > mine.size ? stored : mine);

export async function openRecordSigner(db: Kysely<CentralDatabase>, dataDir: string, publicUrl?: string): Promise<RecordSigner> {
  const key = loadRecordKey(dataDir);
  const origin = recordOrigin(publicUrl);
  const store = openRecordStore(db);
  let latest = await latestStored(db);
  // Entries appended since the last checkpoint are integrated first, then everything is checked against what was signed.
  await store.integrateAll();
  await checkRecordAgainstLastCheckpoint(store.read, latest);

  /** Signs the integrated tree unless `previous` already covers it; keeps what it signed, so a restart can check against it. */
  /** The tree to sign next: the integrated size and its root, unless `previous` already covers it. Reads the record (a connection of its own). */
  const nextTree = (previous: Checkpoint | undefined) =>
    store.read((held) => {
      const integrated = held.integratedSize();
      return { size: integrated, root: previous && previous.size >= integrated ? undefined : held.root(integrated) };
    });

  /** Stores the signed note of `tree`, unless `previous` (the latest stored) already covers it. Touches only `trx`. */
  const storeSigned = async (
    trx: Kysely<CentralDatabase> | Transaction<CentralDatabase>,
    tree: { size: number; root: Buffer | undefined },
    previous: Checkpoint | undefined,
  ): Promise<Checkpoint> => {
    if (previous && (!tree.root || previous.size >= tree.size)) return previous;
    if (!tree.root) throw new Error('record: nothing signed yet and no root computed');
    const { size, root } = { size: tree.size, root: tree.root };
    const note = signNote(formatCheckpoint({ origin, size, root }), origin, key);
    const signedAt = new Date().toISOString();
    // A checkpoint of the same size is never signed twice.
    await trx
      .insertInto('record_checkpoints')
      .values({ size, root, note, signed_at: signedAt })
      .onConflict((c) => c.doNothing())
      .execute();
    return { size, root, note, at: Date.parse(signedAt) };
  };

  const signNow = async (): Promise<string> => {
    await store.integrateAll();
    if (!isPostgres(db)) {
      latest = await storeSigned(db, await nextTree(latest), latest);
      return latest.note;
    }
    // Two Centrals on one PostgreSQL: one signs at a time, and never a tree smaller than the other's latest
    // (both are of one append-only log, so any two checkpoints are consistent with each other). The tree is
    // read before the lock is taken: a transaction holding the lock must never wait for a second connection
    // of a pool that requests waiting on the same lock have filled (that stalled every Central under load).
    const tree = await nextTree(undefined);
    latest = await db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${RECORD_SIGN_LOCK})`.execute(trx);
      return storeSigned(trx, tree, await latestStored(trx));
    });
    return latest.note;
  };
  // Requests asking at once (every kiosk witnessing after a round) share one signing.
  let signing: Promise<string> | undefined;

  return {
    origin,
    verifierKey: verifierKey(origin, createPublicKey(key)),
    read: store.read,
    async checkpoint() {
      if (latest && Date.now() - latest.at < SIGN_AT_MOST_EVERY_MS) {
        // Two Centrals on one PostgreSQL: the other may have signed a larger tree within this one's second. A
        // reader behind a round-robin proxy asks each in turn, and must never be shown the record shrinking (a
        // kiosk's witness keeps that as evidence of a rollback), so the larger stored checkpoint is served.
        // (Signing already starts from the stored latest, under the lock; an unchanged record has nothing larger.)
        if (isPostgres(db)) latest = newer(latest, await latestStored(db));
        return latest.note;
      }
      if (latest && latest.size === (await store.read((held) => held.size()))) return latest.note;
      signing ??= signNow().finally(() => {
        signing = undefined;
      });
      return signing;
    },
  };
}
