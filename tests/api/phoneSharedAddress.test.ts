import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { demoContentPack } from '../../kiosk-config/demo/demoContentPack.js';
import { PHONE_PAGES_PER_ADDRESS, PHONE_POSTS_PER_ADDRESS } from '../../sync/central/phone/phoneLimits.js';
import { PHONE_COOKIE } from '../../sync/central/phone/phoneContext.js';
import { addBranch, addDesk } from '../../sync/central/services/desks.js';
import type { RunningCentral } from '../../sync/central/startCentral.js';
import { phoneClient } from '../support/phoneClient.js';
import { rateTheDesk as rateDesk, takeTheDemoSurvey } from '../support/phoneFlows.js';
import { startCentral } from '../support/testCentral.js';
import { makeTempDir } from '../support/tempDir.js';

// Phones behind one address (issue #34): a branch's Wi-Fi, or a mobile operator's shared address. Every request
// of this test comes from 127.0.0.1, so every phone here shares one address, as they would behind that NAT.
const PHONES = 200;
const dir = makeTempDir('phone-shared-address');
let central: RunningCentral;

beforeAll(async () => {
  central = await startCentral({ dataDir: dir.path, starterContent: demoContentPack });
  await addBranch(central.db, { id: 'gori', code: 'GO01', nameKa: 'გორის იუსტიციის სახლი', nameEn: 'Gori Public Service Hall' });
  await addDesk(central.db, { branchId: 'gori', id: 'desk-2', number: 2, services: ['civil-registry'] }, ['civil-registry']);
});
afterAll(async () => {
  await central.close();
  dir.remove();
});

const rateTheDesk = () => rateDesk(phoneClient(central.url), 'GO01-02', 'en');

/** A script posting the rating form `count` times, with a cookie of its own making each time or none. */
async function scriptPosts(count: number, cookie: () => string): Promise<number[]> {
  const statuses: number[] = [];
  for (let post = 0; post < count; post += 1) {
    const response = await fetch(`${central.url}/D/GO01-02/rate`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin', cookie: cookie() },
      body: 'score=5',
    });
    statuses.push(response.status);
  }
  return statuses;
}

describe('phones behind one address', () => {
  it(`${String(PHONES)} phones on one address each finish a rating in the same minute; a script on it is slowed`, async () => {
    const finished: boolean[] = [];
    // Twenty at a time: a branch's visitors overlap, and the test stays well inside the minute.
    for (let wave = 0; wave < PHONES / 20; wave += 1) finished.push(...(await Promise.all(Array.from({ length: 20 }, rateTheDesk))));
    expect(finished.filter(Boolean)).toHaveLength(PHONES);
    const stored = await central.db.selectFrom('submissions').select('id').where('type', '=', 'rating').execute();
    expect(stored).toHaveLength(PHONES);

    // Without a cookie a script is one visitor: its 31st post of the form in the minute is refused.
    const cookieless = await scriptPosts(40, () => '');
    expect(cookieless.slice(0, 30).every((status) => status !== 429)).toBe(true);
    expect(cookieless.slice(30)).toEqual(Array.from({ length: 10 }, () => 429));
    // A person's browser is told in words, in Georgian and English, that what it sent was not saved; a script gets JSON.
    const refusedPage = await fetch(`${central.url}/D/GO01-02/rate`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'text/html,application/xhtml+xml',
        'sec-fetch-site': 'same-origin',
      },
      body: 'score=5',
    });
    expect(refusedPage.status).toBe(429);
    expect(refusedPage.headers.get('content-type')).toContain('text/html');
    const seconds = refusedPage.headers.get('retry-after') ?? '';
    expect(Number(seconds)).toBeGreaterThan(0);
    const words = await refusedPage.text();
    expect(words).toContain(`კვლავ გაგზავნეთ ${seconds} წამში`);
    expect(words).toContain(`What this page sent was not saved: go back and send it again in ${seconds} seconds.`);

    // With a new cookie per post it is a new visitor each time, so the address's budget stops it: 400 forms of
    // the phones and the cookieless script's 30 are already counted in this minute.
    const left = PHONE_POSTS_PER_ADDRESS - 2 * PHONES - 30;
    const forged = await scriptPosts(left + 20, () => `${PHONE_COOKIE}=${randomBytes(16).toString('base64url')}`);
    const passed = forged.filter((status) => status !== 429).length;
    expect(passed).toBe(left);
    expect(forged.slice(passed).every((status) => status === 429)).toBe(true);
    // The address cap answers a browser with the same page.
    const capped = await fetch(`${central.url}/D/GO01-02/rate`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'text/html',
        cookie: `${PHONE_COOKIE}=${randomBytes(16).toString('base64url')}`,
      },
      body: 'score=5',
    });
    expect(capped.status).toBe(429);
    expect(await capped.text()).toContain('Please wait a moment');
  });
});

const takeTheSurvey = (base: string) => takeTheDemoSurvey(phoneClient(base), 'GO01-02');

describe('phones behind one address, taking a survey', () => {
  it(`${String(PHONES)} phones on one address each take the survey in the same minute; a script inventing cookies is stopped`, async () => {
    // A Central of its own: the address's budgets of the minute start empty.
    const surveyDir = makeTempDir('phone-shared-survey');
    const own = await startCentral({ dataDir: surveyDir.path, starterContent: demoContentPack });
    // Counts what the phones ask for; every request still goes to the real Central.
    const fetched = vi.spyOn(globalThis, 'fetch');
    try {
      await addBranch(own.db, { id: 'gori', code: 'GO01', nameKa: 'გორის იუსტიციის სახლი', nameEn: 'Gori Public Service Hall' });
      await addDesk(own.db, { branchId: 'gori', id: 'desk-2', number: 2, services: ['civil-registry'] }, ['civil-registry']);
      const finished: boolean[] = [];
      for (let wave = 0; wave < PHONES / 20; wave += 1)
        finished.push(...(await Promise.all(Array.from({ length: 20 }, () => takeTheSurvey(own.url)))));
      const methods = fetched.mock.calls.map(([, init]) => init?.method ?? 'GET');
      const pages = methods.filter((method) => method === 'GET').length;
      const forms = methods.filter((method) => method === 'POST').length;
      console.log(`${String(PHONES)} phones took the survey on one address: ${String(pages)} pages and ${String(forms)} forms`);
      expect(finished.filter(Boolean)).toHaveLength(PHONES);
      const stored = await own.db.selectFrom('submissions').select('id').where('type', '=', 'survey').execute();
      expect(stored).toHaveLength(PHONES);
      expect(forms).toBeLessThan(PHONE_POSTS_PER_ADDRESS);
      expect(pages).toBeLessThan(PHONE_PAGES_PER_ADDRESS);

      // A script asking for pages with a new cookie each time is a new visitor each time: the address's page budget stops it.
      const statuses: number[] = [];
      for (let page = 0; page < PHONE_PAGES_PER_ADDRESS - pages + 20; page += 1) {
        const cookie = `${PHONE_COOKIE}=${randomBytes(16).toString('base64url')}`;
        statuses.push((await fetch(`${own.url}/D/GO01-02/rate`, { headers: { cookie }, redirect: 'manual' })).status);
      }
      const first = statuses.indexOf(429);
      expect(first).toBeGreaterThanOrEqual(PHONE_PAGES_PER_ADDRESS - pages);
      expect(statuses.slice(first).every((status) => status === 429)).toBe(true);
    } finally {
      fetched.mockRestore();
      await own.close();
      surveyDir.remove();
    }
  }, 120_000);
});
