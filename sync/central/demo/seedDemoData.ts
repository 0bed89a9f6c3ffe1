import type { Kysely } from 'kysely';
import type { CentralDatabase, StaffRole } from '../db/schema.js';
import { latestContentPack } from '../services/content.js';
import { createStaffUser } from '../services/staffAuth.js';
import { seedDemoDesks } from './demoDesks.js';
import { seedDemoFeedback } from './demoFeedback.js';
import { seedDemoResults } from './demoResults.js';

/** Demo accounts, one per role; the README lists them. Never used outside `npm start`. */
export const DEMO_STAFF: ReadonlyArray<{ username: string; password: string; role: StaffRole }> = [
  { username: 'admin', password: 'demo-admin-password', role: 'admin' },
  { username: 'editor', password: 'demo-editor-password', role: 'editor' },
  { username: 'responder', password: 'demo-responder-password', role: 'responder' },
];

export async function seedDemoData(db: Kysely<CentralDatabase>): Promise<void> {
  const existing = await db.selectFrom('staff_users').select('username').execute();
  if (existing.length === 0) {
    for (const user of DEMO_STAFF) await createStaffUser(db, user.username, user.password, user.role);
  }
  const pack = await latestContentPack(db);
  await seedDemoFeedback(db, pack?.services.map((service) => service.id) ?? ['civil-registry']);
  await seedDemoResults(db);
  await seedDemoDesks(db, pack?.services.map((service) => service.id) ?? ['civil-registry']);
}
