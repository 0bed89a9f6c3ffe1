/** Mouth curves from very sad (1) to very happy (5); drawn, so they need no emoji font. */
const MOUTHS: Record<number, string> = {
  1: 'M34 80 Q60 56 86 80',
  2: 'M36 78 Q60 66 84 78',
  3: 'M36 74 L84 74',
  4: 'M36 70 Q60 84 84 70',
  5: 'M32 66 Q60 96 88 66',
};

/** A face for a score; decorative, the button carries the spoken name. */
export function Smiley({ score }: { readonly score: number }) {
  return (
    <svg viewBox="0 0 120 120" aria-hidden="true" focusable="false">
      <circle className="face" cx="60" cy="60" r="54" fill="none" stroke="currentColor" strokeWidth="6" />
      <circle cx="42" cy="46" r="7" fill="currentColor" />
      <circle cx="78" cy="46" r="7" fill="currentColor" />
      <path d={MOUTHS[score] ?? MOUTHS[3]} fill="none" stroke="currentColor" strokeWidth="6" strokeLinecap="round" />
    </svg>
  );
}
