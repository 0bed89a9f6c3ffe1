import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { describeElement } from './describeElement.js';
import type { Speaker } from './speaker.js';

/**
 * In audio mode, whatever takes focus is spoken: by keys, by touch
 * exploration, or by the screen itself. The screen title is skipped: the
 * screen announcement already says it.
 */
export function useFocusSpeech(enabled: boolean, speaker: Speaker): void {
  const { t } = useTranslation();
  useEffect(() => {
    if (!enabled) return;
    const onFocus = (event: FocusEvent) => {
      const target = event.target;
      if (!(target instanceof HTMLElement) || target.id === 'screen-title') return;
      void speaker.say(describeElement(target, t));
    };
    // A choice made on the focused element (selected, pressed) is said at once.
    const states = new MutationObserver((mutations) => {
      const focused = document.activeElement;
      if (focused && mutations.some((mutation) => mutation.target === focused)) void speaker.say(describeElement(focused, t));
    });
    states.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['aria-checked', 'aria-pressed'] });
    document.addEventListener('focusin', onFocus);
    return () => {
      states.disconnect();
      document.removeEventListener('focusin', onFocus);
    };
  }, [enabled, speaker, t]);
}
