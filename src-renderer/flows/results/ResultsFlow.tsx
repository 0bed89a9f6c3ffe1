import type { FlowProps } from '../kioskFlow.js';
import { ResultListScreen } from './ResultListScreen.js';
import { ResultScreen } from './ResultScreen.js';
import { resultKey, visibleResults } from './visibleResults.js';

/** Published results of closed surveys and votes: a list, then one result a section at a time. */
export default function ResultsFlow({ state, dispatch, onFinish }: FlowProps) {
  const content = state.session?.content;
  if (!content) return null;
  const results = visibleResults(content);
  if (state.screen === 'resultList')
    return <ResultListScreen results={results} language={state.language} onOpen={(key) => dispatch({ type: 'openResult', key })} />;
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
