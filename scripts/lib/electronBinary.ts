import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ELECTRON_DIR = join(import.meta.dirname, '..', '..', 'node_modules', 'electron');

/** The installed electron package's version (its binary may still be missing). */
export function electronVersion(): string {
  const manifest = JSON.parse(readFileSync(join(ELECTRON_DIR, 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

/**
 * The Electron binary's path when one is really installed: ELECTRON_PATH (a
 * binary), ELECTRON_OVERRIDE_DIST_PATH (its folder), or the one the electron
 * package downloaded. Requiring 'electron' would try to download it (v45+),
 * which fails on build and CI machines; there the kiosk runs in the browser
 * host instead, and the Electron e2e is reported as not run.
 */
export function electronBinary(): string | undefined {
  const explicit =
    process.env.ELECTRON_PATH ??
    (process.env.ELECTRON_OVERRIDE_DIST_PATH ? join(process.env.ELECTRON_OVERRIDE_DIST_PATH, 'electron') : undefined);
  if (explicit) return existsSync(explicit) ? explicit : undefined;
  const pathFile = join(ELECTRON_DIR, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(ELECTRON_DIR, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}
