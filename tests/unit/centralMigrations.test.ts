import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, openCentralDb } from '../../sync/server/db/openCentralDb.js';
import { reconcileSummary } from '../../sync/server/services/reconcile.js';
import { makeTempDir } from '../support/tempDir.js';

describe('Central migrations', () => {
  it('0005 carries what each device already sent into its progress counters', async () => {
    const dir = makeTempDir('central-migrations');
    try {
      // A Central as it was before 0005, with submissions from two devices.
      const old = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new BetterSqlite3(join(dir.path, 'central.sqlite')) }) });
      const { error } = await new Migrator({ db: old, provider: { getMigrations: () => Promise.resolve(MIGRATIONS) } }).migrateTo(
        '0004_feedback_staff',
      );
      expect(error).toBeUndefined();
      for (const device of ['a', 'b']) {
        await sql`INSERT INTO devices (id, kiosk_id, branch_id, public_key, enrolled_at) VALUES (${device}, ${device}, 'x', 'k', 'now')`.execute(
          old,
        );
      }
      for (const [device, seq] of [
        ['a', 1],
        ['a', 2],
        ['a', 7],
        ['b', 3],
      ] as const) {
        await sql`INSERT INTO submissions (device_id, id, seq, type, payload_json, payload_sha256, claimed_created_at, received_at, content_version, confirmation_code)
                  VALUES (${device}, ${`${device}-${seq}`}, ${seq}, 'rating', '{}', 'h', 'now', 'now', 1, 'ABCDEF')`.execute(old);
      }
      await old.destroy();

      const db = await openCentralDb(dir.path);
      expect(await reconcileSummary(db, 'a')).toEqual({ count: 3, maxSeq: 7 });
      expect(await reconcileSummary(db, 'b')).toEqual({ count: 1, maxSeq: 3 });
      expect(await reconcileSummary(db, 'unknown')).toEqual({ count: 0, maxSeq: 0 });
      await db.destroy();
    } finally {
      dir.remove();
    }
  });
});
