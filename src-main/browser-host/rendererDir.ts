import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The built renderer (dist/renderer) of this checkout, found from wherever this
 * module runs: the TypeScript source under tsx or the compiled copy in dist/node.
 */
export function findRendererDir(from: string = import.meta.dirname): string | undefined {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'dist', 'renderer');
  }
  return undefined;
}
