import { useTranslation } from 'react-i18next';
import { pickText, type Language } from '../../../sync/protocol/languages.js';
import type { Survey } from '../../../sync/protocol/survey.js';
import { BigButton } from '../../ui/BigButton.js';
import { ScreenFrame } from '../../ui/ScreenFrame.js';

/** The surveys open here now, each with its introduction (how long it takes, what it decides). */
export function SurveyListScreen({ surveys, language, onChoose }: { readonly surveys: readonly Survey[]; readonly language: Language; readonly onChoose: (surveyId: string) => void }) {
  const { t } = useTranslation();
  return (
    <ScreenFrame title={t('survey.listTitle')} choices={surveys.length} hint={t('hints.surveyList')}>
      {surveys.length === 0 && <p className="lead">{t('survey.none')}</p>}
      <div className="tiles tiles-2">
        {surveys.map((survey) => (
          <BigButton key={survey.id} className="tile" aria-describedby={survey.intro ? `intro-${survey.id}` : undefined} onClick={() => onChoose(survey.id)}>
            {pickText(survey.title, language)}
            {survey.intro && (
              <span className="tile-note" id={`intro-${survey.id}`}>
                {pickText(survey.intro, language)}
              </span>
            )}
          </BigButton>
        ))}
      </div>
    </ScreenFrame>
  );
}
