import { useTranslation } from 'react-i18next';
import { pickText, type Language } from '../../../sync/protocol/languages.js';
import type { PublishedResult } from '../../../sync/protocol/publishedResult.js';
import { NotedTiles } from '../../ui/NotedTiles.js';
import { ScreenFrame } from '../../ui/ScreenFrame.js';
import { resultKey } from './visibleResults.js';

/** Results of closed surveys and votes, newest first. */
export function ResultListScreen({
  results,
  language,
  onOpen,
}: {
  readonly results: readonly PublishedResult[];
  readonly language: Language;
  readonly onOpen: (key: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <ScreenFrame
      title={t('results.listTitle')}
      choices={results.length}
      hint={t('hints.resultList')}
      details={results.length === 0 ? [{ text: t('results.none') }] : undefined}
    >
      {results.length === 0 && <p className="lead">{t('results.none')}</p>}
      <NotedTiles
        tiles={results.map((result) => ({
          id: resultKey(result),
          title: pickText(result.title, language),
          note:
            result.kind === 'survey'
              ? t('results.surveyNote', { count: result.participants })
              : t('results.ballotNote', { count: result.participants }),
        }))}
        onChoose={onOpen}
      />
    </ScreenFrame>
  );
}
