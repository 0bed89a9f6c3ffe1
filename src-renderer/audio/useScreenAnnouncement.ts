import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useAudioMode } from './AudioModeContext.js';
import type { Language } from '../../sync/protocol/languages.js';
import type { Utterance } from './describeElement.js';
import { focusUtterances } from './focusUtterances.js';
import { hintFor, inputWay } from './inputWay.js';
import { focusQuietly } from './quietFocus.js';
import { firstStop } from '../ui/moveFocus.js';
import { splitAside } from '../../sync/protocol/spokenTitle.js';

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
  /**
   * Where a visitor in audio mode starts: at the screen's first choice (the default), or on its title, for a
   * screen whose Enter the hint names ("press Enter to finish") or whose read-back comes before any choice.
   */
  readonly startsOn?: 'firstChoice' | 'title' | undefined;
}

/**
 * The choice a screen that starts on its first choice says after its title:
 * the control that has focus (the screen is announced again, e.g. after
 * headphones went in), or its first control, focused now. Undefined for a
 * screen that starts on its title (a result's next page is read the same way)
 * or on a text box.
 */
function focusForAnnouncement(startsOn: ScreenAnnouncement['startsOn']): HTMLElement | undefined {
  if (startsOn === 'title') return undefined;
  const title = document.getElementById('screen-title');
  const focused = document.activeElement;
  const onTitle = !(focused instanceof HTMLElement) || focused === document.body || focused === title;
  if (!onTitle) return focused;
  if (!title) return undefined;
  const first = firstStop(title.closest('main') ?? document);
  // A text box is not started in: keys typed there are text, so Repeat, Stop and the rate keys would type
  // instead. Such a screen starts on its title, whose hint says what to type.
  if (!first || first instanceof HTMLInputElement || first instanceof HTMLTextAreaElement) return undefined;
  focusQuietly(first);
  return first;
}

/** Where you are, and how many choices there are. */
function whereYouAre({ position, choices }: ScreenAnnouncement, t: TFunction): Utterance[] {
  return [
    ...(position ? [{ text: t('audio.position', { current: position.current, total: position.total }) }] : []),
    ...(position?.totalChanged ? [{ text: t('audio.totalChanged') }] : []),
    ...(choices ? [{ text: t('audio.choices', { count: choices }) }] : []),
  ];
}

/**
 * What a screen says, in order: the title (its bracketed remark held back),
 * then the first choice, as its own clip: the focused control as focus says
 * it, or, on a screen that starts on its title, the hint (what Enter does).
 * Then the remark, where you are, the hint (if not said yet) and the details;
 * after a pause, which any key skips, where the screen starts on a choice.
 */
function spokenParts(
  announcement: ScreenAnnouncement,
  choice: HTMLElement | undefined,
  prefix: readonly Utterance[],
  t: TFunction,
  language: Language,
): Utterance[] {
  const { title, spokenTitle, hint, details } = announcement;
  const { said, aside } = spokenTitle ? { said: title } : splitAside(title);
  const hintSaid = hint ? [{ text: hintFor(hint, language, inputWay()) }] : [];
  const [lead, ...leadRest] = choice ? focusUtterances(choice, null, t) : hintSaid;
  const [first, ...later]: Utterance[] = [
    ...(aside ? [{ text: aside }] : []),
    ...whereYouAre(announcement, t),
    ...(choice ? hintSaid : []),
    ...(details ?? []),
  ];
  return [
    ...prefix,
    ...(spokenTitle ?? [{ text: said }]),
    ...(lead ? [{ ...lead, startsClip: true }, ...leadRest] : []),
    ...(first ? [choice ? { ...first, afterPause: true } : first, ...later] : []),
  ];
}

/**
 * On each new screen in audio mode (ACCESSIBILITY.md item 13): its title,
 * where you are, how many choices, a hint, the details; ordered so that the
 * first choice comes as soon as the title is said (issue #35). Where the
 * screen starts on its first choice, that choice (focused, with its role and
 * state) follows the title, and the rest comes after a pause, which any key
 * skips. Where it starts on its title (a welcome, a thank-you, a read-back),
 * the hint (what Enter does) follows the title.
 * (Every focusable element's description is synthesised ahead of need by useLabelPrefetch.)
 */
export function useScreenAnnouncement(announcement: ScreenAnnouncement): void {
  const { title, position, startsOn } = announcement;
  const { t, i18n } = useTranslation();
  const audio = useAudioMode();
  const { enabled, speaker, announceEpoch } = audio;
  // Only a new screen (or the shell asking again) speaks; a re-render does not.
  const key = `${title}|${String(position?.current)}|${String(announceEpoch)}`;
  useEffect(() => {
    if (!enabled) return;
    void speaker.say(spokenParts(announcement, focusForAnnouncement(startsOn), audio.takePrefix(), t, i18n.language as Language));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- key is the identity of a screen announcement
  }, [key]);
}
