import { useEffect, useRef, useState } from 'react';
import type { AudioInput } from '../../src-main/api/contract.js';
import { createPlayer } from '../audio/player.js';
import { BigButton } from '../ui/BigButton.js';
import { TechnicianFrame, type ToolProps } from './TechnicianFrame.js';

const TEST_MS = 3000;

interface MicrophoneTestProps extends ToolProps {
  readonly device: string;
}

type Stage =
  | { readonly kind: 'ready' }
  | { readonly kind: 'recording' }
  | { readonly kind: 'playing' }
  | { readonly kind: 'done'; readonly seconds: string }
  | { readonly kind: 'failed'; readonly why: string };

/**
 * The microphone test: 3 seconds from the configured ALSA device through the
 * kiosk's own recorder (a level meter while it records), played back, then
 * deleted. Below, the devices `arecord -L` lists, each one a touch from
 * becoming `audio.inputDevice`.
 */
export function MicrophoneTest({ client, texts, technicianId, onBack, onInfo, device }: MicrophoneTestProps) {
  const words = texts.microphone;
  const [stage, setStage] = useState<Stage>({ kind: 'ready' });
  const [level, setLevel] = useState(0);
  const [inputs, setInputs] = useState<readonly AudioInput[]>([]);
  const [current, setCurrent] = useState(device);
  const player = useRef(createPlayer());
  useEffect(() => {
    void client.invoke('technician.audioInputs', { technicianId }).then(setInputs);
    const unsubscribe = client.subscribe('recorder.level', (event) => setLevel(event.level));
    const playing = player.current;
    return () => {
      unsubscribe();
      playing.stop();
    };
  }, [client, technicianId]);

  const record = async () => {
    const start = await client.invoke('technician.microphoneTest', { technicianId });
    if (!start.started) return setStage({ kind: 'failed', why: start.message });
    setStage({ kind: 'recording' });
    await new Promise((resolve) => setTimeout(resolve, TEST_MS));
    const end = await client.invoke('recorder.stop', { recordingId: start.recordingId });
    if (end.reason === 'failed') return setStage({ kind: 'failed', why: end.message });
    setStage({ kind: 'playing' });
    await player.current.play(`/api/media/${end.recording.audioPath}`);
    await client.invoke('recorder.discard', { recordingId: start.recordingId });
    setLevel(0);
    setStage({ kind: 'done', seconds: (end.recording.durationMs / 1000).toFixed(1) });
  };
  const use = async (name: string) => {
    const saved = await client.invoke('technician.saveSettings', { technicianId, change: { inputDevice: name } });
    onInfo(saved.info);
    setCurrent(name);
  };
  const status = {
    ready: '\u00a0',
    recording: words.recording,
    playing: words.playing,
    done: stage.kind === 'done' ? words.heard(stage.seconds) : '',
    failed: stage.kind === 'failed' ? words.failed(stage.why) : '',
  }[stage.kind];
  return (
    <TechnicianFrame title={words.title} lead={words.lead(current)} texts={texts} onBack={onBack}>
      <div className="button-row">
        <BigButton unavailable={stage.kind === 'recording' || stage.kind === 'playing'} onClick={() => void record()}>
          {words.record}
        </BigButton>
      </div>
      <label className="setting-label" htmlFor="mic-level">
        {words.level}
      </label>
      <meter id="mic-level" className="mic-level" min={0} max={1} value={level} />
      <p
        role={stage.kind === 'failed' ? 'alert' : 'status'}
        className={stage.kind === 'failed' ? 'technician-message' : ''}
        data-stage={stage.kind}
      >
        {status}
      </p>
      <h2>{words.devices}</h2>
      <ul className="device-list">
        {inputs.map((input) => (
          <li key={input.name}>
            <span>
              <strong>{input.name}</strong> {input.description}
            </span>
            <BigButton
              variant={input.name === current ? 'primary' : 'secondary'}
              aria-pressed={input.name === current}
              onClick={() => void use(input.name)}
            >
              {words.use}
            </BigButton>
          </li>
        ))}
      </ul>
    </TechnicianFrame>
  );
}
