import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { Kysely } from 'kysely';
import { formatCheckpoint } from '../../../record/checkpoint.js';
import { nodeHash } from '../../../record/merkle.js';
import { signNote, verifierKey } from '../../../record/note.js';
import type { CentralDatabase } from '../../db/schema.js';
import { sqliteHandleOf } from '../../db/openCentralDb.js';
import { keyFile } from '../keyFile.js';
import { createRecordIntegrator, recordReader, type RecordReader } from './recordTree.js';

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
 */
export function checkRecordAgainstLastCheckpoint(reader: RecordReader, last: { size: number; root: Buffer } | undefined): void {
  const size = reader.integratedSize();
  if (!last) return;
  if (reader.size() < last.size)
    throw new Error(
      `public record: ${String(reader.size())} entries stored, but a checkpoint of ${String(last.size)} was signed (an old backup?)`,
    );
  for (let level = 1; 2 ** level <= size; level += 1) {
    const count = Math.floor(size / 2 ** level);
    for (let from = 0; from < count; from += CHECK_CHUNK) {
      const to = Math.min(count, from + CHECK_CHUNK);
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
  }
  if (!reader.root(last.size).equals(last.root))
    throw new Error(`public record: the stored tree of ${String(last.size)} entries does not have the root Central signed`);
}

export interface RecordSigner {
  readonly origin: string;
  /** The verifier key, in the note package's format. */
  readonly verifierKey: string;
  /** The latest signed checkpoint, signing a new one when the record grew (at most once a second). */
  checkpoint(): Promise<string>;
  /**
   * Runs `use` on the stored record while holding the database connection: the reader's synchronous
   * lookups then never run inside another request's open transaction (and never see what it may roll back).
   */
  read<T>(use: (reader: RecordReader) => T): Promise<T>;
}

export async function openRecordSigner(db: Kysely<CentralDatabase>, dataDir: string, publicUrl?: string): Promise<RecordSigner> {
  const key = loadRecordKey(dataDir);
  const origin = recordOrigin(publicUrl);
  const sqlite = sqliteHandleOf(db);
  const reader = recordReader(sqlite);
  const integrate = createRecordIntegrator(sqlite);
  const read = <T>(use: (held: RecordReader) => T): Promise<T> => db.connection().execute(() => Promise.resolve(use(reader)));
  const last = await db.selectFrom('record_checkpoints').selectAll().orderBy('size', 'desc').limit(1).executeTakeFirst();
  // Entries appended since the last checkpoint are integrated first (a chunk per held connection, so
  // ingest goes on between chunks), then everything is checked against what was signed.
  const integrateAll = async (): Promise<void> => {
    let waiting = 1;
    while (waiting > 0) waiting = await db.connection().execute(() => Promise.resolve(integrate.immediate()));
  };
  await integrateAll();
  await read((held) => checkRecordAgainstLastCheckpoint(held, last));
  let latest = last ? { size: last.size, note: last.note, at: Date.parse(last.signed_at) } : undefined;
  return {
    origin,
    verifierKey: verifierKey(origin, createPublicKey(key)),
    read,
    async checkpoint() {
      if (latest && Date.now() - latest.at < SIGN_AT_MOST_EVERY_MS) return latest.note;
      if (latest && latest.size === (await read((held) => held.size()))) return latest.note;
      await integrateAll();
      const size = await read((held) => held.integratedSize());
      if (latest && latest.size === size) return latest.note;
      const root = await read((held) => held.root(size));
      const note = signNote(formatCheckpoint({ origin, size, root }), origin, key);
      const signedAt = new Date().toISOString();
      // Kept, so a restart can check the stored tree against it; a checkpoint of the same size is never signed twice.
      await db
        .insertInto('record_checkpoints')
        .values({ size, root, note, signed_at: signedAt })
        .onConflict((c) => c.doNothing())
        .execute();
      latest = { size, note, at: Date.parse(signedAt) };
      return note;
    },
  };
}
