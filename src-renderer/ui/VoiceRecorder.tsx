import { useEffect, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useAudioMode } from '../audio/AudioModeContext.js';
import type { VoiceMessage } from '../shells/kiosk/kioskState.js';
import { BigButton } from './BigButton.js';
import { clock, durationInWords } from './formatDuration.js';
import { useVoiceRecording, type RecorderState } from './useVoiceRecording.js';

interface VoiceRecorderProps {
  readonly sessionId: string;
  readonly limitSec: number;
  readonly voiceMessage: VoiceMessage | null;
  readonly onChange: (voiceMessage: VoiceMessage | null) => void;
}

/** While recording: the time against the limit, a live level meter, and Stop (focused). */
function RecordingNow({ state, limitSec, onStop }: { state: RecorderState & { step: 'recording' }; limitSec: number; onStop: () => void }) {
  const { t } = useTranslation();
  const stopButton = useRef<HTMLButtonElement>(null);
  useEffect(() => stopButton.current?.focus(), []);
  return (
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
        <BigButton ref={stopButton} onClick={onStop}>
          <span aria-hidden="true">■ </span>
          {t('voice.stop')}
        </BigButton>
      </div>
    </>
  );
}

interface RecordedProps {
  readonly voiceMessage: VoiceMessage;
  readonly listenButton: RefObject<HTMLButtonElement | null>;
  readonly onAgain: () => void;
  readonly onRemove: () => void;
}

/** A recorded message: its length, and listen to it, record it again, or delete it. */
function RecordedMessage({ voiceMessage, listenButton, onAgain, onRemove }: RecordedProps) {
  const { t } = useTranslation();
  const { speaker } = useAudioMode();
  return (
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
        <BigButton variant="secondary" onClick={onAgain}>
          <span aria-hidden="true">● </span>
          {t('voice.again')}
        </BigButton>
        <BigButton variant="secondary" onClick={onRemove}>
          <span aria-hidden="true">✕ </span>
          {t('voice.remove')}
        </BigButton>
      </div>
    </>
  );
}

/**
 * A voice message instead of typing (ACCESSIBILITY.md item 18): spoken
 * instructions with the time limit, a start tone, a live level meter, a stop
 * tone, then listen back, record again or delete. Recording happens in the
 * kiosk core (arecord, useVoiceRecording); this is its face. Typing stays available throughout.
 */
export function VoiceRecorder({ sessionId, limitSec, voiceMessage, onChange }: VoiceRecorderProps) {
  const { t } = useTranslation();
  const listenButton = useRef<HTMLButtonElement>(null);
  const { state, start, stop, remove } = useVoiceRecording({ sessionId, limitSec, voiceMessage, onChange, listenButton });
  const body = (() => {
    if (state.step === 'recording') return <RecordingNow state={state} limitSec={limitSec} onStop={() => void stop()} />;
    if (voiceMessage)
      return (
        <RecordedMessage
          voiceMessage={voiceMessage}
          listenButton={listenButton}
          onAgain={() => void start()}
          onRemove={() => void remove()}
        />
      );
    return (
      <div className="button-column">
        {/* The instructions are said once, on press (after the microphone was tried), not also on focus. */}
        <BigButton variant="secondary" unavailable={state.step === 'starting'} onClick={() => void start()}>
          <span aria-hidden="true">● </span>
          {t('voice.record')}
        </BigButton>
        <span id="voice-instructions" className="counter">
          {t('voice.instructions', { limit: durationInWords(limitSec, t) })}
        </span>
      </div>
    );
  })();
  return (
    <section className="voice" aria-label={t('review.voice')}>
      {state.step === 'failed' && (
        <p className="error" role="alert">
          {state.message}
        </p>
      )}
      {body}
    </section>
  );
}
