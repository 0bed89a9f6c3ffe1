import { DEFAULT_SPEECH_RATE } from '../../protocol/speech.js';
import type { Language } from '../../protocol/languages.js';
import { speakableText } from './speakableText.js';
import type { Synthesizer } from './synthesizer.js';
import { VOICE_OF } from './voices.js';

/** Seconds a kiosk's voice takes to say one line at the default rate, as audio mode plays it (leading silence dropped, trailing kept). */
export async function spokenSeconds(synthesizer: Synthesizer, lang: Language, line: string): Promise<number> {
  const { text } = speakableText(line);
  if (!text) return 0;
  const audio = await synthesizer.synthesize(text, VOICE_OF[lang], DEFAULT_SPEECH_RATE);
  return audio.samples.length / audio.sampleRate;
}
