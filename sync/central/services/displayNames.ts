import type { Kysely } from 'kysely';
import { pickReadable, type Language, type LocalizedText } from '../../protocol/languages.js';
import type { CentralDatabase } from '../db/schema.js';
import { serviceNames } from './serviceNames.js';

/** What a page shows for an id: a name in the reader's language (an unknown id shows as itself). */
export interface DisplayNames {
  readonly service: (id: string) => string;
  readonly branch: (id: string) => string;
}

/** Ids shown as themselves: for pages and tests that have no names to give. */
export const ID_NAMES: DisplayNames = { service: (id) => id, branch: (id) => id };

/** Branch id -> its name in a language, from Central's branch table (the console's Branches page). */
export async function branchNames(db: Kysely<CentralDatabase>, language: Language): Promise<(id: string) => string> {
  const rows = await db.selectFrom('branches').select(['id', 'name_json']).execute();
  const names = new Map(rows.map((row) => [row.id, pickReadable(JSON.parse(row.name_json) as LocalizedText, language)]));
  return (id) => names.get(id) ?? id;
}

/** Services by the newest content pack, branches by the branch table: names, not slugs, on every public page. */
export async function displayNames(db: Kysely<CentralDatabase>, language: Language): Promise<DisplayNames> {
  const [service, branch] = await Promise.all([serviceNames(db, language), branchNames(db, language)]);
  return { service, branch };
}
