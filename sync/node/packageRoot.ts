import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = 'psh-kiosk';

/**
 * The folder of this project's package.json, found from a module's URL: the
 * same answer from the TypeScript sources (tsx) and from the compiled files
 * under dist/node, whose depths differ. Built assets (dist/...) are named from
 * it, never by counting `..`.
 */
export function packageRoot(moduleUrl: string): string {
  let folder = dirname(fileURLToPath(moduleUrl));
  for (;;) {
    const manifest = join(folder, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === PACKAGE_NAME) return folder;
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`${fileURLToPath(moduleUrl)} is not inside the ${PACKAGE_NAME} package`);
    folder = parent;
  }
}
