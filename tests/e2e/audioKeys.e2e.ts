import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pronounce } from '../../src-renderer/audio/pronunciation.js';
import { ka } from '../../sync/texts/ka.js';
import { expect, test, type Page } from '@playwright/test';
import { spellOut } from '../../src-renderer/audio/spellOut.js';
import { readCentralSubmissions } from '../support/centralDb.js';
import { startAudioKiosk, type AudioKiosk } from './support/audioKiosk.js';
import { KioskPage } from './support/kioskPage.js';
import { speechEvents } from './support/speechEvents.js';
import { outputLevelDb, playingVolumes, tapOutput } from '../support/outputLevel.js';

// Eyes-free, keys only, in Georgian (ACCESSIBILITY.md item 27): a blind visitor
// turns audio mode on by holding Help, rates, and hears the read-back and the
// code, character by character. Assertions are on what the kiosk said.
let kiosk: AudioKiosk;
test.beforeAll(async () => {
  kiosk = await startAudioKiosk('e2e-audio-keys');
});
test.afterAll(async () => kiosk.stop());

/** How many clips the kiosk's speech cache holds (finished files only, not the `.part` being written). */
const cachedClips = (kioskData: string): number => {
  const dir = join(kioskData, 'speech-cache');
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.wav')).length : 0;
};

const focusedName = (page: Page) => page.evaluate(() => (document.activeElement?.textContent ?? '').trim());

/** Presses a key until the focused element's text is `name` (bounded: a blind visitor would give up too). */
async function arrowTo(page: Page, name: string, key = 'ArrowDown'): Promise<void> {
  for (let presses = 0; presses < 120; presses += 1) {
    if ((await focusedName(page)) === name) return;
    await page.keyboard.press(key);
  }
  throw new Error(`"${name}" never took focus`);
}

test('finish the rating flow in Georgian with keys only, by sound', async ({ page }) => {
  const { transcript } = kiosk;
  transcript.attach(page);
  const heard = () => transcript.text();
  const kioskPage = new KioskPage(page);
  await kioskPage.open(kiosk.url);
  // A visitor walks up to a kiosk that has stood on its attract screen, whose two phrases (the hint and
  // "audio mode on") are synthesised ahead of need. Pressing at the page's first paint instead raced the
  // engine's start on a busy CI machine: the hint was still being made when the hold turned audio on.
  await expect.poll(() => cachedClips(kiosk.kioskData), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);

  // Hold Help for 2 s: the first key press says how to get audio (under 3 s), the hold turns it on.
  await transcript.checkpoint();
  await page.keyboard.down('F1');
  await page.waitForTimeout(2300);
  await page.keyboard.up('F1');
  await expect.poll(heard).toContain('ხმისთვის დააჭირეთ დახმარებას.');
  await expect.poll(heard).toContain('ხმოვანი რეჟიმი ჩართულია');
  // After "audio mode on" (its own clip since phrases are cut at 200 characters, about 13 s of speech).
  await expect.poll(heard, { timeout: 30_000 }).toContain('თქვენი აზრი აუმჯობესებს საჯარო სერვისებს');
  await expect(page.getByRole('status').filter({ hasText: 'ხმოვანი რეჟიმი' })).toBeVisible();
  await expect(page.getByRole('dialog')).toBeHidden(); // the help dialog did not open: the key was held

  await transcript.checkpoint();
  await page.keyboard.press('ArrowDown');
  await expect.poll(heard).toContain('დაწყება, ღილაკი');
  await page.keyboard.press('Enter');
  await expect.poll(heard).toContain('აირჩიეთ ენა');
  await expect.poll(heard).toContain('5 არჩევანი');

  // Each language's name is spoken in that language.
  await transcript.checkpoint();
  await arrowTo(page, 'English');
  await expect.poll(async () => (await transcript.sinceMark()).some((line) => line.lang === 'en' && line.text === 'English')).toBe(true);
  await arrowTo(page, 'Русский');
  await expect.poll(async () => (await transcript.sinceMark()).some((line) => line.lang === 'ru' && line.text === 'Русский')).toBe(true);
  await arrowTo(page, 'ქართული', 'ArrowUp');
  await page.keyboard.press('Enter');
  await expect.poll(heard).toContain('რისი გაკეთება გსურთ?');

  await transcript.checkpoint();
  await arrowTo(page, 'შეაფასეთ მიღებული მომსახურება');
  await page.keyboard.press('Enter');
  await expect.poll(heard).toContain('როგორ შეაფასებდით მიღებულ მომსახურებას?');
  await expect.poll(heard).toContain('ნაბიჯი 1, სულ 3.');
  await expect.poll(heard).toContain('5 არჩევანი');

  // Help (a short press) speaks help for this screen and the keys; Escape closes it and stays here.
  await transcript.checkpoint();
  await page.keyboard.press('F1');
  await expect(page.getByRole('dialog', { name: 'დახმარება' })).toBeVisible();
  await expect.poll(heard).toContain('შეეხეთ სახეს, რომელიც თქვენს აზრს შეესაბამება');
  // The keys printed in Latin, said by the Georgian voice in its own words (issue #13, defect 8).
  await expect.poll(heard).toContain(pronounce('Page Up და Page Down – სიჩქარე', 'ka'));
  await transcript.checkpoint();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(kioskPage.heading()).toHaveText('როგორ შეაფასებდით მიღებულ მომსახურებას?');
  // Back where the visitor was: on the first face, where the screen started them (issue #35), said again.
  await expect.poll(heard).toContain('ძალიან ცუდი, ვარიანტი, არ არის არჩეული');

  // Volume and speed by keys, each said; repeat says the last phrase again.
  await transcript.checkpoint();
  await page.keyboard.press('+');
  await expect.poll(heard).toContain('ხმა 90 პროცენტი.');
  await page.keyboard.press('PageUp');
  await expect.poll(heard).toContain('სიჩქარე 114 პროცენტი.');
  await page.keyboard.press('PageDown');
  await expect.poll(heard).toContain('სიჩქარე 100 პროცენტი.');
  await transcript.checkpoint();
  await page.keyboard.press('r'); // the last phrase was the focused face (volume and speed are not "phrases")
  await expect.poll(heard).toContain('ძალიან ცუდი, ვარიანტი, არ არის არჩეული');

  // EN 301 549 §8.2.1 (issue #35): the volume spans at least 18 dB, with a setting 12 dB above the lowest,
  // measured on what the page plays: the same phrase (Repeat) at the lowest, a middle and the highest setting.
  // The middle one is 50% (14 dB in theory): 40% is 12.04 dB in theory, and a CI run measured it at 11.95.
  await tapOutput(page);
  const levelAt = async (key: '+' | '-', presses: number, said: string): Promise<number> => {
    for (let press = 0; press < presses; press += 1) await page.keyboard.press(key);
    await expect.poll(heard).toContain(said);
    await page.keyboard.press('s');
    await page.keyboard.press('r');
    const level = await outputLevelDb(page);
    await page.keyboard.press('s');
    return level;
  };
  const lowest = await levelAt('-', 9, 'ხმა 10 პროცენტი.');
  const middle = await levelAt('+', 4, 'ხმა 50 პროცენტი.');
  const highest = await levelAt('+', 5, 'ხმა 100 პროცენტი.');
  console.log(
    `volume: ${(highest - lowest).toFixed(1)} dB from the lowest to the highest setting, ${(middle - lowest).toFixed(1)} dB to 50%`,
  );
  expect(highest - lowest).toBeGreaterThanOrEqual(18);
  expect(middle - lowest).toBeGreaterThanOrEqual(12);
  // Back to where the visitor was (90%), as the rest of this visit expects.
  await page.keyboard.press('-');
  await expect.poll(heard).toContain('ხმა 90 პროცენტი.');

  // Next without a choice: the error names the problem, aloud.
  await transcript.checkpoint();
  await arrowTo(page, 'შემდეგი');
  await page.keyboard.press('Enter');
  await expect.poll(heard).toContain('ჯერ აირჩიეთ ერთ-ერთი შეფასება');

  await transcript.checkpoint();
  await arrowTo(page, 'ძალიან კარგი', 'ArrowUp');
  await expect.poll(heard).toContain('ძალიან კარგი, ვარიანტი, არ არის არჩეული');
  await page.keyboard.press('Enter');
  await expect.poll(heard).toContain('ძალიან კარგი, ვარიანტი, არჩეულია');
  await arrowTo(page, 'შემდეგი');
  await page.keyboard.press('Enter');
  await expect.poll(heard).toContain('ნაბიჯი 2, სულ 3.');

  // The comment, typed on a physical keyboard; Escape leaves the text box.
  await arrowTo(page, '');
  await expect(page.getByRole('textbox')).toBeFocused();
  await page.keyboard.type('კარგი რიგი');
  await page.keyboard.press('Escape');
  await arrowTo(page, 'გაგზავნა');
  await transcript.checkpoint();
  await page.keyboard.press('Enter');

  // Read-back before sending: rating and (private, here into a headset) the comment.
  await expect.poll(heard).toContain('შეამოწმეთ პასუხები');
  await expect.poll(heard).toContain('თქვენი შეფასება: ძალიან კარგი');
  await expect.poll(async () => (await transcript.sinceMark()).some((line) => line.private && line.text === 'კარგი რიგი')).toBe(true);
  await arrowTo(page, 'გაგზავნა');
  await transcript.checkpoint();
  await page.keyboard.press('Enter');

  // After: the confirmation and the code, character by character.
  const code = await kioskPage.confirmationCode();
  await expect.poll(heard).toContain(ka.thanks.title);
  await expect.poll(heard).toContain(`თქვენი დადასტურების კოდი: ${spellOut(code, 'ka')}`);
  expect(spellOut(code, 'ka').split(', ')).toHaveLength(6);

  // The phrases really played in Chromium (Web Audio through howler), none failed to load.
  const played = (await speechEvents(page)).map((event) => event.type);
  expect(played.filter((type) => type === 'play').length).toBeGreaterThan(10);
  expect(played.filter((type) => type === 'error')).toEqual([]);

  await expect
    .poll(() => readCentralSubmissions(kiosk.centralData).map((row) => row.confirmation_code), { timeout: 30_000 })
    .toEqual([code]);

  // The next visitor starts at the default volume (80%), whatever this one chose (90%): "session ended" is already said at it.
  await arrowTo(page, 'დასრულება');
  await transcript.checkpoint();
  await page.keyboard.press('Enter');
  await expect.poll(heard).toContain('სესია დასრულდა. ნახვამდის.');
  await expect.poll(() => playingVolumes(page)).toEqual([0.8]);
});
