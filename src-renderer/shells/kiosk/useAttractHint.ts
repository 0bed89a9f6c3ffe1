import { useEffect, useLayoutEffect, useRef } from 'react';
import type { TFunction } from 'i18next';
import type { Language } from '../../../sync/protocol/languages.js';
import type { Speaker } from '../../audio/speaker.js';
import { prefetchLanguages } from '../../i18n/i18n.js';
import { prefetchFlows } from './FlowView.js';
import type { Screen } from './kioskState.js';

/** How often the attract screen may say how to get audio (it speaks only after a touch or a key). */
const ATTRACT_HINT_EVERY_MS = 10_000;

interface AttractState {
  readonly screen: Screen;
  /** Audio mode is on (and no technician is at the kiosk). */
  readonly audio: boolean;
  readonly technician: boolean;
  readonly t: TFunction;
}

/**
 * Any action of the visitor cuts the current phrase at once (ACCESSIBILITY.md
 * item 5); on the attract screen, the first touch or key says how to get
 * audio, in under 3 s (item 2). The hint is synthesised ahead of need there,
 * and the rest (flows, languages) loads once the page has settled.
 */
export function useAttractHint(speaker: Speaker, state: AttractState, languages: readonly Language[]): void {
  const attract = useRef({ ...state, lastHintAt: -Infinity });
  useLayoutEffect(() => {
    attract.current = { ...attract.current, ...state };
  });
  useEffect(() => {
    const onAction = () => {
      speaker.stop();
      const now = performance.now();
      const { screen, audio, technician, lastHintAt, t } = attract.current;
      if (technician || screen !== 'welcome' || audio || now - lastHintAt <= ATTRACT_HINT_EVERY_MS) return;
      attract.current.lastHintAt = now;
      void speaker.say([{ text: t('audio.attract') }], { remember: false });
    };
    const options = { capture: true } as const;
    window.addEventListener('keydown', onAction, options);
    window.addEventListener('pointerdown', onAction, options);
    return () => {
      window.removeEventListener('keydown', onAction, options);
      window.removeEventListener('pointerdown', onAction, options);
    };
  }, [speaker]);

  // A visitor may press a key in the first second, and the speech engine takes about one to start; the other
  // flows' screens and the other languages load later, so they never slow the first paint or the hint.
  const { screen, t } = state;
  useEffect(() => {
    if (screen !== 'welcome') return;
    speaker.prefetch([t('audio.attract'), t('audio.on')]);
    const ahead = setTimeout(() => {
      prefetchFlows();
      prefetchLanguages(languages);
    }, 3000);
    return () => clearTimeout(ahead);
  }, [screen, speaker, t, languages]);
}
