import type { Kysely } from 'kysely';
import { withoutRowid } from './portable.js';

// Immutable once released: later changes are new numbered files.
export async function up(db: Kysely<unknown>): Promise<void> {
  // The texts a phone page's Listen button may speak: written by the page that shows the button (only public
  // content: questions and their choices), read by /listen/<key>.wav, which synthesises each once and caches it.
  // In the database rather than in memory, so a Central restarted, or another Central process, still knows them.
  await db.schema
    .createTable('spoken_texts')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .$call(withoutRowid(db))
    .execute();
}
