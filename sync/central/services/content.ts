import type { Kysely, Transaction } from 'kysely';
import { ContentPack } from '../../protocol/contentPack.js';
import type { CentralDatabase } from '../db/schema.js';
import { appendLedger } from './ledger.js';
import { contentEvents } from './record/contentEvents.js';

/**
 * Packs parsed once per version (a published version never changes): phones
 * ask for the newest, and a survey's pages for the version it was started in,
 * on every page. A few versions are kept per database, the newest last.
 */
const parsedPacks = new WeakMap<Kysely<CentralDatabase>, Map<number, ContentPack>>();
const KEPT_VERSIONS = 4;

async function packOfVersion(db: Kysely<CentralDatabase>, version: number): Promise<ContentPack | undefined> {
  let packs = parsedPacks.get(db);
  if (!packs) parsedPacks.set(db, (packs = new Map<number, ContentPack>()));
  const cached = packs.get(version);
  if (cached) return cached;
  const row = await db.selectFrom('content_packs').select('body_json').where('version', '=', version).executeTakeFirst();
  if (!row) return undefined;
  const pack = ContentPack.parse(JSON.parse(row.body_json));
  packs.set(version, pack);
  for (const old of packs.keys()) if (packs.size > KEPT_VERSIONS) packs.delete(old);
  return pack;
}

export async function latestContentPack(db: Kysely<CentralDatabase>): Promise<ContentPack | undefined> {
  const newest = await db.selectFrom('content_packs').select('version').orderBy('version', 'desc').limit(1).executeTakeFirst();
  return newest ? packOfVersion(db, newest.version) : undefined;
}

/** One published version (a phone's survey is finished in the version it was started in, as on a kiosk). */
export const contentPackOfVersion = (db: Kysely<CentralDatabase>, version: number): Promise<ContentPack | undefined> =>
  packOfVersion(db, version);

/**
 * Publishes a pack, in the caller's transaction or its own; versions only go
 * up, a published version never changes. Returns false when that version was
 * already published (by someone else meanwhile).
 */
export async function publishContentPack(db: Kysely<CentralDatabase> | Transaction<CentralDatabase>, pack: ContentPack): Promise<boolean> {
  const valid = ContentPack.parse(pack);
  const publish = async (trx: Transaction<CentralDatabase>): Promise<boolean> => {
    const inserted = await trx
      .insertInto('content_packs')
      .values({ version: valid.version, body_json: JSON.stringify(valid), published_at: valid.publishedAt })
      .onConflict((oc) => oc.column('version').doNothing())
      .executeTakeFirst();
    if ((inserted.numInsertedOrUpdatedRows ?? 0n) !== 1n) return false;
    await appendLedger(trx, 'content.published', `v${valid.version}`, {});
    // Each survey, ballot and result the pack publishes, changes or withdraws, in the same commit.
    const previous = await trx
      .selectFrom('content_packs')
      .select('body_json')
      .where('version', '<', valid.version)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    const before = previous ? ContentPack.parse(JSON.parse(previous.body_json)) : undefined;
    for (const event of contentEvents(before, valid)) await appendLedger(trx, event.kind, event.subject, event.detail);
    return true;
  };
  return db.isTransaction ? publish(db as Transaction<CentralDatabase>) : db.transaction().execute(publish);
}
