import { PAGE_CSP } from '../web/layout.js';
import { builtScript } from '../web/builtScript.js';

/** The receipt page's policy: our script, and its reads of the record from this same Central. */
export const RECEIPT_CSP = `${PAGE_CSP}; script-src 'self'; connect-src 'self'`;

/**
 * The check a citizen's browser makes of their receipt (browser/receiptCheck.ts, built by
 * `npm run build:phone` into the package's dist/central/public/). Without a build, the receipt page
 * shows what Central verified and the command line, as it does with script off.
 */
const script = builtScript('public/receipt-check.js', '/static/public/receipt-check.js');
export const receiptCheckScript: string | undefined = script.url;
export const receiptScriptRoute = script.route;
