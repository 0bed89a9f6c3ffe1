import { createPublicKey } from 'node:crypto';
import type { Kysely } from 'kysely';
import { witnessName } from '../../../protocol/witness.js';
import { parseCheckpoint } from '../../../record/checkpoint.js';
import { openCosignature } from '../../../record/cosignature.js';
import { parseNote } from '../../../record/note.js';
import type { RecordSigner } from './recordSigner.js';
import type { CentralDatabase } from '../../db/schema.js';
import { centralNow } from '../clock.js';

/** A cosignature dated further ahead than this is refused (a kiosk clock far off is a technician's problem, not the record's). */
const MAX_FUTURE_SECONDS = 10 * 60;
/**
 * The witnesses' history keeps a kiosk's first cosignature in each such span:
 * when it saw the record at what size, hour by hour, without the 240 rounds of
 * an opening hour (docs/decisions.md, "A kiosk's latest cosignature is served,
 * its first in each hour kept").
 */
export const COSIGNATURE_HISTORY_EVERY_MS = 60 * 60 * 1000;

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
  now: Date = centralNow(),
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
  await keepCosignature(db, { size: checkpoint.size, device_id: deviceId, timestamp: opened.timestamp, line }, now);
  return { witnesses: await witnessCount(db, checkpoint.size) };
}

type Cosignature = { readonly size: number; readonly device_id: string; readonly timestamp: number; readonly line: string };

/**
 * Serves the cosignature as the kiosk's latest (never replacing a later
 * checkpoint's), and adds it to the history when the kiosk's last history
 * row is an hour old or it has none.
 */
async function keepCosignature(db: Kysely<CentralDatabase>, cosignature: Cosignature, now: Date): Promise<void> {
  const receivedAt = now.toISOString();
  const latest = await db
    .selectFrom('record_latest_cosignatures')
    .select(['size', 'history_at'])
    .where('device_id', '=', cosignature.device_id)
    .executeTakeFirst();
  if (latest && latest.size > cosignature.size) return;
  const intoHistory = !latest || Date.parse(latest.history_at) <= now.getTime() - COSIGNATURE_HISTORY_EVERY_MS;
  if (intoHistory)
    await db
      .insertInto('record_cosignatures')
      .values({ ...cosignature, received_at: receivedAt })
      .onConflict((c) => c.doNothing())
      .execute();
  const historyAt = intoHistory || !latest ? receivedAt : latest.history_at;
  await db
    .insertInto('record_latest_cosignatures')
    .values({ ...cosignature, received_at: receivedAt, history_at: historyAt })
    .onConflict((c) =>
      c.column('device_id').doUpdateSet({
        size: cosignature.size,
        timestamp: cosignature.timestamp,
        line: cosignature.line,
        received_at: receivedAt,
        history_at: historyAt,
      }),
    )
    .execute();
}

async function witnessCount(db: Kysely<CentralDatabase>, size: number): Promise<number> {
  const { n } = await db
    .selectFrom('record_latest_cosignatures')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('size', '=', size)
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** The kiosks' cosignature lines of the checkpoint of `size`, in the order they came, for the served note. */
export async function cosignatureLines(db: Kysely<CentralDatabase>, size: number): Promise<string[]> {
  const rows = await db.selectFrom('record_latest_cosignatures').select('line').where('size', '=', size).orderBy('received_at').execute();
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
