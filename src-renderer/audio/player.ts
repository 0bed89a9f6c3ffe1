import { Howl } from 'howler';

/** What the player did, when (performance.now()), for diagnosis and the interruption test. */
export interface PlayerEvent {
  readonly type: 'request' | 'play' | 'end' | 'stop' | 'error';
  readonly at: number;
  readonly src: string;
}

const MAX_EVENTS = 500;

/**
 * Plays one clip at a time with howler (Web Audio). Starting a clip, or
 * stop(), silences the current one at once: speech never overlaps, and any
 * action of the visitor cuts the phrase (ACCESSIBILITY.md item 5).
 */
export function createPlayer() {
  const events: PlayerEvent[] = [];
  let current: { howl: Howl; src: string; settle: (how: 'ended' | 'stopped') => void } | undefined;
  let volume = 1;

  const log = (type: PlayerEvent['type'], src: string) => {
    events.push({ type, at: performance.now(), src });
    if (events.length > MAX_EVENTS) events.splice(0, events.length - MAX_EVENTS);
  };

  const stop = () => {
    const playing = current;
    if (!playing) return;
    current = undefined;
    playing.howl.stop();
    playing.howl.unload();
    log('stop', playing.src);
    playing.settle('stopped');
  };

  return {
    events,
    /** Plays a WAV; resolves when it ends or is stopped (never rejects: a broken clip is skipped). */
    play(src: string): Promise<'ended' | 'stopped'> {
      stop();
      log('request', src);
      return new Promise((resolve) => {
        const howl = new Howl({ src: [src], format: ['wav'], html5: false, volume });
        const finish = (how: 'ended' | 'stopped', type: PlayerEvent['type']) => {
          if (current?.howl !== howl) return;
          current = undefined;
          howl.unload();
          log(type, src);
          resolve(how);
        };
        current = { howl, src, settle: resolve };
        howl.once('play', () => log('play', src));
        howl.once('end', () => finish('ended', 'end'));
        howl.once('loaderror', () => finish('ended', 'error'));
        howl.once('playerror', () => finish('ended', 'error'));
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
