import type { Kysely } from 'kysely';
import type { ContentPack } from '../../protocol/contentPack.js';
import type { CentralDatabase, StaffRole } from '../db/schema.js';
import { atRecordedTime } from '../services/clock.js';
import { latestContentPack } from '../services/content.js';
import { createStaffUser } from '../services/staffAuth.js';
import type { VoteKeys } from '../services/voteCheck.js';
import { seedDemoDesks } from './demoDesks.js';
import { seedDemoFeedback } from './demoFeedback.js';
import { seedDemoResults } from './demoResults.js';

/** Demo accounts, one per role; the README lists them. Never used outside `npm start`. */
export const DEMO_STAFF: ReadonlyArray<{ username: string; password: string; role: StaffRole }> = [
  { username: 'admin', password: 'demo-admin-password', role: 'admin' },
  { username: 'editor', password: 'demo-editor-password', role: 'editor' },
  { username: 'responder', password: 'demo-responder-password', role: 'responder' },
];

/** How far back the demo's history starts: its staff accounts exist before the first feedback they answer. */
const HISTORY_DAYS = 151;

/**
 * The demo's past, before Central publishes its starter content (startCentral):
 * staff accounts, then five months of feedback replayed through ingest and
 * the feedback service at their own times, so the public record's times run
 * forward from its first entry to now.
 */
export async function seedDemoHistory(db: Kysely<CentralDatabase>, keys: VoteKeys, starter: ContentPack | undefined): Promise<void> {
  const existing = await db.selectFrom('staff_users').select('username').execute();
  if (existing.length === 0)
    await atRecordedTime(new Date(Date.now() - HISTORY_DAYS * 86_400_000), async () => {
      for (const user of DEMO_STAFF) await createStaffUser(db, user.username, user.password, user.role);
    });
  const pack = starter ?? (await latestContentPack(db));
  await seedDemoFeedback(db, keys, pack?.services.map((service) => service.id) ?? ['civil-registry'], pack?.version ?? 1);
}

/** The demo's present, after the starter content: a published result and desks with QR cards. */
export async function seedDemoData(db: Kysely<CentralDatabase>): Promise<void> {
  const pack = await latestContentPack(db);
  await seedDemoResults(db);
  await seedDemoDesks(db, pack?.services.map((service) => service.id) ?? ['civil-registry']);
}
