import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ka } from '../../sync/texts/ka.js';
import { readCentralSubmissions } from '../support/centralDb.js';
import { freePort } from '../support/freePort.js';
import { startCentralProcess, startKioskProcess, writeKioskConfig, type RunningProcess } from '../support/processes.js';
import { makeTempDir } from '../support/tempDir.js';
import { KioskPage } from './support/kioskPage.js';

// Real processes: Central (Fastify + SQLite file) and the kiosk core behind its
// browser host, both on loopback, driven through real Chromium.
const running: RunningProcess[] = [];
const dir = makeTempDir('e2e-rating');
test.afterAll(async () => {
  await Promise.all(running.map((process) => process.stop('SIGKILL')));
  dir.remove();
});

const waitForRows = async (centralData: string, count: number) => {
  await expect.poll(() => readCentralSubmissions(centralData).length, { timeout: 30_000 }).toBe(count);
  return readCentralSubmissions(centralData);
};

test('a visitor rates in Georgian; the rating reaches Central once, also across an outage and a kiosk restart', async ({ page }) => {
  const centralData = join(dir.path, 'central');
  mkdirSync(centralData, { recursive: true });
  const port = await freePort();
  let central = await startCentralProcess(centralData, port);
  running.push(central);
  const configFile = writeKioskConfig(dir.path, central.url);
  let kiosk = await startKioskProcess(configFile);
  running.push(kiosk);

  const kioskPage = new KioskPage(page);
  await kioskPage.open(kiosk.url);
  await kioskPage.start('დაწყება');
  await kioskPage.chooseLanguage('ქართული');
  await expect(kioskPage.heading()).toHaveText('რისი გაკეთება გსურთ?');
  await kioskPage.button('შეაფასეთ მიღებული მომსახურება').click();
  await expect(kioskPage.heading()).toHaveText('როგორ შეაფასებდით მიღებულ მომსახურებას?');
  await kioskPage.rate('ძალიან კარგი');
  await kioskPage.button('შემდეგი').click();
  await kioskPage.typeOnScreen('კარგი რიგი', 'ჰარი');
  await expect(page.getByRole('textbox', { name: 'თქვენი კომენტარი' })).toHaveValue('კარგი რიგი');
  await kioskPage.button('გაგზავნა').click();
  await expect(kioskPage.heading()).toHaveText('შეამოწმეთ პასუხები');
  await expect(page.locator('.review-list')).toContainText('კარგი რიგი');
  await kioskPage.button('გაგზავნა').click();
  await expect(kioskPage.heading()).toHaveText(ka.thanks.title);
  const firstCode = await kioskPage.confirmationCode();

  const [first] = await waitForRows(centralData, 1);
  expect(first?.confirmation_code).toBe(firstCode);
  expect(JSON.parse(first?.payload_json ?? '{}')).toMatchObject({
    type: 'rating',
    score: 5,
    comment: 'კარგი რიგი',
    language: 'ka',
    serviceId: 'civil-registry',
    deskId: 'desk-7',
  });

  // Central goes away; the visitor still gets "saved", from the kiosk's own disk.
  await central.stop();
  await kioskPage.button('დასრულება').click();
  await kioskPage.start('დაწყება');
  await kioskPage.chooseLanguage('ქართული');
  await kioskPage.button('შეაფასეთ მიღებული მომსახურება').click();
  await kioskPage.rate('ცუდი');
  await kioskPage.button('შემდეგი').click();
  await kioskPage.button('გაგზავნა კომენტარის გარეშე').click();
  await kioskPage.button('გაგზავნა').click();
  const secondCode = await kioskPage.confirmationCode();

  // Power cut on the kiosk (no clean shutdown), then both come back.
  await kiosk.stop('SIGKILL');
  kiosk = await startKioskProcess(configFile);
  running.push(kiosk);
  central = await startCentralProcess(centralData, port);
  running.push(central);

  const rows = await waitForRows(centralData, 2);
  expect(new Set(rows.map((row) => row.id)).size).toBe(2);
  expect(rows[1]?.confirmation_code).toBe(secondCode);
  expect(JSON.parse(rows[1]?.payload_json ?? '{}')).toMatchObject({ score: 2, language: 'ka' });
  expect(JSON.parse(rows[1]?.payload_json ?? '{}')).not.toHaveProperty('comment');
});
