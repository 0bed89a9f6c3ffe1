import { useTranslation } from 'react-i18next';
import { pickText, type Language } from '../../../sync/protocol/languages.js';
import type { Survey } from '../../../sync/protocol/survey.js';
import { NotedTiles } from '../../ui/NotedTiles.js';
import { ScreenFrame } from '../../ui/ScreenFrame.js';

/** The surveys open here now, each with its introduction (how long it takes, what it decides). */
export function SurveyListScreen({
  surveys,
  language,
  onChoose,
}: {
  readonly surveys: readonly Survey[];
  readonly language: Language;
  readonly onChoose: (surveyId: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <ScreenFrame title={t('survey.listTitle')} choices={surveys.length} hint={t('hints.surveyList')}>
      {surveys.length === 0 && <p className="lead">{t('survey.none')}</p>}
      <NotedTiles
        tiles={surveys.map((survey) => ({
          id: survey.id,
          title: pickText(survey.title, language),
          note: survey.intro && pickText(survey.intro, language),
        }))}
        onChoose={onChoose}
      />
    </ScreenFrame>
  );
}
