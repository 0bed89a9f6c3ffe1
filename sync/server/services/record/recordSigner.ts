import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { Kysely } from 'kysely';
import { formatCheckpoint } from '../../../record/checkpoint.js';
import { leafHash } from '../../../record/merkle.js';
import { signNote, verifierKey } from '../../../record/note.js';
import type { CentralDatabase } from '../../db/schema.js';
import { keyFile } from '../keyFile.js';
import { recordReader, type RecordReader } from './recordLog.js';

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

/**
 * Checks the stored record against the last checkpoint Central signed: every
 * entry's leaf hash is the stored one, and the stored tree has the signed
 * root. Central refuses to start otherwise: it must never sign a checkpoint
 * inconsistent with one it signed before (a restored old backup, an entry
 * changed by hand).
 */
export function checkRecordAgainstLastCheckpoint(reader: RecordReader, last: { size: number; root: Buffer } | undefined): void {
  const size = reader.size();
  if (!last) return;
  if (size < last.size)
    throw new Error(`public record: ${String(size)} entries stored, but a checkpoint of ${String(last.size)} was signed (an old backup?)`);
  for (let from = 0; from < size; from += 4096) {
    const entries = reader.entries(from, Math.min(size, from + 4096));
    const leaves = reader.hashes(0, from, from + entries.length);
    entries.forEach((entry, at) => {
      if (!leaves[at]?.equals(leafHash(entry))) throw new Error(`public record: entry ${String(from + at)} does not match its stored hash`);
    });
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
  const reader = recordReader(db);
  const read = <T>(use: (held: RecordReader) => T): Promise<T> => db.connection().execute(() => Promise.resolve(use(reader)));
  const last = await db.selectFrom('record_checkpoints').selectAll().orderBy('size', 'desc').limit(1).executeTakeFirst();
  await read((held) => checkRecordAgainstLastCheckpoint(held, last));
  let latest = last ? { size: last.size, note: last.note, at: Date.parse(last.signed_at) } : undefined;
  return {
    origin,
    verifierKey: verifierKey(origin, createPublicKey(key)),
    read,
    async checkpoint() {
      const size = await read((held) => held.size());
      if (latest && (latest.size === size || Date.now() - latest.at < SIGN_AT_MOST_EVERY_MS)) return latest.note;
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
