import { useState } from 'react';
import type { TFunction } from 'i18next';
import type { AppInfo } from '../../../src-main/api/contract.js';
import type { Language } from '../../../sync/protocol/languages.js';
import { createPlayer } from '../../audio/player.js';
import { createSpeaker, type Speaker } from '../../audio/speaker.js';
import type { KioskClient } from '../../client/kioskClient.js';

declare global {
  interface Window {
    /** The speech player's recent events (request/play/end/stop with times): read by the e2e tests and benchmarks. */
    pshSpeechEvents?: unknown;
  }
}

/** The shell's one speaker, made once; it reads the current language through a getter. */
export function useSpeakerInstance(client: KioskClient, info: AppInfo, language: () => Language, t: () => TFunction): Speaker {
  const [speaker] = useState(() => {
    const player = createPlayer();
    window.pshSpeechEvents = player.events;
    return createSpeaker({
      client,
      player,
      language,
      privateNotice: (lang) => t()('audio.privateHidden', { lng: lang }),
      headsetIsOutput: info.audio.headsetIsOutput,
      defaults: info.speech,
    });
  });
  return speaker;
}
