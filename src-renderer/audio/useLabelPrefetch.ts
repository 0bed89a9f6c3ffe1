import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { describeElement, FOCUSABLE } from './describeElement.js';
import type { Speaker } from './speaker.js';

/** Mutations come in bursts (a screen mounting, a list filling): one prefetch per burst. */
const SETTLE_MS = 30;

/**
 * In audio mode, every focusable element's spoken description is synthesised
 * as soon as it appears (a new screen, or content that arrives after it), so
 * the first key press on it plays from the cache. Private parts (typed text)
 * and parts in another voice are left to be spoken when asked.
 */
export function useLabelPrefetch(enabled: boolean, speaker: Speaker): void {
  const { t } = useTranslation();
  useEffect(() => {
    if (!enabled) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const prefetchAll = () => {
      timer = undefined;
      const texts = Array.from(document.querySelectorAll(FOCUSABLE))
        .flatMap((element) => describeElement(element, t))
        .filter((part) => !part.private && !part.lang)
        .map((part) => part.text);
      speaker.prefetch([...new Set(texts)]);
    };
    const soon = () => {
      timer ??= setTimeout(prefetchAll, SETTLE_MS);
    };
    const observer = new MutationObserver(soon);
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['aria-label', 'aria-checked', 'aria-pressed', 'disabled'],
    });
    soon();
    return () => {
      observer.disconnect();
      if (timer) clearTimeout(timer);
    };
  }, [enabled, speaker, t]);
}
