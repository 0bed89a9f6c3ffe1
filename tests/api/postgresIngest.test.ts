import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoContentPack } from '../../kiosk-config/demo/demoContentPack.js';
import { openCentralDb } from '../../sync/central/db/openCentralDb.js';
import type { CentralDatabase } from '../../sync/central/db/schema.js';
import { publishContentPack } from '../../sync/central/services/content.js';
import { ingestBatch } from '../../sync/central/services/ingest.js';
import { loadSealingKey } from '../../sync/central/services/sealingKey.js';
import { loadVoterKey } from '../../sync/central/services/voterKey.js';
import { ratingEnvelope } from '../support/envelope.js';
import { makeTempDir } from '../support/tempDir.js';
import { testDatabase } from '../support/testCentral.js';

// Two Centrals' connections to one PostgreSQL, in one process: each its own Kysely and pool, as two
// Central processes have. Only in the `postgres` project.
const dir = makeTempDir('postgres-ingest');
const dbs: Array<Kysely<CentralDatabase>> = [];
const DEVICES = 8;

beforeAll(async () => {
  const database = await testDatabase(dir.path);
  if (!database) throw new Error('this suite runs in the postgres project only');
  for (let central = 0; central < 2; central += 1) dbs.push(await openCentralDb(dir.path, database));
  const [db] = dbs;
  if (!db) throw new Error('no database');
  await publishContentPack(db, demoContentPack);
  await db
    .insertInto('devices')
    .values(
      Array.from({ length: DEVICES }, (_, n) => ({
        id: `device-${String(n)}`,
        kiosk_id: `kiosk-${String(n)}`,
        branch_id: 'b',
        public_key: 'unused: these batches are not signed requests',
        enrolled_at: new Date().toISOString(),
        revoked_at: null,
        last_ingest_at: null,
      })),
    )
    .execute();
});
afterAll(async () => {
  for (const db of dbs) await db.destroy();
  dir.remove();
});

describe('ingest on PostgreSQL', () => {
  it('lets two Centrals ingest at the same moment: every batch stored, the log in one order without a gap', async () => {
    const keys = { sealingKey: loadSealingKey(dir.path), voterKeyOf: loadVoterKey(dir.path) };
    let seq = 0;
    for (let round = 0; round < 10; round += 1) {
      // Every device's batch at once, alternately through each Central: they meet at the log's next index.
      const batches = Array.from({ length: DEVICES }, (_, n) => {
        const db = dbs[n % 2];
        if (!db) throw new Error('no database');
        seq += 1;
        return ingestBatch(db, keys, `device-${String(n)}`, [ratingEnvelope(seq), ratingEnvelope(seq + 1000)]);
      });
      const receipts = (await Promise.all(batches)).flat();
      expect(receipts.map((receipt) => receipt.status)).toEqual(Array(2 * DEVICES).fill('accepted'));
    }
    const [db] = dbs;
    if (!db) throw new Error('no database');
    const entries = await db.selectFrom('record_entries').select('idx').orderBy('idx').execute();
    expect(entries.map((row) => row.idx)).toEqual(entries.map((_, at) => at));
    const submissions = await db
      .selectFrom('submissions')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(submissions.n).toBe(10 * 2 * DEVICES);
  });

  it('refuses to change or remove what the public record holds, in the database itself', async () => {
    const [db] = dbs;
    if (!db) throw new Error('no database');
    const count = async () =>
      (
        await db
          .selectFrom('record_entries')
          .select(({ fn }) => fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const before = await count();
    expect(before).toBeGreaterThan(0);
    // A trigger for each row fires on none in an empty table: the entries are the table that holds rows here.
    await expect(sql`UPDATE record_entries SET idx = idx`.execute(db)).rejects.toThrow(
      'the public record is append-only: UPDATE on record_entries refused',
    );
    await expect(sql`DELETE FROM record_entries`.execute(db)).rejects.toThrow(
      'the public record is append-only: DELETE on record_entries refused',
    );
    expect(await count()).toBe(before);
  });
});
