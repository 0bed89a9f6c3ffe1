import { useState, type Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText } from '../../../sync/protocol/languages.js';
import { useKioskClient } from '../../client/KioskClientContext.js';
import type { KioskAction, KioskState } from '../../shells/kiosk/kioskState.js';
import { TrackResultScreen } from './TrackResultScreen.js';
import { lookupProblemKey, TrackScreen } from './TrackScreen.js';

interface TrackFlowProps {
  readonly state: KioskState;
  readonly dispatch: Dispatch<KioskAction>;
  readonly onFinish: () => void;
}

/** Check a feedback by its tracking code: the kiosk asks Central (or its own queue) and shows, or reads, the answer. */
export function TrackFlow({ state, dispatch, onFinish }: TrackFlowProps) {
  const { t } = useTranslation();
  const client = useKioskClient();
  const [busy, setBusy] = useState(false);
  const [reopened, setReopened] = useState(false);

  const ask = async (call: 'feedback.lookup' | 'feedback.reopen') => {
    if (busy) return;
    setBusy(true);
    try {
      const result = await client.invoke(call, { code: state.trackCode });
      setReopened(call === 'feedback.reopen' && result.state === 'found');
      dispatch({ type: 'trackResult', result });
    } catch {
      dispatch({ type: 'trackResult', result: { state: 'unavailable' } });
    } finally {
      setBusy(false);
    }
  };

  if (state.screen === 'trackResult' && state.trackResult?.state === 'found') {
    const { feedback } = state.trackResult;
    const service = state.session?.content.services.find((s) => s.id === feedback.serviceId);
    const problem = lookupProblemKey(state.trackResult);
    return (
      <TrackResultScreen
        feedback={feedback}
        serviceName={service ? pickText(service.name, state.language) : feedback.serviceId}
        reopened={reopened}
        problem={problem ? t(problem) : null}
        busy={busy}
        onReopen={() => void ask('feedback.reopen')}
        onFinish={onFinish}
      />
    );
  }
  return (
    <TrackScreen
      code={state.trackCode}
      result={state.trackResult}
      busy={busy}
      onCode={(code) => dispatch({ type: 'trackCode', code })}
      onCheck={() => void ask('feedback.lookup')}
    />
  );
}
