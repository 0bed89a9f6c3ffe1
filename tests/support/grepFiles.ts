import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `dir` (recursively) whose bytes contain `needle` (UTF-8): for "never stored in clear" checks. */
export function filesContaining(dir: string, needle: string): string[] {
  const bytes = Buffer.from(needle, 'utf8');
  const found: string[] = [];
  const walk = (path: string) => {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) readdirSync(path).forEach((name) => walk(join(path, name)));
    else if (stat.isFile() && readFileSync(path).includes(bytes)) found.push(path);
  };
  walk(dir);
  return found;
}
