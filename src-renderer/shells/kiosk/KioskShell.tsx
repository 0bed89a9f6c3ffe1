import { useEffect, useLayoutEffect, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../src-main/api/contract.js';
import { AudioModeContext } from '../../audio/AudioModeContext.js';
import { useCornerHold } from '../../audio/useCornerHold.js';
import { inputWay } from '../../audio/inputWay.js';
import { useFocusSpeech } from '../../audio/useFocusSpeech.js';
import { usePhysicalTypingEcho } from '../../audio/usePhysicalTypingEcho.js';
import { useTouchExploration } from '../../audio/useTouchExploration.js';
import { useLabelPrefetch } from '../../audio/useLabelPrefetch.js';
import { applyAudioOutput } from '../../audio/outputDevice.js';
import type { KioskClient } from '../../client/kioskClient.js';
import { KioskClientContext } from '../../client/KioskClientContext.js';
import { BottomBar } from '../../ui/BottomBar.js';
import { moveFocus } from '../../ui/moveFocus.js';
import { useTechnicianGesture } from '../../technician/useTechnicianGesture.js';
import { CurrentScreen } from './CurrentScreen.js';
import { KioskOverlays } from './KioskOverlays.js';
import { freshKioskState, kioskReducer } from './kioskReducer.js';
import { speechKeys } from './speechKeys.js';
import { useAttractHint } from './useAttractHint.js';
import { useAudioModeSwitch } from './useAudioModeSwitch.js';
import { useHeadsetJack } from './useHeadsetJack.js';
import { useIdleTimer } from './useIdleTimer.js';
import { useKeyMap } from './useKeyMap.js';
import { useSpeakerInstance } from './useSpeakerInstance.js';
import { useVisitorSession } from './useVisitorSession.js';

interface KioskShellProps {
  readonly client: KioskClient;
  /** The device's settings at start; technician mode may change them while the kiosk runs. */
  readonly info: AppInfo;
}

/**
 * The branch kiosk: screens, the bottom bar, help, audio mode and the idle
 * reset, over the kiosk API. Each concern is its own hook or component here;
 * this one wires them to the visitor's state.
 */
export function KioskShell({ client, info: startInfo }: KioskShellProps) {
  const { i18n, t } = useTranslation();
  const [info, setInfo] = useState(startInfo);
  const [technicianOpen, setTechnicianOpen] = useState(false);
  const [state, dispatch] = useReducer(kioskReducer, info.defaultLanguage, freshKioskState);
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

  const audioMode = useAudioModeSwitch(speaker, state.modes.audio, dispatch, t);
  useHeadsetJack(client, (plugged) => {
    // The speaker first, so the announcement below already reads private content in the headphones.
    speaker.configure({ headsetIsOutput: plugged, defaults: info.speech });
    setInfo((current) => ({ ...current, audio: { ...current.audio, headsetIsOutput: plugged } }));
    audioMode.headsetChanged(plugged);
  });
  const session = useVisitorSession({ client, state, dispatch, speaker, info, t, onLeave: audioMode.dismissPrivacy });
  const idle = useIdleTimer({
    // Technician mode has its own idle time; the visitor's session waits under it unchanged.
    enabled: state.screen !== 'welcome' && !technicianOpen,
    idleTimeoutSec: info.idleTimeoutSec,
    warningSec: info.idleWarningSec,
    onTimeout: () => session.resetToWelcome('idle'),
  });

  const goHome = () => (state.session ? dispatch({ type: 'go', screen: 'home' }) : dispatch({ type: 'reset', language: state.language }));
  // Back (Escape) closes an open dialog first; a privacy prompt closed this way keeps things private.
  const back = () => {
    if (audioMode.privacyOpen) audioMode.choosePrivacy(false);
    else if (state.helpOpen) dispatch({ type: 'help', open: false });
    else dispatch({ type: 'back' });
  };
  const help = () => dispatch({ type: 'help', open: !state.helpOpen });
  // Under technician mode nothing of the visitor's UI listens: no keys, no touch exploration, no speech.
  const enabled = state.modes.audio && !technicianOpen;
  useKeyMap(technicianOpen ? undefined : info.keyMap, {
    back,
    help,
    toggleAudio: audioMode.toggleAudio,
    ...speechKeys(enabled, speaker, t),
  });
  // Hints follow the visitor's way of input from the first key or touch on.
  useEffect(() => void inputWay(), []);
  useCornerHold(technicianOpen ? () => undefined : audioMode.toggleAudio);
  useFocusSpeech(enabled, speaker);
  usePhysicalTypingEcho(enabled, speaker);
  useLabelPrefetch(enabled, speaker);
  useTouchExploration(enabled, { next: () => moveFocus(1), previous: () => moveFocus(-1), stopSpeech: () => speaker.stop() });
  useAttractHint(speaker, { screen: state.screen, audio: enabled, technician: technicianOpen, t }, info.languages);

  const modalOpen = state.helpOpen || audioMode.privacyOpen || idle.secondsLeft !== null || technicianOpen;
  const classes = ['kiosk', enabled && 'audio-mode', state.modes.largeText && 'large-text', state.modes.highContrast && 'high-contrast'];
  return (
    <KioskClientContext.Provider value={client}>
      <AudioModeContext.Provider value={audioMode.audio}>
        <div className={classes.filter(Boolean).join(' ')}>
          {enabled && (
            <div className="audio-indicator" role="status">
              <span aria-hidden="true">♪ </span>
              {t('audio.indicator')}
            </div>
          )}
          {/* While a dialog is open, everything behind it is inert: no focus, no taps. */}
          <div className="kiosk-content" inert={modalOpen}>
            <CurrentScreen
              state={state}
              dispatch={dispatch}
              info={info}
              onChooseLanguage={(language) => void session.chooseLanguage(language)}
              onBack={back}
              onFinish={() => session.resetToWelcome('finished')}
            />
            <BottomBar
              onHome={goHome}
              onBack={back}
              onHelp={help}
              onLanguage={() => dispatch({ type: 'go', screen: 'language' })}
              onMode={audioMode.setMode}
              modes={state.modes}
              canGoBack={state.history.length > 0}
            />
          </div>
          <KioskOverlays
            client={client}
            info={info}
            screen={state.screen}
            language={state.language}
            help={state.helpOpen ? { onClose: () => dispatch({ type: 'help', open: false }) } : undefined}
            privacy={audioMode.privacyOpen ? { onChoose: audioMode.choosePrivacy } : undefined}
            idle={idle.secondsLeft === null ? undefined : { secondsLeft: idle.secondsLeft, onContinue: idle.stayActive }}
            technician={technicianOpen ? { onClose: () => setTechnicianOpen(false), onInfo: setInfo } : undefined}
          />
        </div>
      </AudioModeContext.Provider>
    </KioskClientContext.Provider>
  );
}
