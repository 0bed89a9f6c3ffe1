import type { TFunction } from 'i18next';

/** "2 minutes", "45 seconds": how long, in words, for the screen and for speech. */
export function durationInWords(seconds: number, t: TFunction): string {
  return seconds >= 60 && seconds % 60 === 0
    ? t('voice.minutes', { count: seconds / 60 })
    : t('voice.seconds', { count: Math.round(seconds) });
}

/** "1:05": a running clock. */
export function clock(ms: number): string {
  const total = Math.floor(ms / 1000);
  return `${String(Math.floor(total / 60))}:${String(total % 60).padStart(2, '0')}`;
}
