import { fromBase64 } from './bytes.js';
import { lastSeen, rememberSeen } from './lastVisit.js';
import { receiptFindings, type FindingWords, type ReceiptJson } from './receiptFindings.js';
import { canVerifyEd25519 } from './signedNote.js';

/**
 * The receipt page's check in the citizen's own browser
 * (../receiptPage.ts renders the hidden section it fills): it fetches the
 * receipt, the published key and, when needed, a consistency proof from
 * Central, and verifies them here, so what it says does not rest on trusting
 * Central. Without script, or without Ed25519 in the browser, the page keeps
 * what Central verified and the command line.
 */
interface PageWords extends FindingWords {
  readonly summaryOk: string;
  readonly summaryBad: string;
  readonly noCrypto: string;
  readonly failed: string;
}

const fetchText = async (url: string): Promise<string> => {
  const response = await fetch(url, { cache: 'no-store' });
  if (!response.ok) throw new Error(`${url}: ${String(response.status)}`);
  return response.text();
};

async function check(section: HTMLElement, words: PageWords, show: (text: string, state: string) => void): Promise<void> {
  const { code = '', receiptUrl = '', keyUrl = '', consistencyUrl = '' } = section.dataset;
  if (!(await canVerifyEd25519())) return show(words.noCrypto, 'wait');
  const started = performance.now();
  const [receipt, publishedKey] = await Promise.all([fetchText(receiptUrl), fetchText(keyUrl)]);
  const fetched = performance.now();
  const parsed = JSON.parse(receipt) as ReceiptJson;
  const origin = parsed.checkpoint.split('\n', 1)[0] ?? '';
  const { findings, remember } = await receiptFindings(
    {
      code,
      receipt: parsed,
      publishedKey,
      lastSeen: lastSeen(origin),
      consistency: async (oldSize, newSize) =>
        (await fetchText(`${consistencyUrl}/${String(oldSize)}/${String(newSize)}`)).split('\n').filter(Boolean).map(fromBase64),
    },
    words,
  );
  // The check itself (and the consistency proof's fetch, when one is needed), apart from the first two reads:
  // those are the network's time, not the verifier's (benchmarked as record.receipt_verify_ms_browser).
  section.dataset.verifyMs = (performance.now() - fetched).toFixed(1);
  section.dataset.totalMs = (performance.now() - started).toFixed(1);
  if (remember) rememberSeen(remember);
  const holds = findings.every((finding) => finding.state !== 'bad');
  show(holds ? words.summaryOk : words.summaryBad, holds ? 'ok' : 'bad');
  for (const finding of findings) show(finding.text, finding.state);
}

function start(): void {
  const section = document.getElementById('browser-check');
  const list = document.getElementById('browser-check-findings');
  if (!section || !list) return;
  const words = JSON.parse(section.dataset.words ?? '{}') as PageWords;
  section.hidden = false;
  const show = (text: string, state: string) => {
    const item = document.createElement('li');
    item.className = `finding ${state}`;
    item.dataset.state = state;
    item.textContent = text;
    list.append(item);
  };
  check(section, words, show)
    .catch((error: unknown) => show(words.failed.replace('{reason}', error instanceof Error ? error.message : String(error)), 'bad'))
    .finally(() => section.setAttribute('aria-busy', 'false'));
}

start();

// For the known-answer vectors run in Chromium (tests/e2e/receiptCheck.e2e.ts), the same as the Node verifier's.
export { verifyConsistency, verifyInclusion, leafHash } from './merkleProofs.js';
export { openNote, parsePublishedKey, parseCheckpoint } from './signedNote.js';
