import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../db/schema.js';
import { addBranch, addDesk, listBranches } from '../services/desks.js';

/** The branches of the demo's feedback (demoFeedback.ts), so public pages name them rather than show their ids. */
export const DEMO_BRANCHES = [
  { id: 'tbilisi-central', code: 'TB01', nameKa: 'თბილისის ცენტრალური იუსტიციის სახლი', nameEn: 'Tbilisi Central Public Service Hall' },
  { id: 'tbilisi-saburtalo', code: 'TB02', nameKa: 'საბურთალოს იუსტიციის სახლი', nameEn: 'Saburtalo Public Service Hall' },
  { id: 'batumi', code: 'BT01', nameKa: 'ბათუმის იუსტიციის სახლი', nameEn: 'Batumi Public Service Hall' },
  { id: 'kutaisi', code: 'KT01', nameKa: 'ქუთაისის იუსტიციის სახლი', nameEn: 'Kutaisi Public Service Hall' },
  { id: 'rustavi', code: 'RS01', nameKa: 'რუსთავის იუსტიციის სახლი', nameEn: 'Rustavi Public Service Hall' },
  { id: 'zugdidi', code: 'ZG01', nameKa: 'ზუგდიდის იუსტიციის სახლი', nameEn: 'Zugdidi Public Service Hall' },
] as const;

/**
 * The demo's branches, the demo kiosk's branch and desk (kiosk-config/demo/demoKiosk.json:
 * tbilisi-central, desk-7) and a second desk, so `npm start` shows desk
 * cards and phone pages at /D/TB01-07 at once.
 */
export async function seedDemoDesks(db: Kysely<CentralDatabase>, services: readonly string[]): Promise<void> {
  if ((await listBranches(db)).length > 0) return;
  for (const branch of DEMO_BRANCHES) await addBranch(db, branch);
  const first = services[0] ?? 'civil-registry';
  await addDesk(db, { branchId: 'tbilisi-central', id: 'desk-7', number: 7, services: [first] }, services);
  await addDesk(db, { branchId: 'tbilisi-central', id: 'desk-8', number: 8, services: [...services] }, services);
}
