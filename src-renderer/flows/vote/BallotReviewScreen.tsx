import { useTranslation } from 'react-i18next';
import type { Ballot } from '../../../sync/protocol/ballot.js';
import { pickText, type Language } from '../../../sync/protocol/languages.js';
import type { Utterance } from '../../audio/describeElement.js';
import { ScreenFrame } from '../../ui/ScreenFrame.js';
import { withReviewNotice } from '../../audio/ReadQuietlyButton.js';
import { SendOrChange } from '../../ui/SendOrChange.js';

interface BallotReviewScreenProps {
  readonly ballot: Ballot;
  readonly language: Language;
  readonly choices: readonly string[];
  readonly personalNumber: string;
  readonly busy: boolean;
  readonly error: string | null;
  readonly onSend: () => void;
  readonly onChange: () => void;
}

/** The vote before it is cast. The choice in a vote is private (ACCESSIBILITY.md item 3), and so is the number; only its last 4 digits are shown. */
export function BallotReviewScreen({ ballot, language, choices, personalNumber, busy, error, onSend, onChange }: BallotReviewScreenProps) {
  const { t } = useTranslation();
  const titles = choices.map((id) => {
    const initiative = ballot.initiatives.find((candidate) => candidate.id === id);
    return initiative ? pickText(initiative.title, language) : id;
  });
  const masked = personalNumber ? `${'•'.repeat(Math.max(0, personalNumber.length - 4))}${personalNumber.slice(-4)}` : '';
  const readBack: Utterance[] = withReviewNotice(
    [{ text: `${t('vote.yourChoices')}:` }, ...titles.map((title) => ({ text: title, private: true }))],
    t('audio.reviewHidden'),
  );
  return (
    <ScreenFrame title={t('vote.reviewTitle')} hint={t('hints.ballotReview')} details={readBack} startsOn="title">
      <dl className="review-list">
        <dt>{t('vote.yourChoices')}</dt>
        <dd>
          <ul className="plain-list">
            {titles.map((title) => (
              <li key={title}>{title}</li>
            ))}
          </ul>
        </dd>
        {masked && (
          <>
            <dt>{t('vote.personalEntered')}</dt>
            <dd className="code-inline">{masked}</dd>
          </>
        )}
      </dl>
      <SendOrChange
        sendLabel={t('vote.send')}
        changeLabel={t('vote.change')}
        error={error}
        busy={busy}
        onSend={onSend}
        onChange={onChange}
        readBack={readBack}
      />
    </ScreenFrame>
  );
}
