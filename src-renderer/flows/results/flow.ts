import { pushScreen, withDraft } from '../../shells/kiosk/kioskState.js';
import { defineFlow } from '../kioskFlow.js';

/** The published result being read: which one (`kind:id`) and which of its sections is on screen. */
export interface ResultReading {
  readonly key: string | null;
  readonly page: number;
}

const NONE: ResultReading = { key: null, page: 0 };

declare module '../kioskFlow.js' {
  interface FlowDrafts {
    results: ResultReading;
  }
  interface FlowScreens {
    results: 'resultList' | 'result';
  }
  interface FlowActions {
    results:
      | { readonly type: 'openResult'; readonly key: string }
      | { readonly type: 'resultPage'; readonly page: number }
      /** From a result back to the list of results, whatever page it was on. */
      | { readonly type: 'closeResult' };
  }
}

/** Published results of closed surveys and votes: a list, then one result a section at a time. */
export const flow = defineFlow({
  id: 'results',
  tile: { label: 'home.results', order: 7 },
  screens: ['resultList', 'result'],
  emptyDraft: NONE,
  start: (dispatch) => dispatch({ type: 'go', screen: 'resultList' }),
  reduce(state, action) {
    switch (action.type) {
      case 'openResult':
        return pushScreen(withDraft(state, 'results', { key: action.key, page: 0 }), 'result');
      case 'resultPage':
        return withDraft(state, 'results', { ...state.drafts.results, page: action.page });
      case 'closeResult':
        return {
          ...withDraft(state, 'results', NONE),
          screen: 'resultList',
          history: state.history.at(-1) === 'resultList' ? state.history.slice(0, -1) : state.history,
        };
      default:
        return undefined;
    }
  },
  // Inside a result, Back goes to its previous section first.
  back: (state) =>
    state.screen === 'result' && state.drafts.results.page > 0
      ? withDraft(state, 'results', { ...state.drafts.results, page: state.drafts.results.page - 1 })
      : undefined,
  load: () => import('./ResultsFlow.js'),
});
