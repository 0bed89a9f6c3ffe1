import type { TFunction } from 'i18next';
import type { Language } from '../../sync/protocol/languages.js';
import { letterLanguage, signName } from '../i18n/keyNames.js';
import type { Utterance } from './describeElement.js';
import type { Speaker } from './speaker.js';
import { spellOut } from './spellOut.js';

/** What a key is called aloud: a space or a sign by its name, a code's letter spelled, a letter in its script's voice. */
export function keyUtterance(key: string, screen: Language, t: TFunction, spelled = false): Utterance {
  if (key === ' ' || key === '{space}') return { text: t('keys.space') };
  const sign = signName(key, screen);
  if (sign) return { text: sign };
  if (spelled) return { text: spellOut(key, screen) };
  return { text: key, lang: letterLanguage(key, screen) };
}

/** What a key press in a text did, as audio mode answers it. */
export type Typing =
  | { readonly kind: 'typed'; readonly said: Utterance }
  | { readonly kind: 'deleted' }
  | { readonly kind: 'empty' }
  | { readonly kind: 'notTyped' };

/**
 * Every key pressed in a text is answered (issue #13, defect 2). What is
 * typed is private: where no one else hears (a headset, or the visitor's
 * choice) the character is said; on the loudspeaker a word says a key was
 * typed, never which. Deleting, an empty text and a key the field refused
 * (full, or not allowed there) are said too.
 */
export function echoTyping(speaker: Speaker, t: TFunction, typing: Typing): void {
  const say = (text: string) => void speaker.say([{ text }], { remember: false });
  if (typing.kind === 'deleted') return say(t('keys.deleted'));
  if (typing.kind === 'empty') return say(t('audio.states.empty'));
  if (typing.kind === 'notTyped') return say(t('keys.notTyped'));
  if (speaker.needsPrivacyChoice()) return say(t('keys.typed'));
  void speaker.say([{ ...typing.said, private: true }], { remember: false });
}
