import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAudioMode } from './AudioModeContext.js';
import type { Language } from '../../sync/protocol/languages.js';
import type { Utterance } from './describeElement.js';
import { hintFor, inputWay } from './inputWay.js';

export interface ScreenAnnouncement {
  readonly title: string;
  /** The title as spoken, when it holds what one voice cannot read as written (a code to spell). */
  readonly spokenTitle?: readonly Utterance[] | undefined;
  /** "Step 2 of 4" for screens inside a flow. */
  /** `totalChanged`: the visitor's answer changed how many steps there are (a survey's skip rule): said, so the new total is no surprise. */
  readonly position?: { readonly current: number; readonly total: number; readonly totalChanged?: boolean } | undefined;
  /** How many choices the screen offers (options, tiles, languages). */
  readonly choices?: number | undefined;
  readonly hint?: string | undefined;
  /** Further sentences: a read-back, a confirmation code. */
  readonly details?: readonly Utterance[] | undefined;
}

/**
 * On each new screen in audio mode: title, position, number of choices and a
 * hint (ACCESSIBILITY.md item 13), then the screen's details. (Every
 * focusable element's description is synthesised ahead of need by useLabelPrefetch.)
 */
export function useScreenAnnouncement({ title, spokenTitle, position, choices, hint, details }: ScreenAnnouncement): void {
  const { t, i18n } = useTranslation();
  const audio = useAudioMode();
  const { enabled, speaker, announceEpoch } = audio;
  // Only a new screen (or the shell asking again) speaks; a re-render does not.
  const key = `${title}|${String(position?.current)}|${String(announceEpoch)}`;
  useEffect(() => {
    if (!enabled) return;
    const parts: Utterance[] = [
      ...audio.takePrefix(),
      ...(spokenTitle ?? [{ text: title }]),
      ...(position ? [{ text: t('audio.position', { current: position.current, total: position.total }) }] : []),
      ...(position?.totalChanged ? [{ text: t('audio.totalChanged') }] : []),
      ...(choices ? [{ text: t('audio.choices', { count: choices }) }] : []),
      ...(hint ? [{ text: hintFor(hint, i18n.language as Language, inputWay()) }] : []),
      ...(details ?? []),
    ];
    void speaker.say(parts);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- key is the identity of a screen announcement
  }, [key]);
}
