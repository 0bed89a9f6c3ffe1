import { useCallback, type Dispatch } from 'react';
import type { TFunction } from 'i18next';
import type { AppInfo, SessionEndReason } from '../../../src-main/api/contract.js';
import type { Language } from '../../../sync/protocol/languages.js';
import type { Speaker } from '../../audio/speaker.js';
import type { KioskClient } from '../../client/kioskClient.js';
import { loadLanguage } from '../../i18n/i18n.js';
import type { KioskAction, KioskState } from './kioskState.js';

export interface VisitorSession {
  /** The visitor chose a language: the session starts with it, or changes to it. */
  readonly chooseLanguage: (language: Language) => Promise<void>;
  /** The visitor is done or walked away: the session ends and everything goes back to the defaults. */
  readonly resetToWelcome: (reason: SessionEndReason) => void;
}

interface SessionDeps {
  readonly client: KioskClient;
  readonly state: KioskState;
  readonly dispatch: Dispatch<KioskAction>;
  readonly speaker: Speaker;
  readonly info: AppInfo;
  readonly t: TFunction;
  /** Called as the visitor leaves (a question left open goes away with them). */
  readonly onLeave: () => void;
}

/** A visitor's session with the kiosk core: started by a language, ended by finishing or walking away. */
export function useVisitorSession({ client, state, dispatch, speaker, info, t, onLeave }: SessionDeps): VisitorSession {
  const { session } = state;
  const audioOn = state.modes.audio;

  const resetToWelcome = useCallback(
    (reason: SessionEndReason) => {
      if (session) void client.invoke('session.end', { sessionId: session.sessionId, reason });
      // ACCESSIBILITY.md item 6: rate, volume, language and modes back to the defaults for the next visitor.
      speaker.reset();
      // Audio mode ends with the session: a blind visitor hears that it did, in their language, not silence.
      if (audioOn) void speaker.say([{ text: t('audio.sessionEnded') }], { remember: false });
      onLeave();
      dispatch({ type: 'reset', language: info.defaultLanguage });
    },
    [session, client, speaker, audioOn, t, onLeave, dispatch, info.defaultLanguage],
  );

  const chooseLanguage = async (language: Language) => {
    // Its texts first, so the next screen never flashes in another language.
    await loadLanguage(language);
    if (session) {
      await client.invoke('session.setLanguage', { sessionId: session.sessionId, language });
      dispatch({ type: 'languageChanged', language });
      return;
    }
    const started = await client.invoke('session.start', { language });
    dispatch({ type: 'sessionStarted', session: started, language });
  };

  return { chooseLanguage, resetToWelcome };
}
