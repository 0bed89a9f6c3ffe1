import type { Dispatch } from 'react';
import type { AppInfo } from '../../../src-main/api/contract.js';
import type { Language } from '../../../sync/protocol/languages.js';
import { flowOfScreen, flows } from '../../flows/registry.js';
import { HomeScreen } from '../../screens/HomeScreen.js';
import { LanguageScreen } from '../../screens/LanguageScreen.js';
import { WelcomeScreen } from '../../screens/WelcomeScreen.js';
import { FlowView } from './FlowView.js';
import type { KioskAction, KioskState } from './kioskState.js';

interface CurrentScreenProps {
  readonly state: KioskState;
  readonly dispatch: Dispatch<KioskAction>;
  readonly info: AppInfo;
  readonly onChooseLanguage: (language: Language) => void;
  readonly onBack: () => void;
  readonly onFinish: () => void;
}

/** The screen the visitor is on: the shell's own three, or the flow whose screen it is (flows/registry.ts). */
export function CurrentScreen({ state, dispatch, info, onChooseLanguage, onBack, onFinish }: CurrentScreenProps) {
  switch (state.screen) {
    case 'welcome':
      return <WelcomeScreen onStart={() => dispatch({ type: 'go', screen: 'language' })} />;
    case 'language':
      return <LanguageScreen languages={info.languages} current={state.language} onChoose={onChooseLanguage} />;
    case 'home':
      return (
        <HomeScreen
          tiles={flows.flatMap((flow) => (flow.tile ? [{ label: flow.tile.label, onClick: () => flow.start(dispatch, info) }] : []))}
        />
      );
    default: {
      const flow = flowOfScreen(state.screen);
      return flow ? <FlowView flow={flow} state={state} dispatch={dispatch} info={info} onBack={onBack} onFinish={onFinish} /> : null;
    }
  }
}
