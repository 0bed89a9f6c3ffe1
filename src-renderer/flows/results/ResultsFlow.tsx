import { useTranslation } from 'react-i18next';
import { pickText } from '../../../sync/protocol/languages.js';
import { TileListScreen, type TileListWords } from '../../ui/TileListScreen.js';
import type { FlowProps } from '../kioskFlow.js';
import { ResultScreen } from './ResultScreen.js';
import { resultKey, visibleResults } from './visibleResults.js';

const RESULT_LIST: TileListWords = { title: 'results.listTitle', hint: 'hints.resultList', none: 'results.none' };

/** Published results of closed surveys and votes: a list (newest first, each with how many took part), then one result a section at a time. */
export default function ResultsFlow({ state, dispatch, onFinish }: FlowProps) {
  const { t } = useTranslation();
  const content = state.session?.content;
  if (!content) return null;
  const results = visibleResults(content);
  if (state.screen === 'resultList') {
    const tiles = results.map((result) => ({
      id: resultKey(result),
      title: pickText(result.title, state.language),
      note: t(result.kind === 'survey' ? 'results.surveyNote' : 'results.ballotNote', { count: result.participants }),
    }));
    return <TileListScreen words={RESULT_LIST} tiles={tiles} onChoose={(key) => dispatch({ type: 'openResult', key })} />;
  }
  const result = results.find((candidate) => resultKey(candidate) === state.drafts.results.key);
  if (!result) return null;
  return (
    <ResultScreen
      result={result}
      page={state.drafts.results.page}
      language={state.language}
      onPage={(page) => dispatch({ type: 'resultPage', page })}
      onAllResults={() => dispatch({ type: 'closeResult' })}
      onFinish={onFinish}
    />
  );
}
