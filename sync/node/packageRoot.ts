import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The folder of this build's package.json, found from wherever the code runs (sources, dist/node, an asar):
 * built assets are named from it, never by counting `..`. Shared by the kiosk's hosts and Central.
 */
export function findPackageRoot(from: string = import.meta.dirname): string | undefined {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
  }
  return undefined;
}

/** The version in package.json, reported in heartbeats. */
export function packageVersion(): string {
  const root = findPackageRoot();
  if (!root) return 'unknown';
  const parsed = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: unknown };
  return typeof parsed.version === 'string' ? parsed.version : 'unknown';
}
