import { sql, type Kysely } from 'kysely';
import { withoutRowid } from './portable.js';

// Immutable once released: later changes are new numbered files.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Each kiosk's latest cosignature, the one served with the checkpoint it cosigned (issue #34). From here
  // record_cosignatures is the witnesses' history: a kiosk's first cosignature in each hour, still append-only.
  // A later cosignature by the same kiosk covers every earlier one (the kiosk checked consistency first), so
  // the rest were 95% of a national Central's growth and told nobody anything new (docs/decisions.md).
  // history_at: when this kiosk's newest history row was kept.
  await db.schema
    .createTable('record_latest_cosignatures')
    .addColumn('device_id', 'text', (column) => column.primaryKey())
    .addColumn('size', 'integer', (column) => column.notNull())
    .addColumn('timestamp', 'integer', (column) => column.notNull())
    .addColumn('line', 'text', (column) => column.notNull())
    .addColumn('received_at', 'text', (column) => column.notNull())
    .addColumn('history_at', 'text', (column) => column.notNull())
    .$call(withoutRowid(db))
    .execute();
  await db.schema.createIndex('record_latest_cosignatures_size').on('record_latest_cosignatures').column('size').execute();
  // Every kiosk that cosigned before keeps serving its latest line; the join is on the history's key.
  await sql`
    INSERT INTO record_latest_cosignatures (device_id, size, timestamp, line, received_at, history_at)
    SELECT c.device_id, c.size, c.timestamp, c.line, c.received_at, c.received_at
    FROM record_cosignatures c
    JOIN (SELECT device_id, MAX(size) AS size FROM record_cosignatures GROUP BY device_id) latest
      ON latest.device_id = c.device_id AND latest.size = c.size`.execute(db);
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Central migrations are forward-only'));
}
