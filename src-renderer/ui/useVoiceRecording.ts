import { useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordingEnd } from '../../src-main/api/contract.js';
import { useAudioMode } from '../audio/AudioModeContext.js';
import { playTone, START_TONE_HZ, STOP_TONE_HZ } from '../audio/tones.js';
import { useKioskClient } from '../client/KioskClientContext.js';
import type { VoiceMessage } from '../shells/kiosk/kioskState.js';
import { durationInWords } from './formatDuration.js';

export type RecorderState =
  | { readonly step: 'idle' }
  | { readonly step: 'starting' }
  | { readonly step: 'recording'; readonly recordingId: string; readonly level: number; readonly elapsedMs: number }
  | { readonly step: 'failed'; readonly message: string };

interface RecordingOptions {
  readonly sessionId: string;
  readonly limitSec: number;
  readonly voiceMessage: VoiceMessage | null;
  readonly onChange: (voiceMessage: VoiceMessage | null) => void;
  /** Focused once a message is recorded, so the visitor can listen to it at once. */
  readonly listenButton: RefObject<HTMLButtonElement | null>;
}

export interface VoiceRecording {
  readonly state: RecorderState;
  readonly start: () => Promise<void>;
  readonly stop: () => Promise<void>;
  readonly remove: () => Promise<void>;
}

/**
 * A voice message's life with the kiosk core's recorder (arecord): the
 * microphone tried first, the instructions and a start tone, the level and
 * the end as they arrive over the socket, a stop tone, and the message handed
 * to the flow (or the failure said aloud).
 */
export function useVoiceRecording({ sessionId, limitSec, voiceMessage, onChange, listenButton }: RecordingOptions): VoiceRecording {
  const { t } = useTranslation();
  const client = useKioskClient();
  const { enabled, speaker } = useAudioMode();
  const [state, setState] = useState<RecorderState>({ step: 'idle' });
  const recordingId = state.step === 'recording' ? state.recordingId : undefined;

  const failed = () => {
    setState({ step: 'failed', message: t('voice.failed') });
    void speaker.say([{ text: t('voice.failed') }]);
  };
  const finish = (end: RecordingEnd) => {
    void playTone(STOP_TONE_HZ);
    if (end.reason === 'failed') return failed();
    setState({ step: 'idle' });
    onChange({ recordingId: end.recordingId, durationMs: end.recording.durationMs, audioPath: end.recording.audioPath });
    const ready = t('voice.ready', { seconds: Math.round(end.recording.durationMs / 1000) });
    const parts = end.reason === 'limit' ? [{ text: t('voice.limitReached') }, { text: ready }] : [{ text: ready }];
    setTimeout(() => listenButton.current?.focus(), 0);
    if (enabled) void speaker.say(parts);
  };

  // The level and end events arrive over the socket; they always reach the latest render's finish().
  const finishLatest = useRef(finish);
  useEffect(() => {
    finishLatest.current = finish;
  });
  useEffect(() => {
    if (!recordingId) return;
    const offLevel = client.subscribe('recorder.level', (event) => {
      if (event.recordingId === recordingId)
        setState((current) => (current.step === 'recording' ? { ...current, level: event.level, elapsedMs: event.elapsedMs } : current));
    });
    const offEnded = client.subscribe('recorder.ended', (end) => {
      if (end.recordingId === recordingId && end.reason !== 'stopped') finishLatest.current(end);
    });
    return () => {
      offLevel();
      offEnded();
    };
  }, [client, recordingId]);

  const start = async () => {
    if (voiceMessage) await client.invoke('recorder.discard', { recordingId: voiceMessage.recordingId }).catch(() => undefined);
    onChange(null);
    setState({ step: 'starting' });
    try {
      // The microphone is tried before anyone is asked to speak: the core answers once audio flows (or why it
      // cannot), and this first take is thrown away, so the instructions and the tone are not in the message.
      const probe = await client.invoke('recorder.start', { sessionId });
      if (!probe.started) return failed();
      await client.invoke('recorder.discard', { recordingId: probe.recordingId });
      if (enabled) await speaker.say([{ text: t('voice.instructions', { limit: durationInWords(limitSec, t) }) }]);
      await playTone(START_TONE_HZ);
      const started = await client.invoke('recorder.start', { sessionId });
      if (!started.started) return failed();
      setState({ step: 'recording', recordingId: started.recordingId, level: 0, elapsedMs: 0 });
    } catch {
      failed();
    }
  };

  const stop = async () => {
    if (!recordingId) return;
    const end = await client.invoke('recorder.stop', { recordingId }).catch(() => null);
    finish(end ?? { recordingId, reason: 'failed', message: 'stop failed' });
  };

  const remove = async () => {
    if (!voiceMessage) return;
    await client.invoke('recorder.discard', { recordingId: voiceMessage.recordingId }).catch(() => undefined);
    onChange(null);
  };

  return { state, start, stop, remove };
}
