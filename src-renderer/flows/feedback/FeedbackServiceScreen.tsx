import { useTranslation } from 'react-i18next';
import type { ContentPack } from '../../../sync/protocol/contentPack.js';
import { pickText, type Language } from '../../../sync/protocol/languages.js';
import { BigButton } from '../../ui/BigButton.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { RadioGroup } from '../../ui/RadioGroup.js';
import { ScreenFrame } from '../../ui/ScreenFrame.js';
import { feedbackPosition } from './feedbackSteps.js';

interface FeedbackServiceScreenProps {
  readonly content: ContentPack;
  readonly language: Language;
  /** The desk's own services come first and are marked. */
  readonly deskServiceIds: readonly string[];
  readonly serviceId: string | null;
  readonly showError: boolean;
  readonly onChoose: (serviceId: string) => void;
  readonly onNext: () => void;
}

/** The services of the content pack as a radio group, the desk's service preset. */
export function FeedbackServiceScreen({
  content,
  language,
  deskServiceIds,
  serviceId,
  showError,
  onChoose,
  onNext,
}: FeedbackServiceScreenProps) {
  const { t } = useTranslation();
  const services = [...content.services].sort((a, b) => Number(deskServiceIds.includes(b.id)) - Number(deskServiceIds.includes(a.id)));
  return (
    <ScreenFrame
      title={t('feedback.serviceTitle')}
      position={feedbackPosition('feedbackService')}
      choices={services.length}
      hint={t('hints.feedbackService')}
    >
      <RadioGroup
        className="choice-list"
        buttonClass="choice"
        options={services.map((service) => ({
          key: service.id,
          checked: serviceId === service.id,
          onChoose: () => onChoose(service.id),
          content: (
            <>
              {pickText(service.name, language)}
              {deskServiceIds.includes(service.id) && <span className="choice-note"> · {t('feedback.thisDesk')}</span>}
            </>
          ),
        }))}
      />
      {showError && <ErrorMessage>{t('rating.chooseFirst')}</ErrorMessage>}
      <div className="button-row">
        <BigButton huge onClick={onNext}>
          {t('feedback.next')}
        </BigButton>
      </div>
    </ScreenFrame>
  );
}
