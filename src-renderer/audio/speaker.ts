import type { Language } from '../../sync/protocol/languages.js';
import type { SpokenClip } from '../../src-main/api/contract.js';
import type { KioskClient } from '../client/kioskClient.js';
import type { Utterance } from './describeElement.js';
import type { Player } from './player.js';
import { pronounce } from './pronunciation.js';
import { MAX_UTTERANCE_CHARS, splitUtterance } from './utteranceLength.js';

export interface SpeakerOptions {
  readonly client: KioskClient;
  readonly player: Player;
  /** The screen's language: the default voice. */
  readonly language: () => Language;
  /** Said instead of private content on the loudspeaker (ACCESSIBILITY.md item 3), in the given language. */
  readonly privateNotice: (language: Language) => string;
  readonly headsetIsOutput: boolean;
  readonly defaults: { readonly rate: number; readonly volume: number };
}

const RATE_STEP = 25;
const RATE_RANGE = [80, 450] as const;
const VOLUME_STEP = 0.1;
/** The most a quiet read-back of private content plays at on the loudspeaker: heard at the kiosk, hardly a step away. */
const QUIET_VOLUME = 0.2;

/** The identity of a public phrase the core would synthesise: its voice, rate and text. */
const phraseKey = (lang: Language, rate: number, text: string) => `${lang}|${String(rate)}|${text}`;

/** A sentence end (kept if it has one: a question stays a question), so eSpeak pauses between parts. */
const withStop = (text: string) => (/[.!?:։…]$/u.test(text) ? text : `${text}.`);

interface Clip {
  text: string;
  readonly lang: Language;
  readonly private: boolean;
  readonly instead: string | undefined;
  readonly afterPause: boolean;
}

/** How long a description waits after the name before it is said: a visitor moving on skips it. */
const DESCRIPTION_PAUSE_MS = 700;

/**
 * Neighbouring parts with the same voice and privacy become one clip (fewer
 * round trips, natural pauses) while it stays short enough to be cut without
 * losing much; a long part is said as several clips (utteranceLength.ts).
 */
function mergeParts(parts: readonly Utterance[], language: Language): Clip[] {
  const merged: Clip[] = [];
  for (const part of parts) {
    const lang = part.lang ?? language;
    // Said as the voice should (key names in its own script) before it is measured and cut.
    const text = pronounce(part.text, lang);
    const instead = part.instead === undefined ? undefined : pronounce(part.instead, lang);
    const isPrivate = part.private ?? false;
    const afterPause = part.afterPause ?? false;
    const ownClip = afterPause || (part.startsClip ?? false);
    // Private text stays one clip: on the loudspeaker it is replaced by one notice, not one per piece.
    (isPrivate ? [text] : splitUtterance(text)).forEach((piece, index) => {
      const previous = merged.at(-1);
      const joined = previous ? `${withStop(previous.text)} ${piece}` : piece;
      const fits = joined.length <= MAX_UTTERANCE_CHARS;
      // Private parts join each other (a vote's choices: one private clip, one notice on the loudspeaker), never a public one.
      const samePrivacy = previous?.private === isPrivate && previous.instead === instead;
      if (previous && fits && samePrivacy && previous.lang === lang && !(ownClip && index === 0) && !previous.afterPause)
        previous.text = joined;
      else merged.push({ text: piece, lang, private: isPrivate, instead, afterPause: afterPause && index === 0 });
    });
  }
  return merged;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Audio mode's voice: turns utterances into clips (synthesised by the kiosk
 * core) and plays them in order. A new say() or stop() cuts what is playing;
 * repeat() says the last phrase again; rate and volume are the visitor's and
 * go back to the defaults with reset() at the end of the session.
 */
export function createSpeaker({ client, player, language, privateNotice, ...device }: SpeakerOptions) {
  // The device's settings: a technician may change them while the kiosk runs (configure below).
  let { headsetIsOutput, defaults } = device;
  let generation = 0;
  let last: readonly Utterance[] = [];
  let rate = defaults.rate;
  let volume = defaults.volume;
  let speakerAllowed = false;
  /** Texts already synthesised ahead for a voice and rate: a screen's labels are asked for once, not at every change. */
  const prefetched = new Set<string>();
  player.setVolume(volume);

  /** Public phrases already synthesised, by voice, rate and text: heard again, they start without waiting for the core. */
  const known = new Map<string, SpokenClip>();
  const KNOWN_MAX = 512;
  const remember = (key: string, clip: SpokenClip | null) => {
    if (!clip) return;
    known.delete(key);
    known.set(key, clip);
    if (known.size > KNOWN_MAX) known.delete(known.keys().next().value ?? key);
  };

  /** `quietly`: private parts are read even on the loudspeaker, at a low volume, because the visitor asked (readQuietly). */
  const say = async (parts: readonly Utterance[], options: { remember?: boolean; quietly?: boolean } = {}): Promise<void> => {
    const mine = ++generation;
    player.stop();
    if (options.remember ?? true) last = parts;
    // Every utterance sets its own volume, so whatever cuts a quiet read-back is heard at the visitor's volume again.
    player.setVolume(options.quietly ? Math.min(volume, QUIET_VOLUME) : volume);
    const clips = mergeParts(parts, language()).map((part) => {
      const hidden = part.private && !headsetIsOutput && !speakerAllowed && !options.quietly;
      const text = hidden ? (part.instead ?? pronounce(privateNotice(part.lang), part.lang)) : part.text;
      const isPrivate = part.private && !hidden;
      // All requests go out at once; playing waits for each in turn. The core is asked even for a known
      // phrase (it keeps its cache warm and its test transcript whole), but a known one need not wait for it.
      const asked = client.invoke('speech.say', { text, language: part.lang, rate, private: isPrivate }).catch(() => null);
      if (isPrivate) return { clip: asked, asked, keep: false, afterPause: part.afterPause };
      const key = phraseKey(part.lang, rate, text);
      void asked.then((clip) => remember(key, clip));
      const ready = known.get(key);
      return { clip: ready ? Promise.resolve(ready) : asked, asked, keep: true, afterPause: part.afterPause };
    });
    for (const { clip: pending, asked, keep, afterPause } of clips) {
      if (afterPause) await pause(DESCRIPTION_PAUSE_MS);
      if (mine !== generation) return;
      const clip = await pending;
      if (mine !== generation) return;
      const outcome = clip ? await player.play(`/api/media/${clip.audioPath}`, { keep }) : 'ended';
      // A known phrase whose file the core's cache let go: the core is making it again; play it when it is back.
      if (outcome === 'failed' && pending !== asked && mine === generation) {
        const again = await asked;
        if (mine !== generation) return;
        if (again) await player.play(`/api/media/${again.audioPath}`, { keep });
      }
      if (mine !== generation) return;
    }
  };

  return {
    say,
    stop(): void {
      generation += 1;
      player.stop();
    },
    repeat: () => say(last),
    /**
     * Reads private content once, quietly, on a kiosk without a headset where the visitor kept it private
     * (a vote's choices on its review): so nobody confirms what they never heard (issue #35).
     */
    readQuietly: (parts: readonly Utterance[]) => say(parts, { remember: false, quietly: true }),
    /** Plays a recording (listening back to a voice message); speech stops first, and any action stops it. */
    async playRecording(src: string): Promise<void> {
      generation += 1;
      await player.play(src);
    },
    /** Synthesises texts ahead of need (the current screen's), without speaking. */
    prefetch(texts: readonly string[]): void {
      const lang = language();
      const fresh = texts.map((text) => pronounce(text, lang)).filter((text) => !prefetched.has(phraseKey(lang, rate, text)));
      if (fresh.length === 0) return;
      // Labels are a few thousand at most; a kiosk running for months must still not grow without end.
      if (prefetched.size > 10_000) prefetched.clear();
      fresh.forEach((text) => prefetched.add(phraseKey(lang, rate, text)));
      void client.invoke('speech.prefetch', { texts: fresh, language: lang, rate }).catch(() => undefined);
    },
    /** Changes the rate one step; answers the new rate as a percentage of the default. */
    changeRate(direction: 1 | -1): number {
      rate = Math.min(RATE_RANGE[1], Math.max(RATE_RANGE[0], rate + direction * RATE_STEP));
      return Math.round((rate / defaults.rate) * 100);
    },
    changeVolume(direction: 1 | -1): number {
      volume = Math.min(1, Math.max(0.1, Math.round((volume + direction * VOLUME_STEP) * 10) / 10));
      player.setVolume(volume);
      return Math.round(volume * 100);
    },
    allowSpeaker(allowed: boolean): void {
      speakerAllowed = allowed;
    },
    /** Whether private content would be spoken aloud now, or needs the visitor's choice first. */
    needsPrivacyChoice: (): boolean => !headsetIsOutput && !speakerAllowed,
    /**
     * A technician saved new settings: the headset flag applies at once; the
     * default rate and volume from the next session on (a visitor's own choice is not taken from them).
     */
    configure(settings: Pick<SpeakerOptions, 'headsetIsOutput' | 'defaults'>): void {
      headsetIsOutput = settings.headsetIsOutput;
      defaults = settings.defaults;
    },
    /** Session end: rate, volume and the loudspeaker choice back to the device defaults. */
    reset(): void {
      generation += 1;
      player.stop();
      rate = defaults.rate;
      volume = defaults.volume;
      speakerAllowed = false;
      last = [];
      player.setVolume(volume);
    },
  };
}

export type Speaker = ReturnType<typeof createSpeaker>;
