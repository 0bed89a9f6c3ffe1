import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { TOUCHED_AGAIN, UNAVAILABLE, UNCHANGED, UNMAPPED_KEY } from '../ui/activate.js';
import { describeElement } from './describeElement.js';
import { focusUtterances } from './focusUtterances.js';
import { isFocusingQuietly } from './quietFocus.js';
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
      if (!(target instanceof HTMLElement) || target.id === 'screen-title' || isFocusingQuietly()) return;
      void speaker.say(focusUtterances(target, event.relatedTarget, t));
    };
    // A choice made on the focused element (selected, pressed) is said at once. A private choice (a vote)
    // on the loudspeaker is confirmed by how many are chosen, never by which.
    const states = new MutationObserver((mutations) => {
      const focused = document.activeElement;
      if (!focused || !mutations.some((mutation) => mutation.target === focused)) return;
      if (focused.hasAttribute('data-private-state') && speaker.needsPrivacyChoice()) {
        const group = focused.closest('[role="group"], [role="radiogroup"]') ?? document;
        const count = group.querySelectorAll('[data-private-state][aria-checked="true"]').length;
        void speaker.say([{ text: t('audio.chosenCount', { count }) }]);
        return;
      }
      void speaker.say(describeElement(focused, t));
    });
    states.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['aria-checked', 'aria-pressed'] });
    // Nothing happened, and the visitor hears why: the control is unavailable or already chosen (its state
    // again), or the key does nothing here. A control touched again, already focused, is said again.
    const onUnavailable = (event: Event) => {
      if (event.target instanceof HTMLElement) void speaker.say(describeElement(event.target, t));
    };
    const onUnmappedKey = () => void speaker.say([{ text: t('audio.noSuchKey') }], { remember: false });
    document.addEventListener('focusin', onFocus);
    document.addEventListener(UNAVAILABLE, onUnavailable);
    document.addEventListener(UNCHANGED, onUnavailable);
    document.addEventListener(TOUCHED_AGAIN, onUnavailable);
    window.addEventListener(UNMAPPED_KEY, onUnmappedKey);
    return () => {
      states.disconnect();
      document.removeEventListener('focusin', onFocus);
      document.removeEventListener(UNAVAILABLE, onUnavailable);
      document.removeEventListener(UNCHANGED, onUnavailable);
      document.removeEventListener(TOUCHED_AGAIN, onUnavailable);
      window.removeEventListener(UNMAPPED_KEY, onUnmappedKey);
    };
  }, [enabled, speaker, t]);
}
