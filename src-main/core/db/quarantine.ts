import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';

export const DB_FILE = 'kiosk.sqlite';
const COMPANIONS = ['', '-wal', '-shm'];

/**
 * Moves the database and its -wal/-shm files together into quarantine/<time>/.
 * Never deletes: a technician (or a recovery tool) may still save rows from it.
 */
export function quarantineDatabase(dataDir: string, now = new Date()): string {
  const folder = join(dataDir, 'quarantine', now.toISOString().replace(/[:.]/g, '-'));
  mkdirSync(folder, { recursive: true });
  for (const suffix of COMPANIONS) {
    const file = join(dataDir, `${DB_FILE}${suffix}`);
    if (existsSync(file)) renameSync(file, join(folder, `${DB_FILE}${suffix}`));
  }
  return folder;
}
