import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { SavedSubmission } from '../../src-main/api/contract.js';
import type * as BrowserVerifier from '../../sync/central/public/browser/receiptCheck.js';
import { signNote } from '../../sync/record/note.js';
import { startKioskWithCentral, type KioskWithCentral } from '../support/kioskWithCentral.js';
import { makeTempDir } from '../support/tempDir.js';
import { expectNoAxeViolations } from './support/axe.js';
import { PUBLIC_WORDS } from '../../sync/central/public/words/publicWords.js';

// A receipt checked in the citizen's own browser (issue #33, item 4): a real kiosk core rates a service, syncs
// to a real Central, and Chromium opens the receipt page, whose script verifies the checkpoint's signature,
// the inclusion proof and the code with WebCrypto. A lying Central is played by rewriting its answers on the
// way to the page (Playwright's routing): the only way to make a real Central lie without changing its code.
const SHOTS = join(import.meta.dirname, '..', '..', 'var', 'screenshots', 'central');
const dir = makeTempDir('e2e-receipt-check');
let kiosk: KioskWithCentral;
let receiptUrl = '';

test.beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  kiosk = await startKioskWithCentral(dir.path, { kioskId: 'receipt-check-kiosk', branchId: 'rustavi' });
  const saved = kiosk.value<SavedSubmission>(
    await kiosk.call('rating.submit', { sessionId: await kiosk.session(), serviceId: 'civil-registry', score: 5 }),
  );
  await kiosk.core.sync.syncNow();
  receiptUrl = saved.receiptUrl;
  // Central signs at most one checkpoint a second: wait until the entry is in one.
  await expect
    .poll(async () => ((await (await fetch(`${receiptUrl}?format=json`)).json()) as { proof: unknown }).proof, { timeout: 15_000 })
    .not.toBeNull();
});
test.afterAll(async () => {
  await kiosk.close();
  dir.remove();
});

const findings = (page: Page) => page.locator('#browser-check-findings li');
const states = async (page: Page) =>
  page.locator('#browser-check-findings li').evaluateAll((items) => items.map((item) => item.getAttribute('data-state')));
const checked = (page: Page) => expect(page.locator('#browser-check')).toHaveAttribute('aria-busy', 'false', { timeout: 15_000 });

/** Rewrites the receipt's JSON on its way to the page, as a Central that lies would answer. */
async function lieAboutReceipt(page: Page, change: (receipt: { proof: string[]; checkpoint: string }) => void): Promise<void> {
  await page.route(/\/record\/receipts\/[^/?]+\?format=json$/, async (route) => {
    const receipt = (await (await route.fetch()).json()) as { proof: string[]; checkpoint: string };
    change(receipt);
    await route.fulfill({ json: receipt });
  });
}

test('a receipt is checked in the browser: signature, inclusion, code and "since your last visit", each in words', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 320, height: 800 } });
  const page = await context.newPage();
  await page.goto(receiptUrl);
  await checked(page);
  await expect(findings(page).first()).toHaveText('შემოწმებულია თქვენს ბრაუზერში: ყველაფერი სწორია.');
  expect(await states(page)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
  await expect(findings(page).nth(1)).toContainText('ხელმოწერილია ჩანაწერის გამოქვეყნებული გასაღებით');
  await expect(findings(page).nth(4)).toContainText('ამ ბრაუზერს ჩანაწერი ჯერ არ უნახავს');
  // The key's fingerprint, as /record/key publishes it.
  const published = await (await fetch(`${kiosk.central.url}/record/key`)).text();
  await expect(findings(page).nth(1)).toContainText(published.split('+').slice(0, 2).join('+'));
  await expectNoAxeViolations(page, 'receipt-check-320-ka');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.screenshot({ path: join(SHOTS, '320-ka-receipt-check.png'), fullPage: true });
  await page.locator('#browser-check').screenshot({ path: join(SHOTS, '320-ka-receipt-check-findings.png') });

  // A second visit after the record grew: consistency with what this browser kept.
  await kiosk.call('rating.submit', { sessionId: await kiosk.session(), serviceId: 'civil-registry', score: 3 });
  await kiosk.core.sync.syncNow();
  await page.waitForTimeout(1100); // the next checkpoint
  await page.goto(`${receiptUrl}?lang=en`);
  await checked(page);
  expect(await states(page)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
  await expect(findings(page).nth(4)).toContainText(/^Since your last visit \(\d+ entries\) the record has only grown, to \d+/);
  const seenSize = Number(/\((\d+) entries\)/.exec((await findings(page).nth(4).textContent()) ?? '')?.[1]);
  const nowSize = Number(/to (\d+)/.exec((await findings(page).nth(4).textContent()) ?? '')?.[1]);
  expect(nowSize).toBeGreaterThan(seenSize);
  await page.screenshot({ path: join(SHOTS, '320-en-receipt-check.png'), fullPage: true });
  // The same check in Armenian: the page and its script's findings speak the reader's language.
  await page.goto(`${receiptUrl}?lang=hy`);
  await checked(page);
  await expect(findings(page).first()).toHaveText(PUBLIC_WORDS.hy.receipt.browser.summaryOk);
  await expectNoAxeViolations(page, 'receipt-check-320-hy');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.screenshot({ path: join(SHOTS, '320-hy-receipt-check.png'), fullPage: true });
  await page.goto(`${receiptUrl}?lang=en`);
  await checked(page);

  // A rolled-back record: this browser saw more entries than Central now shows.
  await page.evaluate(
    ([size]) => {
      const key = Object.keys(localStorage).find((name) => name.startsWith('psh-record-seen:')) ?? '';
      const seen = JSON.parse(localStorage.getItem(key) ?? '{}') as { root: string };
      localStorage.setItem(key, JSON.stringify({ size, root: seen.root }));
    },
    [nowSize + 5],
  );
  await page.reload();
  await checked(page);
  await expect(findings(page).first()).toHaveText('Checked in your browser: something does not hold (below). Keep this page as evidence.');
  await expect(findings(page).nth(4)).toHaveText(
    `The record does not extend the one this browser saw on your last visit (${String(nowSize + 5)} entries): it was rolled back or rewritten.`,
  );
  expect(await states(page)).toEqual(['bad', 'ok', 'ok', 'ok', 'bad']);
  await page.locator('#browser-check').screenshot({ path: join(SHOTS, '320-en-receipt-check-rollback.png') });
  await context.close();
});

test('a tampered proof and a checkpoint signed by another key are refused in words', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
  const tampered = await context.newPage();
  await lieAboutReceipt(tampered, (receipt) => {
    const first = Buffer.from(receipt.proof[0] ?? '', 'base64');
    first[0] = (first[0] ?? 0) ^ 1;
    receipt.proof[0] = first.toString('base64');
  });
  await tampered.goto(`${receiptUrl}?lang=en`);
  await checked(tampered);
  await expect(tampered.getByText('The inclusion proof does not lead to the signed root')).toBeVisible();
  expect((await states(tampered)).slice(0, 3)).toEqual(['bad', 'ok', 'bad']);

  const forged = await context.newPage();
  await lieAboutReceipt(forged, (receipt) => {
    // The same checkpoint text and key name, signed by a key that is not the published one.
    const text = receipt.checkpoint.slice(0, receipt.checkpoint.indexOf('\n\n') + 1);
    const name = /\n\n— (\S+) /.exec(receipt.checkpoint)?.[1] ?? '';
    receipt.checkpoint = signNote(text, name, generateKeyPairSync('ed25519').privateKey);
  });
  await forged.goto(receiptUrl);
  await checked(forged);
  expect(await states(forged)).toEqual(['bad', 'bad']);
  await expect(findings(forged).nth(1)).toContainText('საკონტროლო წერტილი არ არის ხელმოწერილი ჩანაწერის გამოქვეყნებული გასაღებით');
  await context.close();
});

test('with script off, the page shows what Central verified and the command line', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${receiptUrl}?lang=en`);
  await expect(page.locator('#browser-check')).toBeHidden();
  await expect(page.getByText(/The entry is in the checkpoint Central signed/)).toBeVisible();
  await expect(page.getByTestId('verify-command')).toContainText('npm run verify-record');
  await context.close();
});

test("the browser's verifier gives the Node verifier's known answers (RFC 6962, a real CT log, the Go note example)", async ({ page }) => {
  await page.goto(receiptUrl);
  await checked(page);
  const fixture = (name: string) =>
    JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'ct-argon2020', name), 'utf8')) as unknown;
  const vectors = {
    sth: fixture('sth.json'),
    entries: fixture('entries.json'),
    proof: fixture('proof.json'),
    consistency: fixture('consistency.json'),
    verifier: 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW',
    note: "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
  };
  const answers = await page.evaluate(async (v) => {
    const scriptUrl: string = '/static/public/receipt-check.js';
    const m = (await import(scriptUrl)) as typeof BrowserVerifier;
    const b64 = (text: string) => Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
    const sth = v.sth as { tree_size: number; sha256_root_hash: string };
    const leaf = await m.leafHash(b64((v.entries as { entries: { leaf_input: string }[] }).entries[0]?.leaf_input ?? ''));
    const proof = v.proof as { leaf_index: number; audit_path: string[] };
    const consistency = v.consistency as { first: number; first_root: string; consistency: string[] };
    const root = b64(sth.sha256_root_hash);
    const key = await m.parsePublishedKey(v.verifier);
    const altered = v.note.replace('cryptography', 'cryptographY');
    return {
      inclusion: await m.verifyInclusion(proof.audit_path.map(b64), proof.leaf_index, sth.tree_size, leaf, root),
      inclusionWrongIndex: await m.verifyInclusion(proof.audit_path.map(b64), proof.leaf_index + 1, sth.tree_size, leaf, root),
      consistency: await m.verifyConsistency(
        consistency.consistency.map(b64),
        consistency.first,
        sth.tree_size,
        b64(consistency.first_root),
        root,
      ),
      consistencyWrongOld: await m.verifyConsistency(consistency.consistency.map(b64), consistency.first, sth.tree_size, root, root),
      note: await m.openNote(v.note, key),
      altered: await m.openNote(altered, key).then(
        () => 'opened',
        (error: unknown) => String(error),
      ),
    };
  }, vectors);
  expect(answers).toEqual({
    inclusion: true,
    inclusionWrongIndex: false,
    consistency: true,
    consistencyWrongOld: false,
    note: "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n",
    altered: 'Error: the signature of PeterNeumann+c74f20a3 does not verify',
  });
});
