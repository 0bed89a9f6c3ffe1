import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config.js';
import type { SavedSubmission } from '../../src-main/api/contract.js';
import { createDispatcher } from '../../src-main/api/dispatch.js';
import { createKioskHandlers } from '../../src-main/api/handlers.js';
import { startBenchKiosk } from './benchKiosk.js';
import { median, percentile, round, type BenchResult } from './stats.js';

const VISITS = 20;

/** Waits until Central has signed a checkpoint that holds the receipt's entry (it signs at most once a second). */
async function inSignedCheckpoint(receiptUrl: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const receipt = (await (await fetch(`${receiptUrl}?format=json`)).json()) as { proof: unknown };
    if (receipt.proof) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the receipt never reached a signed checkpoint');
}

/**
 * record.receipt_verify_ms_browser: the receipt page's check in Chromium, from
 * the receipt and the key in hand to its findings (the page writes the time in
 * data-verify-ms): the signature, the inclusion proof, the code, and "since
 * your last visit" with its consistency proof's fetch, on a compiled Central in
 * its own process with a real kiosk's receipt. First and returning visits alternate. With the two
 * first reads too (data-total-ms), for information: on loopback they measure
 * this machine's load more than the check.
 */
export async function benchReceiptCheck(): Promise<BenchResult[]> {
  const kiosk = await startBenchKiosk('receipt-check');
  await kiosk.core.sync.syncNow(); // enrolled: submissions get receipts on Central
  const call = createDispatcher(createKioskHandlers(kiosk.core));
  const value = async <T>(result: ReturnType<typeof call>): Promise<T> => {
    const answer = await result;
    if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
    return answer.value as T;
  };
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  const times: number[] = [];
  const totals: number[] = [];
  try {
    const rate = async (score: number) => {
      const { sessionId } = await value<{ sessionId: string }>(call('session.start', { language: 'ka' }));
      return value<SavedSubmission>(call('rating.submit', { sessionId, serviceId: 'civil-registry', score }));
    };
    const { receiptUrl } = await rate(5);
    await kiosk.core.sync.syncNow();
    await inSignedCheckpoint(receiptUrl);
    for (let visit = 0; visit < VISITS; visit += 1) {
      const context = await browser.newContext();
      const page = await context.newPage();
      for (const returning of [false, true]) {
        if (returning) {
          await rate(4); // the record grows between visits: the check needs a consistency proof
          await kiosk.core.sync.syncNow();
          await new Promise((resolve) => setTimeout(resolve, 1100));
        }
        await page.goto(receiptUrl);
        const section = page.locator('#browser-check[aria-busy="false"]');
        await section.waitFor({ timeout: 15_000 });
        if ((await page.locator('#browser-check-findings li[data-state="bad"]').count()) > 0)
          throw new Error('the receipt did not check out');
        times.push(Number(await section.getAttribute('data-verify-ms')));
        totals.push(Number(await section.getAttribute('data-total-ms')));
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await kiosk.stop();
  }
  const list = (values: number[]) => values.map((time) => time.toFixed(0)).join(', ');
  console.log(`receipt checked in the browser: ${list(times)} ms; with the receipt's and the key's reads: ${list(totals)} ms`);
  return [
    { name: 'record.receipt_verify_ms_browser', value: round(percentile(times, 95), 1), unit: 'ms', limit: 200, direction: 'max' },
    { name: 'record.receipt_verify_ms_browser_median', value: round(median(times), 1), unit: 'ms' },
    { name: 'record.receipt_check_total_ms_browser_p95', value: round(percentile(totals, 95), 1), unit: 'ms' },
  ];
}
