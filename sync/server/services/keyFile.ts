import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A secret of Central's in its keys folder (`<data>/keys`, 0700; the file
 * 0600, re-applied at every start): created on first use by `create`, written
 * to a temporary file and renamed so a crash never leaves half a key, and
 * never kept in the database. Returns the file's contents.
 */
export function keyFile(dataDir: string, name: string, create: () => string | Buffer): Buffer {
  const dir = join(dataDir, 'keys');
  const file = join(dir, name);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(`${file}.tmp`, create(), { mode: 0o600 });
    renameSync(`${file}.tmp`, file);
  }
  chmodSync(file, 0o600);
  return readFileSync(file);
}
