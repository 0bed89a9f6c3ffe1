import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordingEnd } from '../../src-main/api/contract.js';
import { useAudioMode } from '../audio/AudioModeContext.js';
import { playTone, START_TONE_HZ, STOP_TONE_HZ } from '../audio/tones.js';
import { useKioskClient } from '../client/KioskClientContext.js';
import type { VoiceMessage } from '../shells/kiosk/kioskState.js';
import { BigButton } from './BigButton.js';
import { clock, durationInWords } from './formatDuration.js';

interface VoiceRecorderProps {
  readonly sessionId: string;
  readonly limitSec: number;
  readonly voiceMessage: VoiceMessage | null;
  readonly onChange: (voiceMessage: VoiceMessage | null) => void;
}

type State =
  | { readonly step: 'idle' }
  | { readonly step: 'starting' }
  | { readonly step: 'recording'; readonly recordingId: string; readonly level: number; readonly elapsedMs: number }
  | { readonly step: 'failed'; readonly message: string };

/**
 * A voice message instead of typing (ACCESSIBILITY.md item 18): spoken
 * instructions with the time limit, a start tone, a live level meter, a stop
 * tone, then listen back, record again or delete. Recording happens in the
 * kiosk core (arecord); this is its face. Typing stays available throughout.
 */
export function VoiceRecorder({ sessionId, limitSec, voiceMessage, onChange }: VoiceRecorderProps) {
  const { t } = useTranslation();
  const client = useKioskClient();
  const { enabled, speaker } = useAudioMode();
  const [state, setState] = useState<State>({ step: 'idle' });
  const stopButton = useRef<HTMLButtonElement>(null);
  const listenButton = useRef<HTMLButtonElement>(null);
  const recordingId = state.step === 'recording' ? state.recordingId : undefined;

  const finish = (end: RecordingEnd) => {
    void playTone(STOP_TONE_HZ);
    if (end.reason === 'failed') {
      setState({ step: 'failed', message: t('voice.failed') });
      void speaker.say([{ text: t('voice.failed') }]);
      return;
    }
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

  useEffect(() => {
    if (state.step === 'recording') stopButton.current?.focus();
  }, [state.step]);

  const start = async () => {
    if (voiceMessage) await client.invoke('recorder.discard', { recordingId: voiceMessage.recordingId }).catch(() => undefined);
    onChange(null);
    setState({ step: 'starting' });
    const failed = () => {
      setState({ step: 'failed', message: t('voice.failed') });
      void speaker.say([{ text: t('voice.failed') }]);
    };
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

  const limit = durationInWords(limitSec, t);
  return (
    <section className="voice" aria-label={t('review.voice')}>
      {state.step === 'recording' ? (
        <>
          <p className="voice-status" role="status">
            <span className="voice-recording-dot" aria-hidden="true" />
            {t('voice.recording', { elapsed: clock(state.elapsedMs), limit: clock(limitSec * 1000) })}
          </p>
          <div
            className="voice-meter"
            role="meter"
            aria-label={t('voice.level')}
            aria-valuemin={0}
            aria-valuemax={1}
            aria-valuenow={Number(state.level.toFixed(2))}
          >
            <div className="voice-meter-fill" style={{ width: `${String(Math.round(state.level * 100))}%` }} />
          </div>
          <div className="button-column">
            <BigButton ref={stopButton} onClick={() => void stop()}>
              <span aria-hidden="true">■ </span>
              {t('voice.stop')}
            </BigButton>
          </div>
        </>
      ) : (
        <>
          {state.step === 'failed' && (
            <p className="error" role="alert">
              {state.message}
            </p>
          )}
          {voiceMessage ? (
            <>
              <p className="voice-status" role="status">
                {t('voice.ready', { seconds: Math.round(voiceMessage.durationMs / 1000) })}
              </p>
              <div className="button-column">
                <BigButton
                  ref={listenButton}
                  variant="secondary"
                  onClick={() => void speaker.playRecording(`/api/media/${voiceMessage.audioPath}`)}
                >
                  <span aria-hidden="true">▶ </span>
                  {t('voice.listen')}
                </BigButton>
                <BigButton variant="secondary" onClick={() => void start()}>
                  <span aria-hidden="true">● </span>
                  {t('voice.again')}
                </BigButton>
                <BigButton variant="secondary" onClick={() => void remove()}>
                  <span aria-hidden="true">✕ </span>
                  {t('voice.remove')}
                </BigButton>
              </div>
            </>
          ) : (
            <div className="button-column">
              {/* The instructions are said once, on press (after the microphone was tried), not also on focus. */}
              <BigButton variant="secondary" unavailable={state.step === 'starting'} onClick={() => void start()}>
                <span aria-hidden="true">● </span>
                {t('voice.record')}
              </BigButton>
              <span id="voice-instructions" className="counter">
                {t('voice.instructions', { limit })}
              </span>
            </div>
          )}
        </>
      )}
    </section>
  );
}
