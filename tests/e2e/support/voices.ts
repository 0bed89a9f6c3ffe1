import type { HeardLine } from './transcript.js';

/** The letters each voice can read: Georgian, Latin (English, Azerbaijani), Cyrillic, Armenian. */
const SCRIPTS = {
  georgian: /[\u10A0-\u10FF\u1C90-\u1CBF\u2D00-\u2D2F]/u,
  latin: /[A-Za-z\u00C0-\u024F\u0259\u018F]/u,
  cyrillic: /[\u0400-\u04FF]/u,
  armenian: /[\u0530-\u058F]/u,
} as const;
type Script = keyof typeof SCRIPTS;

const SCRIPT_OF_VOICE: Record<string, Script> = { ka: 'georgian', en: 'latin', az: 'latin', ru: 'cyrillic', hy: 'armenian' };

/**
 * Lines spoken in the wrong voice: text holding letters of another script
 * than the voice's own ("Enter" read by the Georgian voice, a Latin code
 * letter, "English" in Georgian). Digits and signs belong to every voice.
 */
export function wrongVoiceLines(lines: readonly HeardLine[]): string[] {
  return lines
    .filter((line) => {
      const own = SCRIPT_OF_VOICE[line.lang];
      if (!own) return true;
      return (Object.keys(SCRIPTS) as Script[]).some((script) => script !== own && SCRIPTS[script].test(line.text));
    })
    .map((line) => `[${line.lang}] ${line.text}`);
}
