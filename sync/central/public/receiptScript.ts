import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { findPackageRoot } from '../../node/packageRoot.js';
import { PAGE_CSP } from '../web/layout.js';

/** The receipt page's policy: our script, and its reads of the record from this same Central. */
export const RECEIPT_CSP = `${PAGE_CSP}; script-src 'self'; connect-src 'self'`;

/**
 * The check a citizen's browser makes of their receipt (browser/receiptCheck.ts, built by
 * `npm run build:phone` into the package's dist/central/public/). Without a build, the receipt page
 * shows what Central verified and the command line, as it does with script off.
 */
const packageRoot = findPackageRoot(import.meta.dirname);
const builtScriptPath = packageRoot && join(packageRoot, 'dist', 'central', 'public', 'receipt-check.js');
const builtScript = builtScriptPath && existsSync(builtScriptPath) ? builtScriptPath : undefined;
const SCRIPT_URL = '/static/public/receipt-check.js';
export const receiptCheckScript: string | undefined = builtScript ? SCRIPT_URL : undefined;

export function receiptScriptRoute(app: FastifyInstance): void {
  if (!builtScript) return;
  const source = readFileSync(builtScript);
  app.get(SCRIPT_URL, { schema: { hide: true } }, async (_request, reply) =>
    reply.header('content-type', 'text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(source),
  );
}
