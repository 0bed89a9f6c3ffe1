import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config.js';
import { createSynthesizer } from '../../src-main/core/speech/synthesizer.js';
import { freePort } from '../../tests/support/freePort.js';
import { writeKioskConfig } from '../../tests/support/processes.js';
import { makeTempDir } from '../../tests/support/tempDir.js';
import { startCompiledKiosk, type CompiledKiosk } from './compiledKiosk.js';
import { median, percentile, round, type BenchResult } from './stats.js';

const SAMPLES = 20;

// Ten-word Georgian labels, each different (so "uncached" is really uncached): a fixed sentence with varying words.
const SUBJECTS = ['მოქალაქე', 'სტუდენტი', 'პენსიონერი', 'მეწარმე', 'ექიმი', 'მასწავლებელი', 'მძღოლი', 'მშენებელი', 'ფერმერი', 'მუსიკოსი'];
const PLACES = ['თბილისში', 'ბათუმში', 'ქუთაისში', 'რუსთავში', 'გორში', 'ზუგდიდში', 'ფოთში', 'თელავში', 'ახალციხეში', 'მცხეთაში'];
const label = (n: number) =>
  `${SUBJECTS[n % 10] ?? ''} ${PLACES[Math.floor(n / 10) % 10] ?? ''} იღებს საჯარო მომსახურებას სწრაფად, მარტივად და ერთ ფანჯარაში დღეს`;

const PARAGRAPH =
  'იუსტიციის სახლი მოქალაქეებს სთავაზობს ასობით საჯარო მომსახურებას ერთ სივრცეში. თქვენი შეფასება გვეხმარება გავიგოთ, რომელი სერვისები უნდა გაუმჯობესდეს პირველ რიგში და როგორ შევამციროთ რიგში ლოდინის დრო ყველა ფილიალში.';

/** The compiled kiosk with a headset configured, so nothing waits on the privacy prompt. */
async function startKiosk(dir: string): Promise<CompiledKiosk> {
  return startCompiledKiosk(writeKioskConfig(dir, `http://127.0.0.1:${await freePort()}`, { audio: { headsetIsOutput: true } }));
}

/**
 * One sample: a key press moves focus to a button with a 10-word Georgian
 * label; measured from the key event's timestamp to the player's 'play' of
 * that label's clip (howler started the Web Audio source).
 */
async function keyToFirstAudio(page: Page, text: string): Promise<number> {
  // Page-side code as plain JS strings: this script is type-checked for Node, which has no DOM types.
  await page.evaluate(`(() => {
    let probe = document.getElementById('bench-probe');
    if (!probe) {
      probe = document.createElement('button');
      probe.id = 'bench-probe';
      probe.className = 'big-button';
      document.querySelector('main').prepend(probe);
      window.addEventListener('keydown', (event) => { window.benchKeyAt = event.timeStamp; }, { capture: true });
    }
    probe.setAttribute('aria-label', ${JSON.stringify(text)});
    document.getElementById('screen-title').focus();
  })()`);
  await page.waitForTimeout(150); // let anything still playing settle
  const before = await page.evaluate<number>('window.pshSpeechEvents.length');
  await page.keyboard.press('ArrowDown');
  // Polled from here (the page's CSP forbids waitForFunction's eval); the figure comes from the page's own timestamps.
  let latency: number | null = null;
  for (let polls = 0; latency === null; polls += 1) {
    if (polls > 1000) throw new Error(`no speech for "${text}"`);
    await page.waitForTimeout(10);
    latency = await page.evaluate<number | null>(`(() => {
      const played = window.pshSpeechEvents.slice(${String(before)}).find((event) => event.type === 'play');
      return played ? played.at - window.benchKeyAt : null;
    })()`);
  }
  await page.keyboard.press('s'); // stop speech before the next sample
  return latency;
}

/** speech.first_audio_ms_{uncached,cached} (p95 and median) and speech.synth_rtf_ka. */
export async function benchSpeech(): Promise<BenchResult[]> {
  const dir = makeTempDir('bench-speech');
  const kiosk = await startKiosk(dir.path);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  const uncached: number[] = [];
  const cached: number[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(kiosk.url);
    await page.getByRole('button', { name: '♪ ხმა', exact: true }).click();
    // As a visitor would: the confirmation that audio mode is on plays first.
    for (let polls = 0; !(await page.evaluate<boolean>(`window.pshSpeechEvents.some((event) => event.type === 'play')`)); polls += 1) {
      if (polls > 1000) throw new Error('audio mode never spoke');
      await page.waitForTimeout(10);
    }
    await page.keyboard.press('s');
    for (let n = 0; n < SAMPLES; n += 1) uncached.push(await keyToFirstAudio(page, label(n)));
    for (let n = 0; n < SAMPLES; n += 1) cached.push(await keyToFirstAudio(page, label(n)));
  } finally {
    await browser.close();
    await kiosk.stop();
    dir.remove();
  }

  const synthesizer = createSynthesizer();
  const rtf: number[] = [];
  try {
    await synthesizer.synthesize('გამარჯობა', 'ka', 175); // engine start-up is not synthesis
    for (let run = 0; run < 7; run += 1) {
      const text = `${PARAGRAPH} ${label(run)}`; // 30+ words, different each run
      const started = performance.now();
      const audio = await synthesizer.synthesize(text, 'ka', 175);
      rtf.push((performance.now() - started) / 1000 / (audio.samples.length / audio.sampleRate));
    }
  } finally {
    await synthesizer.close();
  }
  console.log(`speech first audio uncached: ${uncached.map((v) => v.toFixed(0)).join(', ')} ms`);
  console.log(`speech first audio cached: ${cached.map((v) => v.toFixed(0)).join(', ')} ms`);
  console.log(`speech synthesis real-time factor (ka): ${rtf.map((v) => v.toFixed(3)).join(', ')}`);
  return [
    { name: 'speech.first_audio_ms_uncached_p95', value: round(percentile(uncached, 95), 1), unit: 'ms', limit: 150 },
    { name: 'speech.first_audio_ms_uncached_median', value: round(median(uncached), 1), unit: 'ms' },
    { name: 'speech.first_audio_ms_cached_p95', value: round(percentile(cached, 95), 1), unit: 'ms', limit: 50 },
    { name: 'speech.first_audio_ms_cached_median', value: round(median(cached), 1), unit: 'ms' },
    { name: 'speech.synth_rtf_ka', value: round(median(rtf), 4), unit: 'ratio', limit: 0.1 },
  ];
}
