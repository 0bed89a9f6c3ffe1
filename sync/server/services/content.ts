import type { Kysely } from 'kysely';
import { ContentPack } from '../../protocol/contentPack.js';
import type { CentralDatabase } from '../db/schema.js';
import { appendLedger } from './ledger.js';

export async function latestContentPack(db: Kysely<CentralDatabase>): Promise<ContentPack | undefined> {
  const row = await db.selectFrom('content_packs').select('body_json').orderBy('version', 'desc').limit(1).executeTakeFirst();
  return row ? ContentPack.parse(JSON.parse(row.body_json)) : undefined;
}

/** Publishes a pack; versions only go up, a published version never changes. */
export async function publishContentPack(db: Kysely<CentralDatabase>, pack: ContentPack): Promise<void> {
  const valid = ContentPack.parse(pack);
  await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('content_packs')
      .values({ version: valid.version, body_json: JSON.stringify(valid), published_at: valid.publishedAt })
      .onConflict((oc) => oc.column('version').doNothing())
      .executeTakeFirst();
    if ((inserted.numInsertedOrUpdatedRows ?? 0n) === 1n) await appendLedger(trx, 'content.published', `v${valid.version}`, {});
  });
}
