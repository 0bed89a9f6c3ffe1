import type { Dispatch } from 'react';
import type { KioskAction, KioskState } from '../../shells/kiosk/kioskState.js';
import { ResultListScreen } from './ResultListScreen.js';
import { ResultScreen } from './ResultScreen.js';
import { resultKey, visibleResults } from './visibleResults.js';

interface ResultsFlowProps {
  readonly state: KioskState;
  readonly dispatch: Dispatch<KioskAction>;
  readonly onFinish: () => void;
}

/** Published results of closed surveys and votes: a list, then one result a section at a time. */
export function ResultsFlow({ state, dispatch, onFinish }: ResultsFlowProps) {
  const content = state.session?.content;
  if (!content) return null;
  const results = visibleResults(content);
  if (state.screen === 'resultList')
    return <ResultListScreen results={results} language={state.language} onOpen={(key) => dispatch({ type: 'openResult', key })} />;
  const result = results.find((candidate) => resultKey(candidate) === state.result.key);
  if (!result) return null;
  return (
    <ResultScreen
      result={result}
      page={state.result.page}
      language={state.language}
      onPage={(page) => dispatch({ type: 'resultPage', page })}
      onAllResults={() => dispatch({ type: 'closeResult' })}
      onFinish={onFinish}
    />
  );
}
