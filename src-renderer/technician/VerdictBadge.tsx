import type { Verdict } from '../../src-main/api/contract.js';
import type { TechnicianTexts } from './technicianTexts.js';

const MARKS: Record<Verdict, string> = { ok: '✓', attention: '!', broken: '✕' };

/** A verdict as a word and a mark, never by colour alone. */
export function VerdictBadge({ verdict, texts }: { readonly verdict: Verdict; readonly texts: TechnicianTexts }) {
  return (
    <strong className={`verdict verdict-${verdict}`}>
      <span aria-hidden="true">{MARKS[verdict]} </span>
      {texts.verdicts[verdict]}
    </strong>
  );
}
