import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../sync/protocol/languages.js';
import type { Speaker } from './speaker.js';
import { echoTyping, keyUtterance } from './typingEcho.js';

const isTextBox = (target: EventTarget | null): target is HTMLInputElement | HTMLTextAreaElement =>
  target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement;

/**
 * Keys typed straight into a text box (a service keyboard, a keypad's digits
 * into the personal number) are answered as the on-screen keyboard's are:
 * the value is compared after the browser applied the key, so a key the
 * field refused (full, or a letter in a number) is said to be not typed
 * rather than met with silence.
 */
export function usePhysicalTypingEcho(enabled: boolean, speaker: Speaker): void {
  const { t, i18n } = useTranslation();
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const field = event.target;
      if (!isTextBox(field) || event.ctrlKey || event.altKey || event.metaKey) return;
      const deleting = event.key === 'Backspace' || event.key === 'Delete';
      if (!deleting && Array.from(event.key).length !== 1) return;
      const before = field.value;
      // After the browser (and React's controlled value) applied the key.
      setTimeout(() => {
        // Chromium runs input before timers: on a busy kiosk the visitor's next keys (Down, then Enter) may
        // already have moved on, and a late "typed" would cut the next screen's announcement. Focus gone, answer dropped.
        if (document.activeElement !== field) return;
        const after = field.value;
        if (deleting) echoTyping(speaker, t, { kind: after.length < before.length ? 'deleted' : 'empty' });
        else if (after === before) echoTyping(speaker, t, { kind: 'notTyped' });
        else echoTyping(speaker, t, { kind: 'typed', said: keyUtterance(event.key, i18n.language as Language, t) });
      }, 0);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [enabled, speaker, t, i18n]);
}
