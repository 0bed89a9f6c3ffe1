import type { Kysely } from 'kysely';
import { pickReadable, type Language } from '../../protocol/languages.js';
import type { CentralDatabase } from '../db/schema.js';
import { latestContentPack } from './content.js';

/** Service id -> its name in a language, from the newest content pack; unknown ids show as themselves. */
export async function serviceNames(db: Kysely<CentralDatabase>, language: Language): Promise<(id: string) => string> {
  const pack = await latestContentPack(db);
  const names = new Map(pack?.services.map((service) => [service.id, pickReadable(service.name, language)]) ?? []);
  return (id) => names.get(id) ?? id;
}
