import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, openCentralDb } from '../../sync/central/db/openCentralDb.js';
import { reconcileSummary } from '../../sync/central/services/reconcile.js';
import { levelsOf, leafHash, treeHash } from '../../sync/record/merkle.js';
import { openRecordSigner } from '../../sync/central/services/record/recordSigner.js';
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

  it('0010 drops the stored leaf hashes of a 0009 record, and Central still proves the root it signed', async () => {
    const dir = makeTempDir('central-migrations');
    try {
      // A record as 0009's appends left it: entries, every complete subtree's hash from level 0 up, a signed root.
      const old = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new BetterSqlite3(join(dir.path, 'central.sqlite')) }) });
      const { error } = await new Migrator({ db: old, provider: { getMigrations: () => Promise.resolve(MIGRATIONS) } }).migrateTo(
        '0009_public_record',
      );
      expect(error).toBeUndefined();
      const entries = Array.from({ length: 13 }, (_, at) => Buffer.from(`{"n":${String(at)}}`));
      const read = levelsOf(entries.map(leafHash));
      for (const [idx, entry] of entries.entries())
        await sql`INSERT INTO record_entries (idx, entry) VALUES (${idx}, ${entry})`.execute(old);
      for (let level = 0, count = 13; count > 0; level += 1, count = Math.floor(count / 2))
        for (let idx = 0; idx < count; idx += 1)
          await sql`INSERT INTO record_hashes (level, idx, hash) VALUES (${level}, ${idx}, ${read(level, idx)})`.execute(old);
      await sql`INSERT INTO record_checkpoints (size, root, note, signed_at) VALUES (13, ${treeHash(13, read)}, 'n', ${new Date().toISOString()})`.execute(
        old,
      );
      await old.destroy();

      const db = await openCentralDb(dir.path);
      const rows = await sql<{
        level: number;
        n: number;
      }>`SELECT level, count(*) AS n FROM record_hashes GROUP BY level ORDER BY level`.execute(db);
      expect(rows.rows).toEqual([
        { level: 1, n: 6 },
        { level: 2, n: 3 },
        { level: 3, n: 1 },
      ]);
      // The signer's start-up check passes: the tree without stored leaves still has the signed root.
      const signer = await openRecordSigner(db, dir.path);
      expect(await signer.read((reader) => reader.root(13).equals(treeHash(13, read)))).toBe(true);
      await expect(sql`DELETE FROM record_hashes`.execute(db)).rejects.toThrow(/append-only/);
      await db.destroy();
    } finally {
      dir.remove();
    }
  });

  it("0021 serves each kiosk's latest cosignature from before, and leaves the history as it was", async () => {
    const dir = makeTempDir('central-migrations');
    try {
      const old = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new BetterSqlite3(join(dir.path, 'central.sqlite')) }) });
      const { error } = await new Migrator({ db: old, provider: { getMigrations: () => Promise.resolve(MIGRATIONS) } }).migrateTo(
        '0020_rate_limits',
      );
      expect(error).toBeUndefined();
      // Kiosk a cosigned three checkpoints, kiosk b one: every round was kept before 0021.
      for (const [device, size] of [
        ['a', 5],
        ['a', 9],
        ['a', 7],
        ['b', 5],
      ] as const) {
        await sql`INSERT INTO record_cosignatures (size, device_id, timestamp, line, received_at)
                  VALUES (${size}, ${device}, ${size}, ${`line ${device} ${String(size)}`}, ${`2026-12-07T10:0${String(size)}:00.000Z`})`.execute(
          old,
        );
      }
      await old.destroy();

      const db = await openCentralDb(dir.path);
      const latest = await db
        .selectFrom('record_latest_cosignatures')
        .select(['device_id', 'size', 'line', 'history_at'])
        .orderBy('device_id')
        .execute();
      expect(latest).toEqual([
        { device_id: 'a', size: 9, line: 'line a 9', history_at: '2026-12-07T10:09:00.000Z' },
        { device_id: 'b', size: 5, line: 'line b 5', history_at: '2026-12-07T10:05:00.000Z' },
      ]);
      expect((await db.selectFrom('record_cosignatures').select('size').execute()).length).toBe(4);
      await db.destroy();
    } finally {
      dir.remove();
    }
  });
});
