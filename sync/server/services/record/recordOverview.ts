import { sql, type Kysely } from 'kysely';
import type { LocalizedText } from '../../../protocol/languages.js';
import type { CentralDatabase } from '../../db/schema.js';
import { latestContentPack } from '../content.js';
import { cosignedCheckpoint } from './cosignatures.js';
import type { RecordSigner } from './recordSigner.js';

export interface ProcessSummary {
  readonly kind: 'survey' | 'ballot';
  readonly id: string;
  readonly title: LocalizedText;
  readonly opensAt: string;
  readonly closesAt: string;
  readonly resultsPublished: boolean;
  /** Submissions accepted for it, counted from the log's own entries (their `process`). */
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
 * that cosigned it (and the latest checkpoint any kiosk cosigned), and each
 * current survey and ballot with its participation as the log counts it.
 * (One scan of the entries per request: a cache per checkpoint is the next step at scale.)
 */
export async function recordOverview(db: Kysely<CentralDatabase>, signer: RecordSigner): Promise<RecordOverview> {
  const { size, witnesses } = await cosignedCheckpoint(db, signer);
  const signed = await db.selectFrom('record_checkpoints').select('signed_at').where('size', '=', size).executeTakeFirst();
  const last = await db
    .selectFrom('record_cosignatures')
    .select((eb) => ['size', eb.fn.countAll<number>().as('count')])
    .groupBy('size')
    .orderBy('size', 'desc')
    .limit(1)
    .executeTakeFirst();
  const { rows } = await sql<{ process: string; n: number }>`
    SELECT json_extract(CAST(entry AS TEXT), '$.detail.process') AS process, count(*) AS n
      FROM record_entries WHERE idx < ${size} AND process IS NOT NULL GROUP BY process`.execute(db);
  const counted = new Map(rows.map((row) => [row.process, Number(row.n)]));
  const pack = await latestContentPack(db);
  const published = new Set((pack?.results ?? []).map((result) => `${result.kind}:${result.id}`));
  const summary = (kind: 'survey' | 'ballot', item: { id: string; title: LocalizedText; opensAt: string; closesAt: string }) => ({
    kind,
    id: item.id,
    title: item.title,
    opensAt: item.opensAt,
    closesAt: item.closesAt,
    resultsPublished: published.has(`${kind}:${item.id}`),
    participation: counted.get(`${kind}:${item.id}`) ?? 0,
  });
  return {
    size,
    signedAt: signed?.signed_at,
    witnesses,
    lastWitnessed: last ? { size: last.size, count: Number(last.count) } : undefined,
    processes: [
      ...(pack?.surveys ?? []).map((survey) => summary('survey', survey)),
      ...(pack?.ballots ?? []).map((ballot) => summary('ballot', ballot)),
    ],
  };
}
