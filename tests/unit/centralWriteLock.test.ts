import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openCentralDb } from '../../sync/central/db/openCentralDb.js';
import { createStaffUser } from '../../sync/central/services/staffAuth.js';
import { makeTempDir } from '../support/tempDir.js';

// Central's CLI (add-staff, enrol-token, revoke) writes to the same SQLite file as
// the running server. A CI run once failed with "database is locked" when the
// server committed between a CLI transaction's first read and its first write.
describe("Central's write transactions beside another connection", () => {
  it('take the write lock when they begin, so a second writer waits instead of breaking one halfway', async () => {
    const dir = makeTempDir('central-write-lock');
    const db = await openCentralDb(dir.path);
    // The other process: a second connection to the same file that does not wait at all.
    const other = new BetterSqlite3(join(dir.path, 'central.sqlite'));
    other.pragma('busy_timeout = 0');
    try {
      let otherWrite: unknown = 'not tried';
      await db.transaction().execute(async (trx) => {
        await trx.selectFrom('staff_users').select('username').execute();
        try {
          other.prepare("INSERT INTO ledger (recorded_at, kind, subject, detail_json) VALUES ('now', 'test', 'x', '{}')").run();
          otherWrite = 'committed';
        } catch (error) {
          otherWrite = (error as { code?: string }).code;
        }
        await trx
          .insertInto('staff_users')
          .values({ username: 'lela', password_hash: 'x', role: 'admin', created_at: 'now', disabled_at: null })
          .execute();
      });
      expect(otherWrite).toBe('SQLITE_BUSY');
      // Once the transaction ends, the other writer's turn comes, and the staff CLI's own path works beside it.
      other.prepare("INSERT INTO ledger (recorded_at, kind, subject, detail_json) VALUES ('now', 'test', 'x', '{}')").run();
      await createStaffUser(db, 'nino', 'responder-password-1', 'responder');
      const names = await db.selectFrom('staff_users').select('username').orderBy('username').execute();
      expect(names.map((row) => row.username)).toEqual(['lela', 'nino']);
    } finally {
      other.close();
      await db.destroy();
      dir.remove();
    }
  });
});
