import type { Kysely } from 'kysely';
import { inclusionProof } from '../../../record/merkle.js';
import { receiptLookup } from '../../../record/receipt.js';
import type { CentralDatabase } from '../../db/schema.js';
import { cosignedCheckpoint, type CosignedCheckpoint } from './cosignatures.js';
import type { RecordSigner } from './recordSigner.js';

export interface ReceiptView {
  readonly index: number;
  readonly entry: Buffer;
  readonly event: { readonly at: string; readonly kind: string; readonly subject: string; readonly detail: Record<string, unknown> };
  /** The latest checkpoint as served at /record/checkpoint, its size, root and witnesses (kiosks that cosigned it). */
  readonly checkpoint: CosignedCheckpoint;
  /** The inclusion proof of the entry in that checkpoint; absent while the entry is newer than it. */
  readonly proof: Buffer[] | undefined;
  /** A vote's fate: counted, or not (an earlier vote by the same person counts); absent for other submissions. */
  readonly counted?: boolean;
}

/**
 * What a receipt page shows: the entry its code finds, the latest checkpoint,
 * and the proof that the entry is in it. Nothing here is secret: the code's
 * holder sees their entry, which the whole public log already holds.
 */
export async function findReceipt(db: Kysely<CentralDatabase>, signer: RecordSigner, code: string): Promise<ReceiptView | undefined> {
  const row = await db.selectFrom('record_receipts').select('idx').where('lookup', '=', receiptLookup(code)).executeTakeFirst();
  if (!row) return undefined;
  const checkpoint = await cosignedCheckpoint(db, signer);
  const { size } = checkpoint;
  const { entry, proof } = await signer.read((reader) => ({
    entry: reader.entries(row.idx, row.idx + 1)[0],
    proof: row.idx < size ? inclusionProof(row.idx, size, reader.read) : undefined,
  }));
  if (!entry) return undefined;
  const event = JSON.parse(entry.toString('utf8')) as ReceiptView['event'];
  const vote =
    event.detail.type === 'vote'
      ? await db
          .selectFrom('votes')
          .select('counted')
          .where('device_id', '=', String(event.detail.device))
          .where('submission_id', '=', event.subject)
          .executeTakeFirst()
      : undefined;
  return {
    index: row.idx,
    entry,
    event,
    checkpoint,
    proof,
    ...(vote ? { counted: vote.counted === 1 } : {}),
  };
}
