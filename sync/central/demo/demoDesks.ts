import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../db/schema.js';
import { addBranch, addDesk, listBranches } from '../services/desks.js';

/**
 * The demo kiosk's branch and desk (kiosk-config/demo/demoKiosk.json:
 * tbilisi-central, desk-7) and a second desk, so `npm start` shows desk
 * cards and phone pages at /D/TB01-07 at once.
 */
export async function seedDemoDesks(db: Kysely<CentralDatabase>, services: readonly string[]): Promise<void> {
  if ((await listBranches(db)).length > 0) return;
  await addBranch(db, {
    id: 'tbilisi-central',
    code: 'TB01',
    nameKa: 'თბილისის ცენტრალური იუსტიციის სახლი',
    nameEn: 'Tbilisi Central Public Service Hall',
  });
  const first = services[0] ?? 'civil-registry';
  await addDesk(db, { branchId: 'tbilisi-central', id: 'desk-7', number: 7, services: [first] }, services);
  await addDesk(db, { branchId: 'tbilisi-central', id: 'desk-8', number: 8, services: [...services] }, services);
}
