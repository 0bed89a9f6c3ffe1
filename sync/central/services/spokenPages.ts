import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { LANGUAGES, type Language } from '../../protocol/languages.js';
import { speakableText } from '../../node/speech/speakableText.js';
import { createSynthesizer } from '../../node/speech/synthesizer.js';
import { spokenSeconds } from '../../node/speech/spokenSeconds.js';
import { VOICE_OF } from '../../node/speech/voices.js';
import { encodeWav } from '../../node/wav.js';
import { DEFAULT_SPEECH_RATE } from '../../protocol/speech.js';
import type { CentralDatabase } from '../db/schema.js';
import { encodeOpus, opusEncoderAvailable } from './opusEncoder.js';

/** A Listen button's audio: Ogg Opus where Central can encode it (first: phones on mobile data), WAV always. */
export interface ListenAudio {
  readonly wav: string;
  readonly opus?: string;
}

export type ListenFormat = 'wav' | 'opus';

/** The kiosk's default speech rate, so a phone hears what a kiosk says. */
const RATE = DEFAULT_SPEECH_RATE;
/** The pause between a question and each of its choices, as the kiosk's audio mode leaves between lines. */
const PAUSE_MS = 350;
/** The keys of texts this process already wrote, so a page shown again writes nothing. Bounded: it only saves writes. */
const REMEMBERED = 5_000;

const keyOf = (lang: Language, lines: readonly string[]): string =>
  createHash('sha256')
    .update(JSON.stringify([VOICE_OF[lang], RATE, lines]))
    .digest('hex')
    .slice(0, 32);

/**
 * The Listen button of the phone pages: a question and its choices spoken in
 * the page's language with the kiosk's eSpeak NG voices, synthesised at
 * Central once per text and kept as a WAV file, and as Ogg Opus for phones
 * (about a fifteenth of the bytes) where opusenc is installed. Only what a page registers
 * can be spoken (questions and choices, public content), so nobody can make
 * Central speak, or spend its CPU on, a text of their own.
 */
export function createSpokenPages(db: Kysely<CentralDatabase>, cacheDir: string) {
  mkdirSync(cacheDir, { recursive: true });
  // Started on the first Listen, stopped when idle (the engine holds ~200 MB).
  const synthesizer = createSynthesizer();
  const remembered = new Set<string>();
  const inFlight = new Map<string, Promise<string>>();
  // Probed on the first Listen page, not at start-up: a Central that serves no phone page spawns nothing.
  let opusProbe: boolean | undefined;
  const opus = (): boolean => (opusProbe ??= opusEncoderAvailable());

  /** Makes a cache file once, however many ask at the same time: written whole then renamed, so a reader never gets half a file. */
  const cached = (path: string, make: () => Promise<Buffer>): Promise<string> => {
    if (existsSync(path)) return Promise.resolve(path);
    const pending = inFlight.get(path);
    if (pending) return pending;
    const made = make()
      .then((bytes) => {
        const partial = `${path}.${String(process.pid)}.partial`;
        writeFileSync(partial, bytes);
        renameSync(partial, path);
        return path;
      })
      .finally(() => inFlight.delete(path));
    inFlight.set(path, made);
    return made;
  };

  /** The WAV of a registered text (synthesised on first request), or undefined for an unknown key. */
  async function wavFile(key: string): Promise<string | undefined> {
    const path = join(cacheDir, `${key}.wav`);
    if (existsSync(path)) return path;
    const row = await db.selectFrom('spoken_texts').select(['lang', 'text']).where('key', '=', key).executeTakeFirst();
    if (!row || !LANGUAGES.includes(row.lang as Language)) return undefined;
    const lines = JSON.parse(row.text) as string[];
    return cached(path, () => synthesize(row.lang as Language, lines));
  }

  async function synthesize(lang: Language, lines: readonly string[]): Promise<Buffer> {
    const parts: Int16Array[] = [];
    let sampleRate = 22_050;
    for (const line of lines) {
      const { text } = speakableText(line);
      if (!text) continue;
      const audio = await synthesizer.synthesize(text, VOICE_OF[lang], RATE);
      sampleRate = audio.sampleRate;
      if (parts.length > 0) parts.push(new Int16Array(Math.round((sampleRate * PAUSE_MS) / 1000)));
      parts.push(audio.samples);
    }
    const samples = new Int16Array(parts.reduce((sum, part) => sum + part.length, 0));
    let offset = 0;
    for (const part of parts) {
      samples.set(part, offset);
      offset += part.length;
    }
    return encodeWav(samples, { sampleRate, channels: 1 });
  }

  const measured = new Map<string, number>();
  /** Seconds the kiosk's voice takes to say one line; remembered, since editors check a text again and again. */
  async function secondsToSay(lang: Language, line: string): Promise<number> {
    const key = `${lang}\n${line}`;
    const known = measured.get(key);
    if (known !== undefined) return known;
    const seconds = await spokenSeconds(synthesizer, lang, line);
    if (measured.size >= REMEMBERED) measured.clear();
    measured.set(key, seconds);
    return seconds;
  }

  return {
    secondsToSay,

    /** Registers what a page's Listen button says and returns the audio's URL. */
    async register(lang: Language, lines: readonly string[]): Promise<ListenAudio> {
      const key = keyOf(lang, lines);
      if (!remembered.has(key)) {
        await db
          .insertInto('spoken_texts')
          .values({ key, lang, text: JSON.stringify(lines), created_at: new Date().toISOString() })
          .onConflict((conflict) => conflict.column('key').doNothing())
          .execute();
        if (remembered.size >= REMEMBERED) remembered.clear();
        remembered.add(key);
      }
      return { wav: `/listen/${key}.wav`, ...(opus() ? { opus: `/listen/${key}.opus` } : {}) };
    },

    /** A registered text's audio file in a format (made on first request, then cached), or undefined for an unknown key. */
    async file(key: string, format: ListenFormat): Promise<string | undefined> {
      if (!/^[0-9a-f]{32}$/.test(key)) return undefined;
      const wav = await wavFile(key);
      if (format === 'wav' || !wav) return wav;
      if (!opus()) return undefined;
      return cached(join(cacheDir, `${key}.opus`), async () => encodeOpus(await readFile(wav)));
    },

    close: () => synthesizer.close(),
  };
}

export type SpokenPages = ReturnType<typeof createSpokenPages>;
