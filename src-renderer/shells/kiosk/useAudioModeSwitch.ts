import { useCallback, useMemo, useRef, useState, type Dispatch } from 'react';
import type { TFunction } from 'i18next';
import type { AudioMode } from '../../audio/AudioModeContext.js';
import type { Utterance } from '../../audio/describeElement.js';
import type { Speaker } from '../../audio/speaker.js';
import type { KioskAction, Modes } from './kioskState.js';

export interface AudioModeSwitch {
  /** What every screen speaks through (AudioModeContext). */
  readonly audio: AudioMode;
  readonly setMode: (mode: keyof Modes, on: boolean) => void;
  readonly toggleAudio: () => void;
  /** Audio mode just came on without a headset: where private content may be heard is asked first. */
  readonly privacyOpen: boolean;
  /** The visitor's answer to that question (Back answers "keep it private"); the screen then announces itself again. */
  readonly choosePrivacy: (useSpeaker: boolean) => void;
  /** The question goes away unanswered (the visitor left). */
  readonly dismissPrivacy: () => void;
  /**
   * Headphones went in or out (the speaker already knows): said first, then the screen again, so what was
   * kept private is now read in the headphones. Headphones in also answer the privacy question.
   */
  readonly headsetChanged: (plugged: boolean) => void;
}

/** Audio mode on and off: what is said when it switches, the privacy question, and asking the screen to speak again. */
export function useAudioModeSwitch(speaker: Speaker, audioOn: boolean, dispatch: Dispatch<KioskAction>, t: TFunction): AudioModeSwitch {
  const [privacyOpen, setPrivacyOpen] = useState(false);
  const [announceEpoch, setAnnounceEpoch] = useState(0);
  const prefix = useRef<readonly Utterance[]>([]);

  const audio: AudioMode = useMemo(
    () => ({
      enabled: audioOn,
      speaker,
      announceEpoch,
      takePrefix: () => {
        const taken = prefix.current;
        prefix.current = [];
        return taken;
      },
    }),
    [audioOn, speaker, announceEpoch],
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
    [dispatch, speaker, t],
  );
  const toggleAudio = useCallback(() => setMode('audio', !audioOn), [setMode, audioOn]);

  const choosePrivacy = useCallback(
    (useSpeaker: boolean) => {
      speaker.allowSpeaker(useSpeaker);
      setPrivacyOpen(false);
      setAnnounceEpoch((epoch) => epoch + 1);
    },
    [speaker],
  );
  const dismissPrivacy = useCallback(() => setPrivacyOpen(false), []);

  const headsetChanged = useCallback(
    (plugged: boolean) => {
      if (!audioOn) return;
      const said = { text: t(plugged ? 'audio.headsetIn' : 'audio.headsetOut') };
      // Unplugged while the privacy question is open: the question stands, and is now the right one to ask.
      if (privacyOpen && !plugged) return void speaker.say([said]);
      if (plugged) setPrivacyOpen(false);
      prefix.current = [said];
      setAnnounceEpoch((epoch) => epoch + 1);
    },
    [audioOn, privacyOpen, speaker, t],
  );

  return { audio, setMode, toggleAudio, privacyOpen, choosePrivacy, dismissPrivacy, headsetChanged };
}
