import type { SubmissionEnvelope } from '../../../sync/protocol/submission.js';
import type { DeadLetters } from '../outbox/deadLetters.js';
import type { OutboxQueries } from '../outbox/outboxQueries.js';
import { CentralError, type CentralClient } from './centralClient.js';
import type { RequestSigner } from './requestSigner.js';

interface PushDeps {
  readonly central: CentralClient;
  readonly signer: RequestSigner;
  readonly outbox: OutboxQueries;
  readonly deadLetters: DeadLetters;
  readonly batchSize: number;
}

/**
 * Sends every pending item, oldest first, in batches. Items change state only
 * from receipts. When Central refuses a batch as invalid (400/413/422), the
 * batch is halved until the refused item is alone; that item becomes a dead
 * letter and the rest go through, so one bad item never blocks the queue.
 */
export async function pushPending({ central, signer, outbox, deadLetters, batchSize }: PushDeps): Promise<void> {
  const pushBatch = async (items: readonly SubmissionEnvelope[]): Promise<void> => {
    try {
      const { receipts } = await central.push(signer, { items: [...items] });
      const sent = new Set(items.map((item) => item.id));
      outbox.applyReceipts(receipts.filter((receipt) => sent.has(receipt.id)));
    } catch (error) {
      if (error instanceof CentralError && error.kind === 'rejected') {
        const [only] = items;
        if (items.length === 1 && only) return deadLetters.markDead(only.id, 'rejected', error.message);
        const middle = Math.ceil(items.length / 2);
        await pushBatch(items.slice(0, middle));
        return pushBatch(items.slice(middle));
      }
      outbox.markFailure(
        items.map((item) => item.id),
        (error as Error).message,
      );
      throw error;
    }
  };

  for (let batch = outbox.pendingBatch(batchSize); batch.length > 0; batch = outbox.pendingBatch(batchSize)) {
    await pushBatch(batch);
    // Receipts that acknowledged nothing would loop forever; leave the rest for the next round.
    if (outbox.pendingBatch(batchSize)[0]?.id === batch[0]?.id) break;
  }
}
