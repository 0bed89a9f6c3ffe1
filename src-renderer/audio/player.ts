import { Howl } from 'howler';

/** What the player did, when (performance.now()), for diagnosis and the interruption test. */
export interface PlayerEvent {
  readonly type: 'request' | 'play' | 'end' | 'stop' | 'error';
  readonly at: number;
  readonly src: string;
}

/** How a clip's turn ended: played to its end, cut by stop() or the next clip, or not playable. */
export type PlayOutcome = 'ended' | 'stopped' | 'failed';

const MAX_EVENTS = 500;
/**
 * Decoded public phrases kept ready to start at once (a screen's labels and
 * the phrases around them): about 3 s each at the context's rate, mono, so 48
 * of them hold well under 40 MB. Private audio is never kept.
 */
const KEEP_DECODED = 48;

/**
 * Plays one clip at a time with howler (Web Audio). Starting a clip, or
 * stop(), silences the current one at once: speech never overlaps, and any
 * action of the visitor cuts the phrase (ACCESSIBILITY.md item 5). Public
 * clips stay decoded (least recently used out first), so a phrase heard
 * again starts without a fetch or a decode.
 */
export function createPlayer() {
  const events: PlayerEvent[] = [];
  const decoded = new Map<string, Howl>();
  let current: { howl: Howl; src: string; keep: boolean; settle: (how: PlayOutcome) => void } | undefined;
  let volume = 1;

  const log = (type: PlayerEvent['type'], src: string) => {
    events.push({ type, at: performance.now(), src });
    if (events.length > MAX_EVENTS) events.splice(0, events.length - MAX_EVENTS);
  };

  /** A clip is done with: a kept one goes back to the decoded set, anything else is unloaded (its buffer freed). */
  const release = (howl: Howl, src: string, keep: boolean) => {
    if (!keep) {
      howl.unload();
      return;
    }
    decoded.delete(src);
    decoded.set(src, howl);
    for (const [oldSrc, oldHowl] of decoded) {
      if (decoded.size <= KEEP_DECODED) break;
      decoded.delete(oldSrc);
      oldHowl.unload();
    }
  };

  const stop = () => {
    const playing = current;
    if (!playing) return;
    current = undefined;
    playing.howl.stop();
    release(playing.howl, playing.src, playing.keep);
    log('stop', playing.src);
    playing.settle('stopped');
  };

  return {
    events,
    /**
     * Plays a WAV; resolves when it ends, is stopped, or fails to load or play (never rejects).
     * `keep`: a public phrase, kept decoded for next time; private audio (typed text, a contact) is not.
     */
    play(src: string, { keep = false }: { keep?: boolean } = {}): Promise<PlayOutcome> {
      stop();
      log('request', src);
      return new Promise((resolve) => {
        const ready = decoded.get(src);
        decoded.delete(src);
        const howl = ready ?? new Howl({ src: [src], format: ['wav'], html5: false });
        howl.volume(volume);
        const finish = (how: PlayOutcome, type: PlayerEvent['type']) => {
          if (current?.howl !== howl) return;
          current = undefined;
          // A clip that failed to load is never kept: the next request fetches it again.
          release(howl, src, keep && type !== 'error');
          log(type, src);
          resolve(how);
        };
        current = { howl, src, keep, settle: resolve };
        howl.off('play').off('end').off('loaderror').off('playerror');
        howl.once('play', () => {
          // Howler holds a play back while the audio context resumes and runs it even if stop() came first:
          // a clip already cut stays silent, and is not logged as heard.
          if (current?.howl !== howl) return void howl.stop();
          log('play', src);
        });
        howl.once('end', () => finish('ended', 'end'));
        howl.once('loaderror', () => finish('failed', 'error'));
        howl.once('playerror', () => finish('failed', 'error'));
        howl.play();
      });
    },
    stop,
    setVolume(value: number) {
      volume = value;
      current?.howl.volume(value);
    },
  };
}

export type Player = ReturnType<typeof createPlayer>;
