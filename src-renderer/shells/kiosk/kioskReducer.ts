import { emptyDrafts, flowOfScreen, flows } from '../../flows/registry.js';
import { initialKioskState, pushScreen, type KioskAction, type KioskState } from './kioskState.js';

/** A new visitor's state: the shell's, and every flow's empty draft. */
export const freshKioskState = (language: KioskState['language']): KioskState => initialKioskState(language, emptyDrafts());

/** Pure screen logic of the kiosk shell; each flow's own actions are its flow.ts's. Side effects (API calls) live in the screens. */
export function kioskReducer(state: KioskState, action: KioskAction): KioskState {
  switch (action.type) {
    case 'go':
      return action.screen === state.screen ? state : pushScreen(state, action.screen);
    case 'back': {
      // A flow may step back inside itself first (a previous question, a previous section).
      const inside = flowOfScreen(state.screen)?.back?.(state);
      if (inside) return { ...inside, error: null, helpOpen: false };
      const previous = state.history.at(-1);
      if (!previous) return state;
      return { ...state, screen: previous, history: state.history.slice(0, -1), error: null, helpOpen: false };
    }
    case 'reset':
      return freshKioskState(action.language);
    case 'sessionStarted':
      // A new visitor starts at home; Back from there goes nowhere older than this session.
      return { ...state, session: action.session, language: action.language, screen: 'home', history: [], error: null };
    case 'languageChanged': {
      const previous = state.history.at(-1) ?? 'home';
      return { ...state, language: action.language, screen: previous, history: state.history.slice(0, -1) };
    }
    case 'error':
      return { ...state, error: action.error };
    case 'help':
      return { ...state, helpOpen: action.open };
    case 'mode':
      return { ...state, modes: { ...state.modes, [action.mode]: action.on } };
    case 'voiceMessage':
      return { ...state, voiceMessage: action.voiceMessage };
    default:
      for (const flow of flows) {
        const next = flow.reduce?.(state, action);
        if (next) return next;
      }
      return state;
  }
}
