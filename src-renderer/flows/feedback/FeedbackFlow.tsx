import { contactChoice } from '../contactChoice.js';
import { useKioskClient } from '../../client/KioskClientContext.js';
import type { KioskState } from '../../shells/kiosk/kioskState.js';
import type { FlowProps } from '../kioskFlow.js';
import { useSubmit } from '../useSubmit.js';
import { FeedbackContactScreen } from './FeedbackContactScreen.js';
import { FeedbackKindScreen } from './FeedbackKindScreen.js';
import { FeedbackMessageScreen } from './FeedbackMessageScreen.js';
import { FeedbackReviewScreen } from './FeedbackReviewScreen.js';
import { FeedbackServiceScreen } from './FeedbackServiceScreen.js';
import { FeedbackThanksScreen } from './FeedbackThanksScreen.js';

/** Feedback: kind -> service -> message (typed or recorded) -> contact (optional) -> review -> tracking code. */
export default function FeedbackFlow({ state, dispatch, info, onBack, onFinish }: FlowProps) {
  const client = useKioskClient();
  const { busy, submit } = useSubmit(dispatch);
  const { session } = state;
  const draft = state.drafts.feedback;
  if (!session) return null;
  const go = (screen: KioskState['screen']) => dispatch({ type: 'go', screen });

  const send = () => {
    const { kind, serviceId } = draft;
    if (!kind || !serviceId) return;
    const contact = draft.contact.trim();
    submit(async () => ({
      type: 'feedbackSaved',
      saved: await client.invoke('feedback.submit', {
        sessionId: session.sessionId,
        kind,
        serviceId,
        ...(draft.message.trim() ? { message: draft.message } : {}),
        ...(state.voiceMessage ? { recordingId: state.voiceMessage.recordingId } : {}),
        ...(contact ? { contact } : {}),
        consentToContact: contact !== '' && draft.consent,
        ...(contact !== '' && draft.notify ? { notifyMe: true } : {}),
      }),
    }));
  };

  switch (state.screen) {
    case 'feedbackKind':
      return (
        <FeedbackKindScreen
          kind={draft.kind}
          onChoose={(kind) => {
            dispatch({ type: 'feedback', patch: { kind } });
            go('feedbackService');
          }}
        />
      );
    case 'feedbackService':
      return (
        <FeedbackServiceScreen
          content={session.content}
          language={state.language}
          deskServiceIds={info.serviceIds}
          serviceId={draft.serviceId}
          showError={state.error === 'chooseFirst'}
          onChoose={(serviceId) => dispatch({ type: 'feedback', patch: { serviceId } })}
          onNext={() => (draft.serviceId ? go('feedbackMessage') : dispatch({ type: 'error', error: 'chooseFirst' }))}
        />
      );
    case 'feedbackMessage':
      return (
        <FeedbackMessageScreen
          language={state.language}
          sessionId={session.sessionId}
          message={draft.message}
          voiceMessage={state.voiceMessage}
          recordLimitSec={info.audio.recordLimitSec}
          showError={state.error === 'messageRequired'}
          onMessage={(message) => dispatch({ type: 'feedback', patch: { message } })}
          onVoiceMessage={(voiceMessage) => dispatch({ type: 'voiceMessage', voiceMessage })}
          onNext={() =>
            draft.message.trim() || state.voiceMessage ? go('feedbackContact') : dispatch({ type: 'error', error: 'messageRequired' })
          }
        />
      );
    case 'feedbackContact':
      return (
        <FeedbackContactScreen
          language={state.language}
          available={session.canLeaveContact}
          contact={draft.contact}
          consent={{ given: draft.consent, onChange: (consent) => dispatch({ type: 'feedback', patch: { consent } }) }}
          notify={draft.notify}
          error={state.error}
          onContact={(contact) => dispatch({ type: 'feedback', patch: { contact } })}
          onNotify={(notify) => dispatch({ type: 'feedback', patch: { notify } })}
          onNext={() => {
            const choice = contactChoice(draft.contact, draft.notify);
            if ('error' in choice) return dispatch({ type: 'error', error: choice.error });
            dispatch({ type: 'feedback', patch: { contact: choice.contact } });
            go('feedbackReview');
          }}
          onSkip={() => {
            dispatch({ type: 'feedback', patch: { contact: '', consent: false, notify: false } });
            go('feedbackReview');
          }}
        />
      );
    case 'feedbackReview':
      return (
        <FeedbackReviewScreen
          content={session.content}
          language={state.language}
          draft={draft}
          voiceMessage={state.voiceMessage}
          actions={{ busy, showError: state.error === 'saveFailed', onSend: send, onChange: onBack }}
        />
      );
    case 'feedbackThanks':
      return state.savedFeedback ? (
        <FeedbackThanksScreen saved={state.savedFeedback} language={state.language} onFinish={onFinish} />
      ) : null;
    default:
      return null;
  }
}
