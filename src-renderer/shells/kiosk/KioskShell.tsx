import { lazy, Suspense, useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../src-main/api/contract.js';
import type { Language } from '../../../sync/protocol/languages.js';
import { AudioModeContext, type AudioMode } from '../../audio/AudioModeContext.js';
import { describeElement, type Utterance } from '../../audio/describeElement.js';
import { PrivacyDialog } from '../../audio/PrivacyDialog.js';
import { useCornerHold } from '../../audio/useCornerHold.js';
import { inputWay } from '../../audio/inputWay.js';
import { useFocusSpeech } from '../../audio/useFocusSpeech.js';
import { usePhysicalTypingEcho } from '../../audio/usePhysicalTypingEcho.js';
import { useTouchExploration } from '../../audio/useTouchExploration.js';
import type { KioskClient } from '../../client/kioskClient.js';
import { KioskClientContext } from '../../client/KioskClientContext.js';
import { flowOfScreen, flows } from '../../flows/registry.js';
import { HomeScreen } from '../../screens/HomeScreen.js';
import { LanguageScreen } from '../../screens/LanguageScreen.js';
import { WelcomeScreen } from '../../screens/WelcomeScreen.js';
import { BottomBar } from '../../ui/BottomBar.js';
import { HelpDialog } from '../../ui/HelpDialog.js';
import { IdleWarning } from '../../ui/IdleWarning.js';
import { useLabelPrefetch } from '../../audio/useLabelPrefetch.js';
import { FlowView, prefetchFlows } from './FlowView.js';
import { loadLanguage, prefetchLanguages } from '../../i18n/i18n.js';
import { freshKioskState, kioskReducer } from './kioskReducer.js';
import type { Modes } from './kioskState.js';
import { useIdleTimer } from './useIdleTimer.js';
import { moveFocus } from '../../ui/moveFocus.js';
import { useKeyMap } from './useKeyMap.js';
import { useSpeakerInstance } from './useSpeakerInstance.js';
import { applyAudioOutput } from '../../audio/outputDevice.js';
import { useTechnicianGesture } from '../../technician/useTechnicianGesture.js';

// Technician mode is its own chunk: visitors never load it.
const TechnicianMode = lazy(() => import('../../technician/TechnicianMode.js').then((module) => ({ default: module.TechnicianMode })));

interface KioskShellProps {
  readonly client: KioskClient;
  /** The device's settings at start; technician mode may change them while the kiosk runs. */
  readonly info: AppInfo;
}

/** How often the attract screen may say how to get audio (it speaks only after a touch or a key). */
const ATTRACT_HINT_EVERY_MS = 10_000;

/** The branch kiosk: screens, the bottom bar, help, audio mode and the idle reset, over the kiosk API. */
export function KioskShell({ client, info: startInfo }: KioskShellProps) {
  const { i18n, t } = useTranslation();
  const [info, setInfo] = useState(startInfo);
  const [technicianOpen, setTechnicianOpen] = useState(false);
  const [state, dispatch] = useReducer(kioskReducer, info.defaultLanguage, freshKioskState);
  const [privacyOpen, setPrivacyOpen] = useState(false);
  const [announceEpoch, setAnnounceEpoch] = useState(0);
  const latest = useRef({ language: state.language, t });
  useLayoutEffect(() => {
    latest.current = { language: state.language, t };
  });
  const speaker = useSpeakerInstance(
    client,
    info,
    () => latest.current.language,
    () => latest.current.t,
  );
  const prefix = useRef<readonly Utterance[]>([]);
  useEffect(() => {
    speaker.configure({ headsetIsOutput: info.audio.headsetIsOutput, defaults: info.speech });
  }, [speaker, info.audio.headsetIsOutput, info.speech]);
  // The configured sound output (a headset jack, a USB speaker), where the browser can choose one.
  useEffect(() => void applyAudioOutput(info.audio.outputDevice).catch(() => false), [info.audio.outputDevice]);
  useTechnicianGesture(() => {
    speaker.stop();
    setTechnicianOpen(true);
  });

  useEffect(() => {
    void i18n.changeLanguage(state.language);
    document.documentElement.lang = state.language;
  }, [i18n, state.language]);

  const audio: AudioMode = useMemo(
    () => ({
      enabled: state.modes.audio,
      speaker,
      announceEpoch,
      takePrefix: () => {
        const taken = prefix.current;
        prefix.current = [];
        return taken;
      },
    }),
    [state.modes.audio, speaker, announceEpoch],
  );

  const setMode = useCallback(
    (mode: keyof Modes, on: boolean) => {
      dispatch({ type: 'mode', mode, on });
      if (mode !== 'audio') return;
      if (!on) {
        void speaker.say([{ text: t('audio.off') }]);
        return;
      }
      prefix.current = [{ text: t('audio.on') }];
      // Without a headset the visitor first chooses where private content may be heard.
      if (speaker.needsPrivacyChoice()) setPrivacyOpen(true);
      else setAnnounceEpoch((epoch) => epoch + 1);
    },
    [speaker, t],
  );
  const toggleAudio = useCallback(() => setMode('audio', !state.modes.audio), [setMode, state.modes.audio]);

  const endSession = useCallback(
    (reason: 'finished' | 'idle' | 'home') => {
      if (state.session) void client.invoke('session.end', { sessionId: state.session.sessionId, reason });
    },
    [client, state.session],
  );

  const resetToWelcome = useCallback(
    (reason: 'finished' | 'idle') => {
      endSession(reason);
      // ACCESSIBILITY.md item 6: rate, volume, language and modes back to the defaults for the next visitor.
      speaker.reset();
      // Audio mode ends with the session: a blind visitor hears that it did, in their language, not silence.
      if (state.modes.audio) void speaker.say([{ text: t('audio.sessionEnded') }], { remember: false });
      setPrivacyOpen(false);
      dispatch({ type: 'reset', language: info.defaultLanguage });
    },
    [endSession, info.defaultLanguage, speaker, state.modes.audio, t],
  );

  const chooseLanguage = async (language: Language) => {
    // Its texts first, so the next screen never flashes in another language.
    await loadLanguage(language);
    if (state.session) {
      await client.invoke('session.setLanguage', { sessionId: state.session.sessionId, language });
      dispatch({ type: 'languageChanged', language });
      return;
    }
    const session = await client.invoke('session.start', { language });
    dispatch({ type: 'sessionStarted', session, language });
  };

  const idle = useIdleTimer({
    // Technician mode has its own idle time; the visitor's session waits under it unchanged.
    enabled: state.screen !== 'welcome' && !technicianOpen,
    idleTimeoutSec: info.idleTimeoutSec,
    warningSec: info.idleWarningSec,
    onTimeout: () => resetToWelcome('idle'),
  });

  const goHome = () => (state.session ? dispatch({ type: 'go', screen: 'home' }) : dispatch({ type: 'reset', language: state.language }));
  // Back (Escape) closes an open dialog first; a privacy prompt closed this way keeps things private.
  const back = () => {
    if (privacyOpen) {
      speaker.allowSpeaker(false);
      setPrivacyOpen(false);
      setAnnounceEpoch((epoch) => epoch + 1);
    } else if (state.helpOpen) dispatch({ type: 'help', open: false });
    else dispatch({ type: 'back' });
  };
  const help = () => dispatch({ type: 'help', open: !state.helpOpen });
  // Under technician mode nothing of the visitor's UI listens: no keys, no touch exploration, no speech.
  const enabled = state.modes.audio && !technicianOpen;
  const speechKey = (run: () => void) => (enabled ? run : undefined);
  useKeyMap(technicianOpen ? undefined : info.keyMap, {
    back,
    help,
    toggleAudio,
    volumeUp: speechKey(() => void speaker.say([{ text: t('audio.volume', { percent: speaker.changeVolume(1) }) }], { remember: false })),
    volumeDown: speechKey(
      () => void speaker.say([{ text: t('audio.volume', { percent: speaker.changeVolume(-1) }) }], { remember: false }),
    ),
    rateUp: speechKey(() => void speaker.say([{ text: t('audio.rate', { percent: speaker.changeRate(1) }) }], { remember: false })),
    rateDown: speechKey(() => void speaker.say([{ text: t('audio.rate', { percent: speaker.changeRate(-1) }) }], { remember: false })),
    // On the on-screen keyboard, Repeat first says how many characters are typed (the text itself may be private).
    repeat: speechKey(() => {
      const typed = document.activeElement?.closest<HTMLElement>('[data-typed-count]')?.dataset.typedCount;
      if (typed === undefined) return void speaker.repeat();
      void speaker.say(
        [
          { text: t('keys.count', { count: Number(typed) }) },
          ...(document.activeElement ? describeElement(document.activeElement, t) : []),
        ],
        {
          remember: false,
        },
      );
    }),
    stopSpeech: speechKey(() => speaker.stop()),
  });
  // Hints follow the visitor's way of input from the first key or touch on.
  useEffect(() => void inputWay(), []);
  useCornerHold(technicianOpen ? () => undefined : toggleAudio);
  useFocusSpeech(enabled, speaker);
  usePhysicalTypingEcho(enabled, speaker);
  useLabelPrefetch(enabled, speaker);
  useTouchExploration(enabled, { next: () => moveFocus(1), previous: () => moveFocus(-1), stopSpeech: () => speaker.stop() });

  // Any action of the visitor cuts the current phrase at once (ACCESSIBILITY.md item 5); on the attract
  // screen, the first touch or key says how to get audio, in under 3 s (item 2).
  const attract = useRef({ screen: state.screen, audio: enabled, technician: technicianOpen, lastHintAt: -Infinity });
  useLayoutEffect(() => {
    attract.current = { ...attract.current, screen: state.screen, audio: enabled, technician: technicianOpen };
  });
  useEffect(() => {
    const onAction = () => {
      speaker.stop();
      if (attract.current.technician) return;
      const now = performance.now();
      if (attract.current.screen === 'welcome' && !attract.current.audio && now - attract.current.lastHintAt > ATTRACT_HINT_EVERY_MS) {
        attract.current.lastHintAt = now;
        void speaker.say([{ text: latest.current.t('audio.attract') }], { remember: false });
      }
    };
    const options = { capture: true } as const;
    window.addEventListener('keydown', onAction, options);
    window.addEventListener('pointerdown', onAction, options);
    return () => {
      window.removeEventListener('keydown', onAction, options);
      window.removeEventListener('pointerdown', onAction, options);
    };
  }, [speaker]);

  // On the attract screen the hint is synthesised ahead of need at once (a visitor may press a key in the
  // first second, and the speech engine takes about one to start); the other flows' screens and the other
  // languages load once the page has settled, so they never slow the first paint or the hint.
  useEffect(() => {
    if (state.screen !== 'welcome') return;
    speaker.prefetch([t('audio.attract'), t('audio.on')]);
    const ahead = setTimeout(() => {
      prefetchFlows();
      prefetchLanguages(info.languages);
    }, 3000);
    return () => clearTimeout(ahead);
  }, [state.screen, speaker, t, info.languages]);

  const modalOpen = state.helpOpen || privacyOpen || idle.secondsLeft !== null || technicianOpen;
  const screen = (() => {
    switch (state.screen) {
      case 'welcome':
        return <WelcomeScreen onStart={() => dispatch({ type: 'go', screen: 'language' })} />;
      case 'language':
        return (
          <LanguageScreen languages={info.languages} current={state.language} onChoose={(language) => void chooseLanguage(language)} />
        );
      case 'home':
        return (
          <HomeScreen
            tiles={flows.flatMap((flow) => (flow.tile ? [{ label: flow.tile.label, onClick: () => flow.start(dispatch, info) }] : []))}
          />
        );
      default: {
        const flow = flowOfScreen(state.screen);
        return flow ? (
          <FlowView flow={flow} state={state} dispatch={dispatch} info={info} onBack={back} onFinish={() => resetToWelcome('finished')} />
        ) : null;
      }
    }
  })();

  const classes = [
    'kiosk',
    enabled ? 'audio-mode' : '',
    state.modes.largeText ? 'large-text' : '',
    state.modes.highContrast ? 'high-contrast' : '',
  ];
  return (
    <KioskClientContext.Provider value={client}>
      <AudioModeContext.Provider value={audio}>
        <div className={classes.filter(Boolean).join(' ')}>
          {enabled && (
            <div className="audio-indicator" role="status">
              <span aria-hidden="true">♪ </span>
              {t('audio.indicator')}
            </div>
          )}
          {/* While a dialog is open, everything behind it is inert: no focus, no taps. */}
          <div className="kiosk-content" inert={modalOpen}>
            {screen}
            <BottomBar
              onHome={goHome}
              onBack={back}
              onHelp={help}
              onLanguage={() => dispatch({ type: 'go', screen: 'language' })}
              onMode={setMode}
              modes={state.modes}
              canGoBack={state.history.length > 0}
            />
          </div>
          {state.helpOpen && <HelpDialog screen={state.screen} onClose={() => dispatch({ type: 'help', open: false })} />}
          {privacyOpen && (
            <PrivacyDialog
              onChoose={(useSpeaker) => {
                speaker.allowSpeaker(useSpeaker);
                setPrivacyOpen(false);
                setAnnounceEpoch((epoch) => epoch + 1);
              }}
            />
          )}
          {idle.secondsLeft !== null && <IdleWarning secondsLeft={idle.secondsLeft} onContinue={idle.stayActive} />}
          {technicianOpen && (
            <Suspense fallback={null}>
              <TechnicianMode
                client={client}
                info={info}
                language={state.language}
                onClose={() => setTechnicianOpen(false)}
                onInfo={setInfo}
              />
            </Suspense>
          )}
        </div>
      </AudioModeContext.Provider>
    </KioskClientContext.Provider>
  );
}
