import { createPublicKey } from 'node:crypto';
import type { Kysely } from 'kysely';
import { witnessName } from '../../../protocol/witness.js';
import { parseCheckpoint } from '../../../record/checkpoint.js';
import { openCosignature } from '../../../record/cosignature.js';
import { parseNote } from '../../../record/note.js';
import type { RecordSigner } from './recordSigner.js';
import type { CentralDatabase } from '../../db/schema.js';

/** A cosignature dated further ahead than this is refused (a kiosk clock far off is a technician's problem, not the record's). */
const MAX_FUTURE_SECONDS = 10 * 60;

export type CosignOutcome = { readonly witnesses: number } | { readonly problem: string; readonly field: 'checkpoint' | 'cosignature' };

/**
 * Keeps a kiosk's cosignature of a checkpoint Central signed: the body must
 * be exactly one of Central's checkpoints (origin, size and root), and the
 * line must verify with the kiosk's enrolled key under its witness name.
 * Returns how many kiosks have now cosigned that checkpoint.
 */
export async function acceptCosignature(
  db: Kysely<CentralDatabase>,
  origin: string,
  deviceId: string,
  body: string,
  line: string,
): Promise<CosignOutcome> {
  let checkpoint;
  try {
    checkpoint = parseCheckpoint(body);
  } catch (error) {
    return { problem: (error as Error).message, field: 'checkpoint' };
  }
  const signed = await db.selectFrom('record_checkpoints').select('root').where('size', '=', checkpoint.size).executeTakeFirst();
  if (
    checkpoint.origin !== origin ||
    !signed?.root.equals(checkpoint.root) ||
    body !== `${origin}\n${String(checkpoint.size)}\n${checkpoint.root.toString('base64')}\n`
  )
    return { problem: 'not a checkpoint this Central signed', field: 'checkpoint' };
  const device = await db.selectFrom('devices').select('public_key').where('id', '=', deviceId).executeTakeFirstOrThrow();
  const opened = openCosignature(body, line, witnessName(origin, deviceId), createPublicKey(device.public_key));
  if (!opened) return { problem: `not a cosignature/v1 of this checkpoint by ${witnessName(origin, deviceId)}`, field: 'cosignature' };
  if (opened.timestamp > Date.now() / 1000 + MAX_FUTURE_SECONDS)
    return { problem: 'the cosignature is dated in the future', field: 'cosignature' };
  await db
    .insertInto('record_cosignatures')
    .values({ size: checkpoint.size, device_id: deviceId, timestamp: opened.timestamp, line, received_at: new Date().toISOString() })
    .onConflict((c) => c.doNothing())
    .execute();
  return { witnesses: await witnessCount(db, checkpoint.size) };
}

async function witnessCount(db: Kysely<CentralDatabase>, size: number): Promise<number> {
  const { n } = await db
    .selectFrom('record_cosignatures')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('size', '=', size)
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** The kiosks' cosignature lines of the checkpoint of `size`, in the order they came, for the served note. */
export async function cosignatureLines(db: Kysely<CentralDatabase>, size: number): Promise<string[]> {
  const rows = await db.selectFrom('record_cosignatures').select('line').where('size', '=', size).orderBy('received_at').execute();
  return rows.map((row) => row.line);
}

/** The latest checkpoint as served: Central's note with the kiosks' cosignatures of it as further signature lines. */
export interface CosignedCheckpoint {
  readonly note: string;
  readonly size: number;
  readonly root: Buffer;
  /** How many kiosks cosigned it (its cosignature lines). */
  readonly witnesses: number;
}

export async function cosignedCheckpoint(db: Kysely<CentralDatabase>, signer: RecordSigner): Promise<CosignedCheckpoint> {
  const signed = await signer.checkpoint();
  const { size, root } = parseCheckpoint(parseNote(signed).text);
  const lines = await cosignatureLines(db, size);
  return { note: signed + lines.map((line) => `${line}\n`).join(''), size, root, witnesses: lines.length };
}
