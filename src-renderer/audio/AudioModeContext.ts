import { createContext, useContext } from 'react';
import type { Utterance } from './describeElement.js';
import type { Speaker } from './speaker.js';

export interface AudioMode {
  /** Audio mode is on: screens, focus and results are spoken. */
  readonly enabled: boolean;
  readonly speaker: Speaker;
  /** Said before the next announcement (e.g. "audio mode on"), then forgotten. */
  takePrefix(): readonly Utterance[];
  /** Changes when the current screen must announce itself again (audio mode just came on, a prompt closed). */
  readonly announceEpoch: number;
}

export const AudioModeContext = createContext<AudioMode | null>(null);

/** The audio mode of the kiosk shell; every shared component speaks through this. */
export function useAudioMode(): AudioMode {
  const mode = useContext(AudioModeContext);
  if (!mode) throw new Error('useAudioMode needs an AudioModeContext provider (the kiosk shell)');
  return mode;
}
