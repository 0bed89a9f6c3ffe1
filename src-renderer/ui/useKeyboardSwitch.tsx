import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../sync/protocol/languages.js';
import { LANGUAGE_NAMES } from '../i18n/i18n.js';
import { BigButton } from './BigButton.js';

/**
 * The on-screen keyboard starts in the visitor's language; a button switches
 * it to Latin letters and back (an e-mail, a name in Latin script).
 */
export function useKeyboardSwitch(language: Language) {
  const { t } = useTranslation();
  const [keyboard, setKeyboard] = useState<Language>(language);
  const alternative: Language = keyboard === 'en' ? language : 'en';
  // The language's name in its own language and voice ("კლავიატურა: English"): the sentence around it is the screen's.
  const [before = '', after = ''] = t('comment.keyboardSwitch', { name: '\u0000' }).split('\u0000');
  const switchButton =
    alternative !== keyboard ? (
      <BigButton variant="secondary" onClick={() => setKeyboard(alternative)}>
        {before}
        <span lang={alternative}>{LANGUAGE_NAMES[alternative]}</span>
        {after}
      </BigButton>
    ) : null;
  return { keyboard, switchButton };
}
