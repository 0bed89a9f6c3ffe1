import { join } from 'node:path';
import { findPackageRoot } from '../../sync/node/packageRoot.js';

/** The built renderer (dist/renderer) of this checkout, from the sources under tsx or the compiled copy in dist/node. */
export function findRendererDir(): string | undefined {
  const root = findPackageRoot();
  return root ? join(root, 'dist', 'renderer') : undefined;
}
