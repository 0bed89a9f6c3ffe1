import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText } from '../../../sync/protocol/languages.js';
import { useKioskClient } from '../../client/KioskClientContext.js';
import type { FlowProps } from '../kioskFlow.js';
import { TrackResultScreen } from './TrackResultScreen.js';
import { lookupProblemKey, TrackScreen } from './TrackScreen.js';

/** Check a feedback by its tracking code: the kiosk asks Central (or its own queue) and shows, or reads, the answer. */
export default function TrackFlow({ state, dispatch, onFinish }: FlowProps) {
  const { t } = useTranslation();
  const client = useKioskClient();
  const [busy, setBusy] = useState(false);
  const [reopened, setReopened] = useState(false);

  const ask = async (call: 'feedback.lookup' | 'feedback.reopen') => {
    if (busy) return;
    setBusy(true);
    try {
      const result = await client.invoke(call, { code: state.drafts.track.code });
      setReopened(call === 'feedback.reopen' && result.state === 'found');
      dispatch({ type: 'trackResult', result });
    } catch {
      dispatch({ type: 'trackResult', result: { state: 'unavailable' } });
    } finally {
      setBusy(false);
    }
  };

  if (state.screen === 'trackResult' && state.drafts.track.result?.state === 'found') {
    const { feedback } = state.drafts.track.result;
    const service = state.session?.content.services.find((s) => s.id === feedback.serviceId);
    const problem = lookupProblemKey(state.drafts.track.result);
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
      code={state.drafts.track.code}
      result={state.drafts.track.result}
      busy={busy}
      onCode={(code) => dispatch({ type: 'trackCode', code })}
      onCheck={() => void ask('feedback.lookup')}
    />
  );
}
