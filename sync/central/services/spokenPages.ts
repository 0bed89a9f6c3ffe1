import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { LANGUAGES, type Language } from '../../protocol/languages.js';
import { speakableText } from '../../node/speech/speakableText.js';
import { createSynthesizer } from '../../node/speech/synthesizer.js';
import { VOICE_OF } from '../../node/speech/voices.js';
import { encodeWav } from '../../node/wav.js';
import { DEFAULT_SPEECH_RATE } from '../../protocol/speech.js';
import type { CentralDatabase } from '../db/schema.js';

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
 * Central once per text and kept as a WAV file. Only what a page registers
 * can be spoken (questions and choices, public content), so nobody can make
 * Central speak, or spend its CPU on, a text of their own.
 */
export function createSpokenPages(db: Kysely<CentralDatabase>, cacheDir: string) {
  mkdirSync(cacheDir, { recursive: true });
  // Started on the first Listen, stopped when idle (the engine holds ~200 MB).
  const synthesizer = createSynthesizer();
  const remembered = new Set<string>();
  const inFlight = new Map<string, Promise<string>>();

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

  return {
    /** Registers what a page's Listen button says and returns the audio's URL. */
    async register(lang: Language, lines: readonly string[]): Promise<string> {
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
      return `/listen/${key}.wav`;
    },

    /** The WAV file of a registered text (synthesised on first request, then cached), or undefined for an unknown key. */
    async file(key: string): Promise<string | undefined> {
      if (!/^[0-9a-f]{32}$/.test(key)) return undefined;
      const path = join(cacheDir, `${key}.wav`);
      if (existsSync(path)) return path;
      const pending = inFlight.get(key);
      if (pending) return pending;
      const row = await db.selectFrom('spoken_texts').select(['lang', 'text']).where('key', '=', key).executeTakeFirst();
      if (!row || !LANGUAGES.includes(row.lang as Language)) return undefined;
      const lines = JSON.parse(row.text) as string[];
      const made = synthesize(row.lang as Language, lines)
        .then((wav) => {
          // Written whole then renamed: a reader never gets half a file.
          const partial = `${path}.${String(process.pid)}.partial`;
          writeFileSync(partial, wav);
          renameSync(partial, path);
          return path;
        })
        .finally(() => inFlight.delete(key));
      inFlight.set(key, made);
      return made;
    },

    close: () => synthesizer.close(),
  };
}

export type SpokenPages = ReturnType<typeof createSpokenPages>;
