import type { TFunction } from 'i18next';
import { describeElement } from '../../audio/describeElement.js';
import type { Speaker } from '../../audio/speaker.js';
import type { KeyHandlers } from './useKeyMap.js';

/**
 * The keys that change how the kiosk speaks (volume, rate, repeat, stop),
 * each answered aloud. Only in audio mode: elsewhere the keys do nothing.
 */
export function speechKeys(enabled: boolean, speaker: Speaker, t: TFunction): KeyHandlers {
  if (!enabled) return {};
  const sayOnce = (text: string) => void speaker.say([{ text }], { remember: false });
  return {
    volumeUp: () => sayOnce(t('audio.volume', { percent: speaker.changeVolume(1) })),
    volumeDown: () => sayOnce(t('audio.volume', { percent: speaker.changeVolume(-1) })),
    rateUp: () => sayOnce(t('audio.rate', { percent: speaker.changeRate(1) })),
    rateDown: () => sayOnce(t('audio.rate', { percent: speaker.changeRate(-1) })),
    // On the on-screen keyboard, Repeat first says how many characters are typed (the text itself may be private).
    repeat: () => {
      const typed = document.activeElement?.closest<HTMLElement>('[data-typed-count]')?.dataset.typedCount;
      if (typed === undefined) return void speaker.repeat();
      const focused = document.activeElement ? describeElement(document.activeElement, t) : [];
      void speaker.say([{ text: t('keys.count', { count: Number(typed) }) }, ...focused], { remember: false });
    },
    stopSpeech: () => speaker.stop(),
  };
}
