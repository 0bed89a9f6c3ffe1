import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A secret of Central's in its keys folder (`<data>/keys`, 0700; the file
 * 0600, re-applied at every start): created on first use by `create`, written
 * to a temporary file and linked into place so a crash never leaves half a key, and
 * never kept in the database. Returns the file's contents.
 */
export function keyFile(dataDir: string, name: string, create: () => string | Buffer): Buffer {
  const dir = join(dataDir, 'keys');
  const file = join(dir, name);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // Two Centrals sharing a data folder may start at once: each writes its own temporary file and
    // links it into place, which fails if the other got there first; both then read the one key that won.
    const temporary = `${file}.${String(process.pid)}.tmp`;
    writeFileSync(temporary, create(), { mode: 0o600 });
    try {
      linkSync(temporary, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(temporary);
    }
  }
  chmodSync(file, 0o600);
  return readFileSync(file);
}
