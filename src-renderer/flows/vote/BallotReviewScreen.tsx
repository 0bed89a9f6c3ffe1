import { useTranslation } from 'react-i18next';
import type { Ballot } from '../../../sync/protocol/ballot.js';
import { pickText, type Language } from '../../../sync/protocol/languages.js';
import { ReviewFrame, type ReviewItem, type ReviewActions } from '../../ui/ReviewFrame.js';

interface BallotReviewScreenProps {
  readonly ballot: Ballot;
  readonly language: Language;
  readonly choices: readonly string[];
  readonly personalNumber: string;
  readonly actions: ReviewActions;
}

/** The personal number as shown: only its last 4 digits; it is never read aloud. */
function maskedNumberItem(term: string, personalNumber: string): ReviewItem[] {
  if (!personalNumber) return [];
  const masked = `${'•'.repeat(Math.max(0, personalNumber.length - 4))}${personalNumber.slice(-4)}`;
  return [{ term, shown: masked, spoken: [], className: 'code-inline' }];
}

/** The vote before it is cast. The choice in a vote is private (ACCESSIBILITY.md item 3), and so is the number. */
export function BallotReviewScreen({ ballot, language, choices, personalNumber, actions }: BallotReviewScreenProps) {
  const { t } = useTranslation();
  const titles = choices.map((id) => {
    const initiative = ballot.initiatives.find((candidate) => candidate.id === id);
    return initiative ? pickText(initiative.title, language) : id;
  });
  const chosen: ReviewItem = {
    term: t('vote.yourChoices'),
    shown: (
      <ul className="plain-list">
        {titles.map((title) => (
          <li key={title}>{title}</li>
        ))}
      </ul>
    ),
    spoken: [{ text: `${t('vote.yourChoices')}:` }, ...titles.map((title) => ({ text: title, private: true }))],
  };
  return (
    <ReviewFrame
      title={t('vote.reviewTitle')}
      hint={t('hints.ballotReview')}
      items={[chosen, ...maskedNumberItem(t('vote.personalEntered'), personalNumber)]}
      sendLabel={t('vote.send')}
      changeLabel={t('vote.change')}
      actions={actions}
    />
  );
}
