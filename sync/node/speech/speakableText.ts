/** The longest text spoken as one utterance; longer text is cut at a word boundary. */
export const MAX_SPOKEN_CHARS = 600;

// Scripts our five voices read: Georgian, Latin (en, az), Cyrillic (ru), Armenian (hy).
const SPEAKABLE = /[\p{Script=Georgian}\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Armenian}\p{Number}\s.,;:!?'"()«»„“”\-–—/%+№]/u;

export interface SpeakableText {
  /** What the synthesiser gets: empty when nothing could be spoken. */
  readonly text: string;
  /** Why the text was changed, for the log; empty when it was spoken as given. */
  readonly warnings: readonly string[];
}

/**
 * Makes a text safe for eSpeak NG: emoji, pictographs and scripts no voice
 * reads are dropped (eSpeak would read an emoji's English-derived name or, in
 * older builds, hang), whitespace is folded, and very long text is cut. The
 * caller logs the warnings; the visitor hears the rest instead of a freeze.
 */
export function speakableText(input: string): SpeakableText {
  const warnings: string[] = [];
  let dropped = 0;
  let text = '';
  for (const char of input) {
    if (SPEAKABLE.test(char)) text += char;
    else {
      dropped += 1;
      text += ' ';
    }
  }
  if (dropped > 0) warnings.push(`dropped ${String(dropped)} character(s) no voice can read`);
  text = text.replace(/\s+/gu, ' ').trim();
  if (text.length > MAX_SPOKEN_CHARS) {
    const cut = text.lastIndexOf(' ', MAX_SPOKEN_CHARS);
    text = text.slice(0, cut > MAX_SPOKEN_CHARS / 2 ? cut : MAX_SPOKEN_CHARS);
    warnings.push(`cut to ${String(text.length)} of ${String(input.length)} characters`);
  }
  if (!/[\p{L}\p{N}]/u.test(text)) text = '';
  return { text, warnings };
}
