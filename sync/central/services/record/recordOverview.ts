import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../../db/schema.js';
import { latestContentPack } from '../content.js';
import { cosignedCheckpoint } from './cosignatures.js';
import type { ProcessIndex } from './processIndex.js';
import { PARTICIPATION_MEASURES, processView, recordProcesses, type ProcessView } from './processView.js';
import type { RecordSigner } from './recordSigner.js';

export interface ProcessSummary {
  readonly view: ProcessView;
  /** Submissions accepted for it, as the signed log counts them (its entries' `process`, or feedback's branch). */
  readonly participation: number;
}

export interface RecordOverview {
  readonly size: number;
  readonly signedAt: string | undefined;
  readonly witnesses: number;
  readonly lastWitnessed: { readonly size: number; readonly count: number } | undefined;
  readonly processes: readonly ProcessSummary[];
}

/**
 * The public record's home page figures: the latest checkpoint, the kiosks
 * that cosigned it (and the latest checkpoint any kiosk cosigned), and every
 * process with its participation, from the log's index at that checkpoint
 * (processIndex.ts: each entry read once, not a scan per request).
 */
export async function recordOverview(db: Kysely<CentralDatabase>, signer: RecordSigner, index: ProcessIndex): Promise<RecordOverview> {
  const { size, witnesses } = await cosignedCheckpoint(db, signer);
  const record = await index.upTo(size);
  const signed = await db.selectFrom('record_checkpoints').select('signed_at').where('size', '=', size).executeTakeFirst();
  const last = await db
    .selectFrom('record_latest_cosignatures')
    .select((eb) => ['size', eb.fn.countAll<number>().as('count')])
    .groupBy('size')
    .orderBy('size', 'desc')
    .limit(1)
    .executeTakeFirst();
  const pack = await latestContentPack(db);
  const processes = recordProcesses(record, pack).flatMap(({ kind, id }) => {
    const view = processView(record, pack, kind, id);
    if (!view) return [];
    const participation = view.totals
      .filter((total) => PARTICIPATION_MEASURES.includes(total.measure))
      .reduce((sum, total) => sum + total.count, 0);
    return [{ view, participation }];
  });
  return {
    size,
    signedAt: signed?.signed_at,
    witnesses,
    lastWitnessed: last ? { size: last.size, count: Number(last.count) } : undefined,
    processes,
  };
}
