import { join } from 'node:path';
import type { Language } from '../../../sync/protocol/localized.js';
import { encodeWav } from '../../../sync/node/wav.js';
import { createPrivateClips } from './privateClips.js';
import { clipIdOf, createSpeechCache } from './speechCache.js';
import { speakableText } from '../../../sync/node/speech/speakableText.js';
import { createSynthesizer } from '../../../sync/node/speech/synthesizer.js';
import { createTranscript } from './transcript.js';
import { VOICE_OF } from '../../../sync/node/speech/voices.js';

/** A phrase ready to play: the host serves it at `speech/<clipId>.wav`. */
export interface SpokenClip {
  readonly clipId: string;
  readonly audioPath: string;
  readonly durationMs: number;
  /** The text as spoken (emoji and unreadable scripts dropped, very long text cut). */
  readonly text: string;
}

export interface SpeakRequest {
  readonly text: string;
  readonly language: Language;
  readonly rate: number;
  /** Private content (typed text, a vote, personal data): synthesised in memory only, never cached on disk. */
  readonly private: boolean;
}

const WAV_HEADER_BYTES = 44;
const SAMPLE_RATE = 22_050;

/** Where a clip's WAV is: a cached file, or (private speech) bytes in memory that must never be stored. */
export type ClipAudio = { readonly kind: 'file'; readonly path: string } | { readonly kind: 'memory'; readonly bytes: Buffer };

export interface SpeechServiceOptions {
  readonly dataDir: string;
  readonly cacheMaxMb: number;
  readonly transcriptFile?: string | undefined;
  readonly warn?: (message: string) => void;
}

/**
 * The kiosk's voice: text in, a cached WAV out. Synthesis runs in a worker
 * (see synthesizer.ts); this side cleans the text, keeps the disk cache and
 * writes the test transcript.
 */
export function createSpeechService({ dataDir, cacheMaxMb, transcriptFile, warn = console.warn }: SpeechServiceOptions) {
  const synthesizer = createSynthesizer();
  const cache = createSpeechCache(join(dataDir, 'speech-cache'), cacheMaxMb * 1024 * 1024);
  const transcript = createTranscript(transcriptFile);
  const privateClips = createPrivateClips();
  const inFlight = new Map<string, Promise<number>>();

  /** Synthesises into the cache (once, however many ask at the same time); answers the duration in ms. */
  const ensureClip = (clipId: string, text: string, voice: string, rate: number, urgent: boolean): Promise<number> => {
    // The size the cache already knows gives the duration: no stat of the file on the hot path.
    const cachedBytes = cache.hit(clipId);
    if (cachedBytes !== undefined) return Promise.resolve(((cachedBytes - WAV_HEADER_BYTES) / 2 / SAMPLE_RATE) * 1000);
    const running = inFlight.get(clipId);
    if (running) return running;
    const job = synthesizer
      .synthesize(text, voice, rate, urgent)
      .then(({ samples, sampleRate }) => {
        cache.put(clipId, encodeWav(samples, { sampleRate, channels: 1 }));
        return (samples.length / sampleRate) * 1000;
      })
      .finally(() => inFlight.delete(clipId));
    inFlight.set(clipId, job);
    return job;
  };

  const prepare = (input: string, language: Language) => {
    const { text, warnings } = speakableText(input);
    if (warnings.length > 0) warn(`speech (${language}): ${warnings.join('; ')}`);
    return text;
  };

  /** Private speech: synthesised straight into memory under a random id; nothing about it reaches the disk or the log. */
  const speakPrivately = async (text: string, request: SpeakRequest): Promise<SpokenClip | null> => {
    const { clipId, generation } = privateClips.reserve();
    try {
      const { samples, sampleRate } = await synthesizer.synthesize(text, VOICE_OF[request.language], request.rate, true);
      if (!privateClips.put(clipId, encodeWav(samples, { sampleRate, channels: 1 }), generation)) return null;
      transcript({ lang: request.language, text, private: true, clip: clipId });
      return { clipId, audioPath: `speech/${clipId}.wav`, durationMs: (samples.length / sampleRate) * 1000, text };
    } catch (error) {
      warn(`speech (${request.language}): skipped a private phrase of ${String(text.length)} characters: ${(error as Error).message}`);
      return null;
    }
  };

  return {
    /** One utterance the visitor hears now; null when nothing in it can be spoken. */
    async speak(request: SpeakRequest): Promise<SpokenClip | null> {
      const text = prepare(request.text, request.language);
      if (!text) return null;
      if (request.private) return speakPrivately(text, request);
      const voice = VOICE_OF[request.language];
      const clipId = clipIdOf(text, voice, request.rate);
      try {
        const durationMs = await ensureClip(clipId, text, voice, request.rate, true);
        // Written when the clip is ready to play, so a line in the transcript means real audio exists for it.
        transcript({ lang: request.language, text, private: false, clip: clipId });
        return { clipId, audioPath: `speech/${clipId}.wav`, durationMs, text };
      } catch (error) {
        // A text the engine choked on: skipped with a warning, the engine restarted.
        warn(`speech (${request.language}): skipped "${text.slice(0, 60)}": ${(error as Error).message}`);
        return null;
      }
    },
    /** Texts of the current screen, synthesised ahead of need at low priority. */
    prefetch(texts: readonly string[], language: Language, rate: number): void {
      const voice = VOICE_OF[language];
      for (const input of texts) {
        const { text } = speakableText(input);
        if (!text) continue;
        ensureClip(clipIdOf(text, voice, rate), text, voice, rate, false).catch(() => undefined);
      }
    },
    /** A clip's audio, for the host to serve; undefined for an unknown id. */
    clipAudio(clipId: string): ClipAudio | undefined {
      const bytes = privateClips.get(clipId);
      if (bytes) return { kind: 'memory', bytes };
      const path = cache.path(clipId);
      return path === undefined ? undefined : { kind: 'file', path };
    },
    /** A session began or ended: every private phrase spoken in it is dropped. */
    forgetPrivate: () => privateClips.forget(),
    close: () => synthesizer.close(),
  };
}

export type SpeechService = ReturnType<typeof createSpeechService>;
