import type { ReactNode } from 'react';
import type { Language } from '../../sync/protocol/languages.js';
import { spellOut } from '../audio/spellOut.js';
import { BigButton } from './BigButton.js';
import { ScreenFrame } from './ScreenFrame.js';

interface ThanksFrameProps {
  readonly title: string;
  readonly className: string;
  readonly hint: string;
  /** Said before the code ("your code is"); the code itself is then spelled out, character by character. */
  readonly codeIntro: string;
  readonly code: string;
  readonly language: Language;
  /** Said after the code, in order: where it goes, the receipt, what to share. */
  readonly after: readonly string[];
  readonly finishLabel: string;
  readonly onFinish: () => void;
  readonly children: ReactNode;
}

/**
 * Every flow's last screen, shown only after the core committed what was sent
 * (the promise "saved" is true here): its code spoken, what the flow shows,
 * then Finish (Enter on the title finishes too, as the hint says).
 */
export function ThanksFrame({ codeIntro, code, language, after, finishLabel, onFinish, children, ...frame }: ThanksFrameProps) {
  const details = [{ text: codeIntro }, { text: spellOut(code, language) }, ...after.map((text) => ({ text }))];
  return (
    <ScreenFrame {...frame} onEnter={onFinish} details={details}>
      {children}
      <BigButton huge onClick={onFinish}>
        {finishLabel}
      </BigButton>
    </ScreenFrame>
  );
}

/** The code large, under its label, with what happens next below it: the rating's, survey's, feedback's and proposal's thanks. */
export function SavedCode({
  label,
  code,
  testId,
  note,
}: {
  readonly label: string;
  readonly code: string;
  readonly testId: string;
  readonly note: string;
}) {
  return (
    <div>
      <p className="lead" id="code-label">
        {label}
      </p>
      <p className="code" aria-labelledby="code-label" data-testid={testId}>
        {code}
      </p>
      <p className="lead">{note}</p>
    </div>
  );
}
