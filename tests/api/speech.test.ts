import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rmsLevel } from '../../sync/node/wav.js';
import { decodeWav } from '../support/decodeWav.js';
import { MAX_SPOKEN_CHARS } from '../../sync/node/speech/speakableText.js';
import { clipIdOf } from '../../src-main/core/speech/speechCache.js';
import { createSpeechService } from '../../src-main/core/speech/speechService.js';
import { VOICE_OF } from '../../sync/node/speech/voices.js';
import { createSynthesizer } from '../../sync/node/speech/synthesizer.js';
import { az } from '../../sync/texts/az.js';
import { en } from '../../sync/texts/en.js';
import { hy } from '../../sync/texts/hy.js';
import { ka } from '../../sync/texts/ka.js';
import { ru } from '../../sync/texts/ru.js';
import { makeTempDir } from '../support/tempDir.js';

// The real eSpeak NG (WebAssembly) in its worker thread, a real cache folder on disk.
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function setup(options: { cacheMaxMb?: number } = {}) {
  const dir = makeTempDir('speech');
  const warnings: string[] = [];
  const transcriptFile = join(dir.path, 'transcript.jsonl');
  const speech = createSpeechService({
    dataDir: dir.path,
    cacheMaxMb: options.cacheMaxMb ?? 64,
    transcriptFile,
    warn: (message) => warnings.push(message),
  });
  cleanups.push(dir.remove, () => speech.close());
  const audioOf = (clipId: string) => {
    const clip = speech.clipAudio(clipId);
    if (!clip) throw new Error(`no clip ${clipId}`);
    return decodeWav(clip.kind === 'memory' ? clip.bytes : readFileSync(clip.path));
  };
  const cachedFiles = () => readdirSync(join(dir.path, 'speech-cache'));
  const transcript = () =>
    readFileSync(transcriptFile, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { t: string; lang: string; text: string; private: boolean });
  return { speech, warnings, audioOf, transcript, cachedFiles };
}

// ACCESSIBILITY.md item 17: Georgian numbers, dates, codes and symbols spoken, and never a hang.
const GEORGIAN_CORPUS = [
  ...Array.from({ length: 101 }, (_, n) => String(n)),
  '1000000',
  '1 000 000 ლარი',
  '27.11.2026',
  '2026 წლის 27 ნოემბერი',
  '09:30-დან 18:00-მდე',
  'თქვენი კოდია: 7 K 3 Q Z A',
  'A7K3QZ',
  'გმადლობთ! როგორ შეაფასებდით მომსახურებას? (1-5)',
  '«იუსტიციის სახლი» — 24/7; 100%.',
  'ძალიან კარგი 😀 მომსახურება',
  '😀',
];

describe('speech engine (eSpeak NG in a worker)', () => {
  it('speaks every item of the Georgian regression corpus as non-silent audio, each within 2 s', async () => {
    const { speech, audioOf } = setup();
    // The engine's own start-up (about a second, once per kiosk) is not an item's synthesis.
    await speech.speak({ text: 'გამარჯობა', language: 'ka', rate: 175, private: false });
    const slow: string[] = [];
    const silent: string[] = [];
    for (const text of GEORGIAN_CORPUS) {
      const started = performance.now();
      const clip = await speech.speak({ text, language: 'ka', rate: 175, private: false });
      const ms = performance.now() - started;
      if (ms > 2000) slow.push(`${text}: ${ms.toFixed(0)} ms`);
      if (text === '😀') {
        expect(clip).toBeNull(); // nothing speakable: skipped, with a warning
        continue;
      }
      const audio = clip ? audioOf(clip.clipId) : undefined;
      if (!audio || audio.samples.length < audio.sampleRate * 0.1 || rmsLevel(audio.samples) < 0.01) silent.push(text);
    }
    expect(silent).toEqual([]);
    expect(slow).toEqual([]);
  }, 120_000);

  it('cuts 10,000 characters, drops emoji and unreadable scripts with a warning, and stays responsive', async () => {
    const { speech, warnings, transcript } = setup();
    const long = 'ეს არის ძალიან გრძელი კომენტარი '.repeat(320).slice(0, 10_000);
    const clip = await speech.speak({ text: long, language: 'ka', rate: 175, private: true });
    expect(clip?.text.length).toBeLessThanOrEqual(MAX_SPOKEN_CHARS);
    expect(await speech.speak({ text: '中文 🙂🙂', language: 'ka', rate: 175, private: false })).toBeNull();
    expect(warnings.join('\n')).toMatch(/cut to \d+ of 10000 characters/);
    expect(warnings.join('\n')).toMatch(/dropped 4 character/);
    // Still answering afterwards.
    const after = await speech.speak({ text: 'Hello', language: 'en', rate: 175, private: false });
    expect(after?.durationMs).toBeGreaterThan(100);
    const lines = transcript();
    expect(lines.map((line) => [line.lang, line.private])).toEqual([
      ['ka', true],
      ['en', false],
    ]);
    expect(lines[1]?.text).toBe('Hello');
  }, 60_000);

  it('answers the same clip from the cache, keeps the cache under its cap, and synthesises ahead of need', async () => {
    const { speech } = setup({ cacheMaxMb: 1 });
    const first = await speech.speak({ text: 'მთავარი გვერდი', language: 'ka', rate: 175, private: false });
    const started = performance.now();
    const again = await speech.speak({ text: 'მთავარი გვერდი', language: 'ka', rate: 175, private: false });
    expect(again?.clipId).toBe(first?.clipId);
    expect(performance.now() - started).toBeLessThan(50);
    // A different rate is a different clip.
    const faster = await speech.speak({ text: 'მთავარი გვერდი', language: 'ka', rate: 300, private: false });
    expect(faster?.clipId).not.toBe(first?.clipId);
    expect(faster?.durationMs ?? 0).toBeLessThan(first?.durationMs ?? 0);
    // About 1.4 MB of speech through a 1 MiB cache: the oldest clips leave.
    for (let n = 0; n < 12; n += 1)
      await speech.speak({
        text: `ეს არის ტესტური წინადადება ნომერი ${String(n)}, საკმაოდ გრძელი.`,
        language: 'ka',
        rate: 175,
        private: false,
      });
    expect(speech.clipAudio(first?.clipId ?? '')).toBeUndefined();
    // Prefetch puts the clip in the disk cache before anyone asks to speak it.
    const helpClip = clipIdOf('დახმარება', VOICE_OF.ka, 175);
    expect(speech.clipAudio(helpClip)).toBeUndefined();
    speech.prefetch(['დახმარება'], 'ka', 175);
    await expect.poll(() => speech.clipAudio(helpClip)?.kind, { timeout: 10_000 }).toBe('file');
  }, 60_000);

  it('keeps private speech in memory only: no file, an id unrelated to the text, nothing in the log, gone at the session boundary', async () => {
    const { speech, warnings, audioOf, cachedFiles } = setup();
    const phone = '+995 555 12 34 56 🙂';
    const clip = await speech.speak({ text: phone, language: 'ka', rate: 175, private: true });
    expect(clip).not.toBeNull();
    const id = clip?.clipId ?? '';
    expect(speech.clipAudio(id)?.kind).toBe('memory');
    expect(rmsLevel(audioOf(id).samples)).toBeGreaterThan(0.01);
    expect(id).not.toBe(clipIdOf(clip?.text ?? '', VOICE_OF.ka, 175));
    expect(cachedFiles()).toEqual([]);
    expect(warnings.join('\n')).not.toMatch(/555/);
    // The same phrase twice: two unrelated ids (an id must not even tell that a text was repeated).
    expect((await speech.speak({ text: phone, language: 'ka', rate: 175, private: true }))?.clipId).not.toBe(id);

    // A session boundary drops every private clip, including one still being synthesised.
    const inFlight = speech.speak({ text: 'ჩემი ელფოსტა nino@example.ge', language: 'ka', rate: 175, private: true });
    speech.forgetPrivate();
    expect(speech.clipAudio(id)).toBeUndefined();
    expect(await inFlight).toBeNull();
    expect(cachedFiles()).toEqual([]);
  }, 30_000);

  it('says how to turn audio mode on in under 3 s of speech, in every language (ACCESSIBILITY.md item 2)', async () => {
    const { speech } = setup();
    const durations: Record<string, number> = {};
    for (const [language, messages] of [
      ['ka', ka],
      ['en', en],
      ['ru', ru],
      ['az', az],
      ['hy', hy],
    ] as const) {
      durations[language] =
        (await speech.speak({ text: messages.audio.attract, language, rate: 175, private: false }))?.durationMs ?? Infinity;
    }
    expect(Object.entries(durations).filter(([, ms]) => ms >= 3000)).toEqual([]);
  }, 30_000);

  it('starts every phrase within 3 ms of its first sound (eSpeak puts 49 ms of zeros before a plosive)', async () => {
    const synthesizer = createSynthesizer();
    cleanups.push(() => synthesizer.close());
    for (const text of ['კარგი', 'ტელეფონი', 'პენსიონერი თბილისში', 'დაწყება', 'მოქალაქე']) {
      const { samples, sampleRate } = await synthesizer.synthesize(text, 'ka', 175);
      const leadMs = (samples.findIndex((sample) => sample !== 0) / sampleRate) * 1000;
      expect(leadMs, text).toBeLessThanOrEqual(3);
      expect(samples.length / sampleRate, text).toBeGreaterThan(0.2); // the phrase itself is all there
    }
  }, 30_000);

  it('restarts a worker that does not answer in time and skips only that text; an idle worker stops and comes back', async () => {
    const synthesizer = createSynthesizer({ timeoutMs: 1 });
    cleanups.push(() => synthesizer.close());
    await expect(synthesizer.synthesize('ეს ტექსტი ვერ მოასწრებს', 'ka', 175)).rejects.toThrow(/engine restarted/);
    // A worker stopped for being idle comes back for the next text.
    const patient = createSynthesizer({ idleMs: 50 });
    cleanups.push(() => patient.close());
    const audio = await patient.synthesize('გამარჯობა', 'ka', 175);
    expect(audio.samples.length).toBeGreaterThan(1000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await patient.synthesize('კიდევ ერთხელ', 'ka', 175)).samples.length).toBeGreaterThan(1000);
  }, 30_000);
});
