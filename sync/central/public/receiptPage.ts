import type { ReceiptView } from '../services/record/receipts.js';
import { html, type SafeHtml } from '../web/html.js';
import { publicPage } from './publicPage.js';
import { type PublicLanguage } from './publicTexts.js';
import { publicTime } from '../web/tbilisiTime.js';
import { receiptTexts } from './receiptTexts.js';
import { receiptCheckScript } from './receiptScript.js';

const text = (value: unknown): string => (typeof value === 'string' ? value : '—');

/**
 * The citizen's receipt (the QR code on the kiosk's thank-you screen): their
 * entry in the public record, whether it is in the signed checkpoint, a vote's
 * fate, and the proof and the command to check it all without trusting Central.
 */
export function receiptPage(lang: PublicLanguage, code: string, receipt: ReceiptView, siteUrl: string): SafeHtml {
  const words = receiptTexts(lang);
  const { detail } = receipt.event;
  const type = text(detail.type);
  const what = words.types[type] ?? type;
  return publicPage({
    lang,
    title: words.title,
    path: `/record/receipts/${code}`,
    body: html`<p class="notice">${words.recorded(what)} ${receipt.proof ? words.included(receipt.checkpoint.size) : words.pending}</p>
${browserCheck(lang, code)}
${receipt.counted === undefined ? '' : html`<p class="${receipt.counted ? 'tag on-time' : 'tag overdue'}" data-counted="${String(receipt.counted)}">${receipt.counted ? words.counted : words.notCounted}</p>`}
<dl class="facts"><dt>${words.what}</dt><dd>${what}</dd><dt>${words.entry}</dt><dd data-entry-index="${String(receipt.index)}">${String(receipt.index)}</dd>
<dt>${words.recordedAt}</dt><dd>${publicTime(text(detail.recordedAt), lang)}</dd><dt>${words.received}</dt><dd>${publicTime(text(detail.receivedAt), lang)}</dd>
<dt>${words.branch}</dt><dd>${text(detail.branch)}</dd></dl>
<h2>${words.privacyTitle}</h2><p class="message">${words.privacy}</p>
<h2>${words.checkTitle}</h2><p>${words.checkIntro}</p><pre class="proof" data-testid="verify-command">npm run verify-record -- ${siteUrl} --receipt ${code}</pre>
<h2>${words.proofTitle}</h2>
${receipt.proof ? html`<p>${words.proofIntro(receipt.index, receipt.checkpoint.size)}</p>` : ''}
<p data-witnesses="${String(receipt.checkpoint.witnesses)}">${words.witnesses(receipt.checkpoint.witnesses)}</p>
<h3>${words.entryBytes}</h3><pre class="proof">${receipt.entry.toString('utf8')}</pre>
${receipt.proof ? html`<h3>${words.inclusion}</h3><ol class="proof">${receipt.proof.map((hash) => html`<li>${hash.toString('base64')}</li>`)}</ol>` : ''}
<h3>${words.checkpoint}</h3><pre class="proof">${receipt.checkpoint.note}</pre>`,
  });
}

/**
 * The check the citizen's browser makes (browser/receiptCheck.ts): hidden until the script runs, so with
 * script off the page is what Central verified and the command line. Its words travel as one JSON attribute.
 */
function browserCheck(lang: PublicLanguage, code: string): SafeHtml | string {
  if (!receiptCheckScript) return '';
  const words = receiptTexts(lang);
  return html`<section id="browser-check" class="browser-check" hidden aria-labelledby="browser-check-title" aria-busy="true"
 data-code="${code}" data-receipt-url="/record/receipts/${code}?format=json" data-key-url="/record/key" data-consistency-url="/record/consistency"
 data-words="${JSON.stringify(words.browser)}">
<h2 id="browser-check-title">${words.browserTitle}</h2>
<p>${words.browserIntro}</p>
<ul id="browser-check-findings" class="findings" aria-live="polite"></ul>
</section>
<script type="module" src="${receiptCheckScript}"></script>`;
}

/** No entry for a well-formed code (not yet synced, or mistyped), or a malformed code. */
export function receiptMissingPage(lang: PublicLanguage, malformed: boolean): SafeHtml {
  const words = receiptTexts(lang);
  return publicPage({ lang, title: words.notFoundTitle, body: html`<p class="error">${malformed ? words.badCode : words.notFound}</p>` });
}
