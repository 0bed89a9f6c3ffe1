import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config.js';
import { createSynthesizer } from '../../sync/node/speech/synthesizer.js';
import { freePort } from '../../tests/support/freePort.js';
import { outputLevelDb, tapOutput } from '../../tests/support/outputLevel.js';
import { writeKioskConfig } from '../../tests/support/processes.js';
import { makeTempDir } from '../../tests/support/tempDir.js';
import { startCompiledKiosk, type CompiledKiosk } from './compiledKiosk.js';
import { median, percentile, round, type BenchResult } from './stats.js';

const SAMPLES = 20;
/** A visitor hears a new screen's title before pressing a key: a second is quick; labels are synthesised as they appear. */
const ON_SCREEN_BEFORE_KEY_MS = 1000;
/** Cold: the key comes right after the label appears, before anything could prepare it. */
const COLD_KEY_AFTER_MS = 20;

// Ten-word Georgian labels, each different (so "uncached" is really uncached): a fixed sentence with varying words.
const SUBJECTS = ['მოქალაქე', 'სტუდენტი', 'პენსიონერი', 'მეწარმე', 'ექიმი', 'მასწავლებელი', 'მძღოლი', 'მშენებელი', 'ფერმერი', 'მუსიკოსი'];
const PLACES = ['თბილისში', 'ბათუმში', 'ქუთაისში', 'რუსთავში', 'გორში', 'ზუგდიდში', 'ფოთში', 'თელავში', 'ახალციხეში', 'მცხეთაში'];
const label = (n: number) =>
  `${SUBJECTS[n % 10] ?? ''} ${PLACES[Math.floor(n / 10) % 10] ?? ''} იღებს საჯარო მომსახურებას სწრაფად, მარტივად და ერთ ფანჯარაში დღეს`;

const PARAGRAPH =
  'იუსტიციის სახლი მოქალაქეებს სთავაზობს ასობით საჯარო მომსახურებას ერთ სივრცეში. თქვენი შეფასება გვეხმარება გავიგოთ, რომელი სერვისები უნდა გაუმჯობესდეს პირველ რიგში და როგორ შევამციროთ რიგში ლოდინის დრო ყველა ფილიალში.';

/**
 * Page-side (plain JS: this script is type-checked for Node, which has no DOM
 * types): an AudioWorklet beside the output (fed from howler's master gain in
 * parallel, so it adds no delay to what the visitor hears) watches every
 * 128-sample block. The first sample above -40 dBFS after the key is placed in
 * time by the block's context time, mapped to performance.now() through
 * getOutputTimestamp(), which pairs the frame reaching the output device with
 * the moment it does: that is when the sound leaves. The page also notes which
 * clip the player had been handed last. The worklet's module comes from a blob:
 * URL, which is why the measuring page bypasses the kiosk's CSP.
 */
const WORKLET = `registerProcessor('bench-first-sound', class extends AudioWorkletProcessor {
  constructor() { super(); this.armed = false; this.port.onmessage = (event) => { this.armed = event.data; }; }
  process(inputs) {
    const channel = inputs[0] && inputs[0][0];
    if (this.armed && channel) {
      for (let i = 0; i < channel.length; i += 1) {
        if (Math.abs(channel[i]) >= 0.01) { this.armed = false; this.port.postMessage(currentTime + i / sampleRate); break; }
      }
    }
    return true;
  }
});`;

const INSTALL_OUTPUT_TAP = `(async () => {
  const ctx = window.Howler.ctx;
  const url = URL.createObjectURL(new Blob([${JSON.stringify(WORKLET)}], { type: 'text/javascript' }));
  await ctx.audioWorklet.addModule(url);
  const tap = new AudioWorkletNode(ctx, 'bench-first-sound', { numberOfOutputs: 1 });
  const mute = ctx.createGain();
  mute.gain.value = 0;
  window.Howler.masterGain.connect(tap);
  tap.connect(mute).connect(ctx.destination);
  window.benchTap = { at: null, src: null, arm: () => { window.benchTap.at = null; tap.port.postMessage(true); }, disarm: () => tap.port.postMessage(false) };
  tap.port.onmessage = (event) => {
    const stamp = ctx.getOutputTimestamp();
    window.benchTap.at = stamp.performanceTime + (event.data - stamp.contextTime) * 1000;
    // The clip handed to howler last (logged before it starts; its 'play' event comes a tick after the sound may).
    const requested = window.pshSpeechEvents.filter((e) => e.type === 'request');
    window.benchTap.src = requested.length ? requested[requested.length - 1].src : null;
  };
  window.addEventListener('keydown', (event) => { if (event.key === 'ArrowDown') window.benchKeyAt = event.timeStamp; }, { capture: true });
})()`;

/** The kiosk with a headset configured (nothing waits on the privacy prompt) and the speech transcript on. */
async function startKiosk(dir: string): Promise<{ kiosk: CompiledKiosk; transcript: string }> {
  const transcript = join(dir, 'transcript.jsonl');
  const config = writeKioskConfig(dir, `http://127.0.0.1:${await freePort()}`, { audio: { headsetIsOutput: true } });
  return { kiosk: await startCompiledKiosk(config, { KIOSK_SPEECH_TRANSCRIPT: transcript }), transcript };
}

/** The clip the core synthesised for a label's focus phrase ("<label>, button"), from the transcript. */
function clipOfLabel(transcript: string, text: string): string | undefined {
  const lines = readFileSync(transcript, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { text: string; clip: string });
  return lines.find((line) => line.text.startsWith(text))?.clip;
}

async function pollPage<T>(page: Page, expression: string, what: string): Promise<NonNullable<T>> {
  // Polled from here (the page's CSP forbids waitForFunction's eval); the figures come from the page's own clocks.
  for (let polls = 0; polls < 1000; polls += 1) {
    const value = await page.evaluate<T>(expression);
    if (value !== null && value !== undefined) return value;
    await page.waitForTimeout(10);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * One sample: a button with a 10-word Georgian label appears, and after
 * `keyAfterMs` a key press moves focus to it; measured from the key event's
 * timestamp to the first sound of that label's clip leaving the output.
 */
async function keyToFirstSound(page: Page, transcript: string, text: string, keyAfterMs: number): Promise<number> {
  await page.evaluate(`(() => {
    let probe = document.getElementById('bench-probe');
    if (!probe) {
      probe = document.createElement('button');
      probe.id = 'bench-probe';
      probe.className = 'big-button';
      document.querySelector('main').prepend(probe);
    }
    probe.setAttribute('aria-label', ${JSON.stringify(text)});
    document.getElementById('screen-title').focus();
  })()`);
  await page.waitForTimeout(keyAfterMs);
  await page.evaluate(`window.benchTap.arm()`);
  await page.keyboard.press('ArrowDown');
  const heard = await pollPage<{ at: number; src: string | null }>(
    page,
    `window.benchTap.at === null ? null : { at: window.benchTap.at - window.benchKeyAt, src: window.benchTap.src }`,
    `sound for "${text}"`,
  );
  await page.evaluate(`window.benchTap.disarm()`);
  await page.keyboard.press('s'); // stop speech before the next sample
  await page.waitForTimeout(150); // and let the output fall silent
  const clip = clipOfLabel(transcript, text);
  if (!clip || heard.src !== `/api/media/speech/${clip}.wav`)
    throw new Error(`the sound after the key was not "${text}" (played ${String(heard.src)}, label's clip ${String(clip)})`);
  return heard.at;
}

/** The visitor's volume keys go 10% a press, between 10% and 100%: 9 presses down reach 10% from anywhere, then 50%, then 100%. */
const VOLUME_STEPS = { toLowest: 9, toMiddle: 4, toHighest: 5 } as const;

/**
 * EN 301 549 §8.2.1 (issue #35): the range of the visitor's volume, measured
 * on what the page plays (after every clip's own volume, as it reaches the
 * sound card): the same phrase, repeated with the Repeat key, at the lowest,
 * a middle (50%) and the highest setting. Three rounds; medians.
 */
async function measureVolumeRange(page: Page): Promise<{ rangeDb: number[]; stepDb: number[] }> {
  await tapOutput(page);
  const levelAfter = async (key: '+' | '-', presses: number): Promise<number> => {
    for (let press = 0; press < presses; press += 1) await page.keyboard.press(key);
    await page.keyboard.press('s'); // the volume announcement, cut
    await page.waitForTimeout(150);
    await page.keyboard.press('r'); // the last phrase again, at the new volume
    const level = await outputLevelDb(page, 1000);
    await page.keyboard.press('s');
    await page.waitForTimeout(150);
    return level;
  };
  const rangeDb: number[] = [];
  const stepDb: number[] = [];
  for (let pass = 0; pass < 3; pass += 1) {
    const lowest = await levelAfter('-', VOLUME_STEPS.toLowest);
    const middle = await levelAfter('+', VOLUME_STEPS.toMiddle);
    const highest = await levelAfter('+', VOLUME_STEPS.toHighest);
    rangeDb.push(highest - lowest);
    stepDb.push(middle - lowest);
  }
  return { rangeDb, stepDb };
}

interface SpeechSamples {
  readonly uncached: number[];
  readonly cached: number[];
  readonly cold: number[];
  readonly rangeDb: number[];
  readonly stepDb: number[];
}

async function measureFirstSound(): Promise<SpeechSamples> {
  const dir = makeTempDir('bench-speech');
  const { kiosk, transcript } = await startKiosk(dir.path);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  const samples = {
    uncached: [] as number[],
    cached: [] as number[],
    cold: [] as number[],
    rangeDb: [] as number[],
    stepDb: [] as number[],
  };
  try {
    // bypassCSP only for the measuring tap's worklet module (a blob: URL); the kiosk's own code is unchanged.
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, bypassCSP: true });
    await page.goto(kiosk.url);
    await page.getByRole('button', { name: 'ხმა', exact: true }).click();
    // As a visitor would: the confirmation that audio mode is on plays first (and creates the audio context).
    await pollPage<boolean>(page, `window.pshSpeechEvents.some((event) => event.type === 'play') || null`, 'audio mode to speak');
    await page.keyboard.press('s');
    await page.evaluate(INSTALL_OUTPUT_TAP);
    for (let n = 0; n < SAMPLES; n += 1) samples.uncached.push(await keyToFirstSound(page, transcript, label(n), ON_SCREEN_BEFORE_KEY_MS));
    for (let n = 0; n < SAMPLES; n += 1) samples.cached.push(await keyToFirstSound(page, transcript, label(n), COLD_KEY_AFTER_MS));
    for (let n = SAMPLES; n < 2 * SAMPLES; n += 1) samples.cold.push(await keyToFirstSound(page, transcript, label(n), COLD_KEY_AFTER_MS));
    Object.assign(samples, await measureVolumeRange(page));
  } finally {
    await browser.close();
    await kiosk.stop();
    dir.remove();
  }
  return samples;
}

/** speech.first_audio_ms_{uncached,cached,cold} (p95 and median), speech.synth_rtf_ka and audio.volume_{range,step}_db. */
export async function benchSpeech(): Promise<BenchResult[]> {
  const { uncached, cached, cold, rangeDb, stepDb } = await measureFirstSound();
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
  const list = (values: number[]) => values.map((v) => v.toFixed(0)).join(', ');
  console.log(
    `speech first sound at the output, label new to this kiosk, on screen ${String(ON_SCREEN_BEFORE_KEY_MS)} ms before the key: ${list(uncached)} ms`,
  );
  console.log(`speech first sound at the output, label heard before: ${list(cached)} ms`);
  console.log(
    `speech first sound at the output, label new and the key ${String(COLD_KEY_AFTER_MS)} ms after it appeared (nothing prepared): ${list(cold)} ms`,
  );
  console.log(`speech synthesis real-time factor (ka): ${rtf.map((v) => v.toFixed(3)).join(', ')}`);
  const db = (values: number[]) => values.map((v) => v.toFixed(1)).join(', ');
  console.log(`audio volume, lowest to highest setting: ${db(rangeDb)} dB; lowest to 50%: ${db(stepDb)} dB`);
  return [
    { name: 'speech.first_audio_ms_uncached_p95', value: round(percentile(uncached, 95), 1), unit: 'ms', limit: 150, direction: 'max' },
    { name: 'speech.first_audio_ms_uncached_median', value: round(median(uncached), 1), unit: 'ms' },
    { name: 'speech.first_audio_ms_cached_p95', value: round(percentile(cached, 95), 1), unit: 'ms', limit: 50, direction: 'max' },
    { name: 'speech.first_audio_ms_cached_median', value: round(median(cached), 1), unit: 'ms' },
    { name: 'speech.first_audio_ms_cold_median', value: round(median(cold), 1), unit: 'ms' },
    { name: 'speech.synth_rtf_ka', value: round(median(rtf), 4), unit: 'ratio', limit: 0.1, direction: 'max' },
    // EN 301 549 §8.2.1: at least 18 dB of range, with a step of at least 12 dB.
    { name: 'audio.volume_range_db', value: round(median(rangeDb), 1), unit: 'dB', limit: 18, direction: 'min' },
    { name: 'audio.volume_step_db', value: round(median(stepDb), 1), unit: 'dB', limit: 12, direction: 'min' },
  ];
}
