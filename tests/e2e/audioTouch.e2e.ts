import { expect, test } from '@playwright/test';
import { hintFor } from '../../src-renderer/audio/inputWay.js';
import { pronounce } from '../../src-renderer/audio/pronunciation.js';
import { spellOut } from '../../src-renderer/audio/spellOut.js';
import { ka } from '../../sync/texts/ka.js';
import { readCentralSubmissions } from '../support/centralDb.js';
import { startAudioKiosk, type AudioKiosk } from './support/audioKiosk.js';
import { KioskPage } from './support/kioskPage.js';
import { lastSpeechEvent } from './support/speechEvents.js';
import { Touch } from './support/touch.js';

// Eyes-free, touch only, in Georgian (ACCESSIBILITY.md items 14 and 27): audio
// mode by holding the bottom-left corner, then touch to hear, double tap to
// choose, swipe to move, two fingers to stop. A single touch never activates.
let kiosk: AudioKiosk;
test.beforeAll(async () => {
  kiosk = await startAudioKiosk('e2e-audio-touch');
});
test.afterAll(async () => kiosk.stop());
test.use({ hasTouch: true });

test('finish the rating flow in Georgian by touch exploration only', async ({ page }) => {
  const { transcript } = kiosk;
  transcript.attach(page);
  const heard = () => transcript.text();
  const kioskPage = new KioskPage(page);
  const touch = await Touch.on(page);
  await kioskPage.open(kiosk.url);
  const explore = async (name: string, role: 'button' | 'radio' = 'button') => {
    await transcript.checkpoint();
    await touch.tap(await touch.centre(page.getByRole(role, { name, exact: true })));
    await page.waitForTimeout(450); // past the double-tap window: the next tap is a new gesture
  };

  await transcript.checkpoint();
  await touch.hold({ x: 40, y: 1040 }, 2300);
  await expect.poll(heard).toContain('ხმოვანი რეჟიმი ჩართულია');
  await expect(kioskPage.heading()).toHaveText('თქვენი აზრი აუმჯობესებს საჯარო სერვისებს'); // Home under the corner was not pressed

  // One touch on Start speaks it and does nothing else.
  await explore('დაწყება');
  await expect.poll(heard).toContain('დაწყება, ღილაკი');
  await expect(kioskPage.heading()).toHaveText('თქვენი აზრი აუმჯობესებს საჯარო სერვისებს');
  await touch.doubleTap({ x: 960, y: 200 }); // anywhere
  await expect.poll(heard).toContain('აირჩიეთ ენა');
  // The hint speaks of touch to a visitor who touches (issue #13, defect 10): double-tap, not "press Enter".
  await expect.poll(heard).toContain(hintFor(ka.hints.language, 'ka', 'touch'));

  await explore('ქართული');
  await expect.poll(heard).toContain('ქართული, ღილაკი');
  await touch.doubleTap({ x: 960, y: 900 });
  await expect.poll(heard).toContain('რისი გაკეთება გსურთ?');

  await explore('შეაფასეთ მიღებული მომსახურება');
  await touch.doubleTap({ x: 300, y: 300 });
  await expect.poll(heard).toContain('როგორ შეაფასებდით მიღებულ მომსახურებას?');

  await explore('კარგი', 'radio');
  await expect.poll(heard).toContain('კარგი, ვარიანტი, არ არის არჩეული');
  // Swipe right: the next option; swipe left: back.
  await transcript.checkpoint();
  await touch.swipe({ x: 400, y: 700 }, 300);
  await expect.poll(heard).toContain('ძალიან კარგი, ვარიანტი');
  await expect(page.getByRole('radio', { name: 'ძალიან კარგი' })).toBeFocused();
  await expect(page.getByRole('radio', { name: 'ძალიან კარგი' })).toHaveAttribute('aria-checked', 'false');
  await touch.doubleTap({ x: 960, y: 150 });
  await expect(page.getByRole('radio', { name: 'ძალიან კარგი' })).toHaveAttribute('aria-checked', 'true');
  await expect.poll(heard).toContain('ძალიან კარგი, ვარიანტი, არჩეულია');

  // Two fingers stop the speech.
  await explore('შემდეგი');
  await touch.doubleTap({ x: 960, y: 150 });
  await expect.poll(heard).toContain('ნაბიჯი 2, სულ 3.');
  const lastPlayerEvent = () => lastSpeechEvent(page);
  await expect.poll(lastPlayerEvent).toBe('play'); // the screen's announcement is playing
  await touch.twoFingerTap({ x: 700, y: 300 });
  await expect.poll(lastPlayerEvent).toBe('stop');

  await explore('გაგზავნა კომენტარის გარეშე');
  await touch.doubleTap({ x: 960, y: 150 });
  await expect.poll(heard).toContain('თქვენი შეფასება: ძალიან კარგი');
  await expect.poll(heard).toContain('კომენტარის გარეშე');

  await explore('გაგზავნა');
  await expect(kioskPage.heading()).toHaveText('შეამოწმეთ პასუხები');
  await touch.doubleTap({ x: 960, y: 150 });
  const code = await kioskPage.confirmationCode();
  await expect.poll(heard).toContain(spellOut(code, 'ka'));
  await expect
    .poll(() => readCentralSubmissions(kiosk.centralData).map((row) => row.confirmation_code), { timeout: 30_000 })
    .toEqual([code]);
  // No screen told this visitor to press a key they do not use.
  expect(transcript.all().filter((line) => line.text.includes(pronounce('Enter-ს', 'ka')))).toEqual([]);
});

test('before the idle reset the kiosk asks aloud whether more time is needed; a key, then a double tap, gives it', async ({ page }) => {
  const { transcript } = kiosk;
  transcript.attach(page);
  const kioskPage = new KioskPage(page);
  const touch = await Touch.on(page);
  // The page's clock, to reach the 90-second idle wait without waiting it out.
  await page.clock.install();
  await kioskPage.open(kiosk.url);
  // A mark on this page's clock: the last test's mark was taken on another page.
  await transcript.checkpoint();
  await touch.hold({ x: 40, y: 1040 }, 2300);
  await expect.poll(() => transcript.text()).toContain('ხმოვანი რეჟიმი ჩართულია');
  await touch.doubleTap({ x: 960, y: 200 });
  await expect(kioskPage.heading()).toHaveText(ka.language.title);

  for (const answer of ['key', 'double tap'] as const) {
    await transcript.checkpoint();
    await page.clock.fastForward(91_000);
    await expect(page.getByRole('alertdialog')).toBeVisible();
    // Asked aloud (issue #35): the question, then how to answer it.
    await expect.poll(async () => (await transcript.sinceMark()).some((line) => line.text.includes(ka.idle.moreTime))).toBe(true);
    if (answer === 'key') await page.keyboard.press('Shift');
    else await touch.doubleTap({ x: 960, y: 540 });
    await expect(page.getByRole('alertdialog')).toBeHidden();
    // The visit goes on where it was.
    await expect(kioskPage.heading()).toHaveText(ka.language.title);
  }
});
