import { useCallback, useEffect, useReducer, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../src-main/api/contract.js';
import type { Language } from '../../../sync/protocol/languages.js';
import type { KioskClient } from '../../client/kioskClient.js';
import { CommentScreen } from '../../flows/rating/CommentScreen.js';
import { RatingScreen } from '../../flows/rating/RatingScreen.js';
import { HomeScreen } from '../../screens/HomeScreen.js';
import { LanguageScreen } from '../../screens/LanguageScreen.js';
import { ThankYouScreen } from '../../screens/ThankYouScreen.js';
import { WelcomeScreen } from '../../screens/WelcomeScreen.js';
import { BottomBar } from '../../ui/BottomBar.js';
import { HelpDialog } from '../../ui/HelpDialog.js';
import { IdleWarning } from '../../ui/IdleWarning.js';
import { kioskReducer } from './kioskReducer.js';
import { initialKioskState } from './kioskState.js';
import { useIdleTimer } from './useIdleTimer.js';
import { useKeyMap } from './useKeyMap.js';

interface KioskShellProps {
  readonly client: KioskClient;
  readonly info: AppInfo;
}

/** The branch kiosk: screens, the bottom bar, help and the idle reset, over the kiosk API. */
export function KioskShell({ client, info }: KioskShellProps) {
  const { i18n } = useTranslation();
  const [state, dispatch] = useReducer(kioskReducer, info.defaultLanguage, initialKioskState);
  const [busy, setBusy] = useState(false);
  const serviceId = info.serviceIds[0] ?? '';

  useEffect(() => {
    void i18n.changeLanguage(state.language);
    document.documentElement.lang = state.language;
  }, [i18n, state.language]);

  const endSession = useCallback(
    (reason: 'finished' | 'idle' | 'home') => {
      if (state.session) void client.invoke('session.end', { sessionId: state.session.sessionId, reason });
    },
    [client, state.session],
  );

  const resetToWelcome = useCallback(
    (reason: 'finished' | 'idle') => {
      endSession(reason);
      dispatch({ type: 'reset', language: info.defaultLanguage });
    },
    [endSession, info.defaultLanguage],
  );

  const chooseLanguage = async (language: Language) => {
    if (state.session) {
      await client.invoke('session.setLanguage', { sessionId: state.session.sessionId, language });
      dispatch({ type: 'languageChanged', language });
      return;
    }
    const session = await client.invoke('session.start', { language });
    dispatch({ type: 'sessionStarted', session, language });
  };

  const send = async (withComment: boolean) => {
    if (!state.session || state.score === null || busy) return;
    setBusy(true);
    try {
      const saved = await client.invoke('rating.submit', {
        sessionId: state.session.sessionId,
        serviceId,
        score: state.score,
        ...(withComment && state.comment.trim() ? { comment: state.comment } : {}),
      });
      dispatch({ type: 'saved', saved });
    } catch {
      // Nothing was confirmed to the visitor; they can try again.
      dispatch({ type: 'error', error: 'saveFailed' });
    } finally {
      setBusy(false);
    }
  };

  const idle = useIdleTimer({
    enabled: state.screen !== 'welcome',
    idleTimeoutSec: info.idleTimeoutSec,
    warningSec: info.idleWarningSec,
    onTimeout: () => resetToWelcome('idle'),
  });

  const goHome = () => (state.session ? dispatch({ type: 'go', screen: 'home' }) : dispatch({ type: 'reset', language: state.language }));
  const back = () => dispatch({ type: 'back' });
  const help = () => dispatch({ type: 'help', open: !state.helpOpen });
  useKeyMap(info.keyMap, { back, help });

  const content = state.session?.content;
  const modalOpen = state.helpOpen || idle.secondsLeft !== null;
  const screen = (() => {
    switch (state.screen) {
      case 'welcome':
        return <WelcomeScreen onStart={() => dispatch({ type: 'go', screen: 'language' })} />;
      case 'language':
        return <LanguageScreen languages={info.languages} current={state.language} onChoose={(language) => void chooseLanguage(language)} />;
      case 'home':
        return <HomeScreen onRate={() => dispatch({ type: 'go', screen: 'rating' })} />;
      case 'rating':
        return content ? (
          <RatingScreen
            content={content}
            language={state.language}
            serviceId={serviceId}
            score={state.score}
            showError={state.error === 'chooseFirst'}
            onScore={(score) => dispatch({ type: 'score', score })}
            onNext={() => (state.score === null ? dispatch({ type: 'error', error: 'chooseFirst' }) : dispatch({ type: 'go', screen: 'comment' }))}
          />
        ) : null;
      case 'comment':
        return content ? (
          <CommentScreen
            content={content}
            language={state.language}
            comment={state.comment}
            busy={busy}
            showError={state.error === 'saveFailed'}
            onComment={(comment) => dispatch({ type: 'comment', comment })}
            onSend={(withComment) => void send(withComment)}
          />
        ) : null;
      case 'thanks':
        return state.saved ? <ThankYouScreen saved={state.saved} onFinish={() => resetToWelcome('finished')} /> : null;
    }
  })();

  return (
    <div className="kiosk">
      {/* While a dialog is open, everything behind it is inert: no focus, no taps. */}
      <div className="kiosk-content" inert={modalOpen}>
        {screen}
        <BottomBar
          onHome={goHome}
          onBack={back}
          onHelp={help}
          onLanguage={() => dispatch({ type: 'go', screen: 'language' })}
          canGoBack={state.history.length > 0}
        />
      </div>
      {state.helpOpen && <HelpDialog screen={state.screen} onClose={() => dispatch({ type: 'help', open: false })} />}
      {idle.secondsLeft !== null && <IdleWarning secondsLeft={idle.secondsLeft} onContinue={idle.stayActive} />}
    </div>
  );
}
