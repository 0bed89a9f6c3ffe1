import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { findPackageRoot } from '../../node/packageRoot.js';

export interface BuiltScript {
  /** Where pages load it from; undefined without a build, and a page then works without it. */
  readonly url: string | undefined;
  /** Serves it (nothing without a build). */
  readonly route: (app: FastifyInstance) => void;
}

/**
 * A page's enhancing script, built by vite into the package's dist/central/
 * (`npm run build:phone`) and served by Central at a fixed URL, cached for an hour.
 */
export function builtScript(distPath: string, url: string): BuiltScript {
  const packageRoot = findPackageRoot(import.meta.dirname);
  const path = packageRoot && join(packageRoot, 'dist', 'central', distPath);
  const built = path && existsSync(path) ? path : undefined;
  return {
    url: built ? url : undefined,
    route: (app) => {
      if (!built) return;
      const source = readFileSync(built);
      app.get(url, { schema: { hide: true } }, async (_request, reply) =>
        reply.header('content-type', 'text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(source),
      );
    },
  };
}
