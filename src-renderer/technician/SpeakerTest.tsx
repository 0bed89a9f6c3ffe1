import { useEffect, useRef, useState } from 'react';
import { LANGUAGES, type Language } from '../../sync/protocol/languages.js';
import { createPlayer } from '../audio/player.js';
import { LANGUAGE_NAMES } from '../i18n/i18n.js';
import { BigButton } from '../ui/BigButton.js';
import { TechnicianFrame, type ToolProps } from './TechnicianFrame.js';
import { audioOutputs } from '../audio/outputDevice.js';

/** One sentence per voice, each in its own language: the technician hears that every voice speaks. */
const SENTENCES: Record<Language, string> = {
  ka: 'ეს კიოსკი ლაპარაკობს.',
  en: 'This is the kiosk speaking.',
  ru: 'Говорит киоск.',
  az: 'Kiosk danışır.',
  hy: 'Խոսում է կրպակը։',
};
const TONE_HZ = 660;
const TONE_SEC = 0.8;

/** A tone panned fully to one side, through Web Audio; resolves when the audio graph has played it to its end. */
function playTone(side: 'left' | 'right'): Promise<void> {
  const context = new AudioContext();
  const oscillator = new OscillatorNode(context, { frequency: TONE_HZ });
  const gain = new GainNode(context, { gain: 0.3 });
  const pan = new StereoPannerNode(context, { pan: side === 'left' ? -1 : 1 });
  oscillator.connect(gain).connect(pan).connect(context.destination);
  return new Promise((resolve) => {
    oscillator.onended = () => void context.close().then(resolve);
    oscillator.start();
    oscillator.stop(context.currentTime + TONE_SEC);
  });
}

/**
 * The speaker (or headset) test: a tone on the left, one on the right, then
 * a sentence in each of the five voices, synthesised by the kiosk's own
 * speech engine and played by its own player. What has played is listed on
 * screen as it ends, so the technician can tell which one was not heard.
 */
export function SpeakerTest({ client, texts, technicianId, onBack }: ToolProps) {
  const words = texts.speaker;
  const player = useRef(createPlayer());
  const [played, setPlayed] = useState<readonly string[]>([]);
  const [now, setNow] = useState<string | undefined>();
  const [outputs, setOutputs] = useState<readonly string[]>([]);
  useEffect(() => {
    void client.invoke('technician.selfTest', { technicianId, test: 'speaker' });
    void audioOutputs().then(setOutputs);
    const current = player.current;
    return () => current.stop();
  }, [client, technicianId]);

  const tone = async (side: 'left' | 'right') => {
    const label = side === 'left' ? words.left : words.right;
    setNow(label);
    await playTone(side);
    setPlayed((done) => [...done, label]);
    setNow(undefined);
  };
  const voices = async () => {
    for (const language of LANGUAGES) {
      setNow(LANGUAGE_NAMES[language]);
      const clip = await client.invoke('speech.say', { text: SENTENCES[language], language, rate: 175, private: false });
      const outcome = clip ? await player.current.play(`/api/media/${clip.audioPath}`) : 'failed';
      setPlayed((done) => [...done, `${LANGUAGE_NAMES[language]}${outcome === 'ended' ? '' : ` (${outcome})`}`]);
    }
    setNow(undefined);
  };
  return (
    <TechnicianFrame title={words.title} lead={words.lead} texts={texts} onBack={onBack}>
      <div className="button-row">
        <BigButton onClick={() => void tone('left')}>{words.left}</BigButton>
        <BigButton onClick={() => void tone('right')}>{words.right}</BigButton>
        <BigButton onClick={() => void voices()}>{words.voices}</BigButton>
      </div>
      <p role="status" aria-live="polite">
        {now ? words.playing(now) : played.length > 0 ? words.done : '\u00a0'}
      </p>
      <ol className="played-list" data-played={played.join('|')}>
        {played.map((label, index) => (
          <li key={`${label}-${String(index)}`}>{label}</li>
        ))}
      </ol>
      <h2>{words.outputs}</h2>
      <ul>
        <li>{words.defaultOutput}</li>
        {outputs.map((label) => (
          <li key={label}>{label}</li>
        ))}
      </ul>
    </TechnicianFrame>
  );
}
