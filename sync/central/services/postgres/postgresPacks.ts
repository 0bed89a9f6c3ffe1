import type pg from 'pg';
import { ContentPack } from '../../../protocol/contentPack.js';
import type { PackReader } from '../contentPacks.js';

/**
 * Published content packs for ingest on PostgreSQL: the versions a batch
 * names are fetched once, before its checks run, and kept (a published
 * version never changes). A version not published yet is asked again next time.
 */
export function createPostgresPacks() {
  const packs = new Map<number, ContentPack>();
  return {
    read: ((version) => packs.get(version) ?? null) satisfies PackReader,
    async load(client: pg.ClientBase, versions: readonly number[]): Promise<void> {
      const wanted = [...new Set(versions)].filter((version) => !packs.has(version));
      if (wanted.length === 0) return;
      const { rows } = await client.query<{ version: number; body_json: string }>({
        name: 'psh-ingest-packs',
        text: 'SELECT version, body_json FROM content_packs WHERE version = ANY($1::bigint[])',
        values: [wanted],
      });
      for (const row of rows) packs.set(row.version, ContentPack.parse(JSON.parse(row.body_json)));
    },
  };
}

export type PostgresPacks = ReturnType<typeof createPostgresPacks>;
