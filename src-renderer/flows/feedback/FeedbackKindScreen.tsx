import { useTranslation } from 'react-i18next';
import { FEEDBACK_KINDS, type FeedbackKindName as FeedbackKind } from '../../../sync/protocol/feedbackKinds.js';
import { BigButton } from '../../ui/BigButton.js';
import { ScreenFrame } from '../../ui/ScreenFrame.js';
import { feedbackPosition } from './feedbackSteps.js';

/** Four large choices; one touch chooses and moves on (Back returns here with the choice shown). */
export function FeedbackKindScreen({
  kind,
  onChoose,
}: {
  readonly kind: FeedbackKind | null;
  readonly onChoose: (kind: FeedbackKind) => void;
}) {
  const { t } = useTranslation();
  return (
    <ScreenFrame
      title={t('feedback.kindTitle')}
      position={feedbackPosition('feedbackKind')}
      choices={FEEDBACK_KINDS.length}
      hint={t('hints.feedbackKind')}
    >
      <div className="tiles tiles-2">
        {FEEDBACK_KINDS.map((choice) => (
          <BigButton key={choice} className="tile" aria-pressed={kind === choice || undefined} onClick={() => onChoose(choice)}>
            {t(`feedback.kinds.${choice}`)}
          </BigButton>
        ))}
      </div>
    </ScreenFrame>
  );
}
