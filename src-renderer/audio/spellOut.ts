import type { Language } from '../../sync/protocol/languages.js';
import { latinLetterName } from './latinLetterNames.js';

/** A code read character by character: "A, 7, K" (commas give eSpeak a pause), Latin letters by their names in the voice. */
export function spellOut(code: string, language: Language): string {
  return Array.from(code)
    .map((char) => latinLetterName(char, language) ?? char)
    .join(', ');
}
