import { useTranslation } from 'react-i18next';
import { useKioskClient } from '../../client/KioskClientContext.js';
import type { KioskState } from '../../shells/kiosk/kioskState.js';
import type { FlowProps } from '../kioskFlow.js';
import { useSubmit } from '../useSubmit.js';
import { contactChoice } from '../contactChoice.js';
import { FeedbackContactScreen } from '../feedback/FeedbackContactScreen.js';
import { FeedbackMessageScreen } from '../feedback/FeedbackMessageScreen.js';
import { FeedbackThanksScreen } from '../feedback/FeedbackThanksScreen.js';
import { ProposeReviewScreen } from './ProposeReviewScreen.js';
import { proposePosition } from './proposeSteps.js';
import { ProposeTitleScreen } from './ProposeTitleScreen.js';

/** Propose a service: a name -> a description typed and/or recorded -> review -> tracking code and QR. */
export default function ProposeFlow({ state, dispatch, info, onBack, onFinish }: FlowProps) {
  const { t } = useTranslation();
  const client = useKioskClient();
  const { busy, submit } = useSubmit(dispatch);
  const { session } = state;
  const proposal = state.drafts.propose;
  if (!session) return null;
  const go = (screen: KioskState['screen']) => dispatch({ type: 'go', screen });

  const send = () =>
    submit(async () => ({
      type: 'proposalSaved',
      saved: await client.invoke('proposal.submit', {
        sessionId: session.sessionId,
        title: proposal.title,
        ...(proposal.description.trim() ? { description: proposal.description } : {}),
        ...(state.voiceMessage ? { recordingId: state.voiceMessage.recordingId } : {}),
        // The contact is only for the decision: sent when, and only when, the visitor asked to be told.
        ...(proposal.notify && proposal.contact ? { contact: proposal.contact, notifyMe: true } : {}),
      }),
    }));

  switch (state.screen) {
    case 'proposeTitle':
      return (
        <ProposeTitleScreen
          language={state.language}
          title={proposal.title}
          showError={state.error === 'titleRequired'}
          onTitle={(title) => dispatch({ type: 'proposal', patch: { title } })}
          onNext={() => (proposal.title.trim() ? go('proposeDescription') : dispatch({ type: 'error', error: 'titleRequired' }))}
        />
      );
    case 'proposeDescription':
      return (
        <FeedbackMessageScreen
          language={state.language}
          sessionId={session.sessionId}
          message={proposal.description}
          voiceMessage={state.voiceMessage}
          recordLimitSec={info.audio.recordLimitSec}
          showError={state.error === 'messageRequired'}
          texts={{ title: t('propose.descriptionTitle'), label: t('propose.descriptionLabel'), hint: t('hints.proposeDescription') }}
          position={proposePosition('proposeDescription')}
          onMessage={(description) => dispatch({ type: 'proposal', patch: { description } })}
          onVoiceMessage={(voiceMessage) => dispatch({ type: 'voiceMessage', voiceMessage })}
          onNext={() =>
            proposal.description.trim() || state.voiceMessage ? go('proposeContact') : dispatch({ type: 'error', error: 'messageRequired' })
          }
        />
      );
    case 'proposeContact':
      return (
        <FeedbackContactScreen
          language={state.language}
          available={session.canLeaveContact}
          contact={proposal.contact}
          notify={proposal.notify}
          error={state.error}
          texts={{
            title: t('propose.contactTitle'),
            help: t('propose.contactHelp'),
            hint: t('hints.proposeContact'),
            notifyMe: t('propose.notifyMe'),
          }}
          position={proposePosition('proposeContact')}
          onContact={(contact) => dispatch({ type: 'proposal', patch: { contact } })}
          onNotify={(notify) => dispatch({ type: 'proposal', patch: { notify } })}
          onNext={() => {
            const choice = contactChoice(proposal.contact, proposal.notify);
            if ('error' in choice) return dispatch({ type: 'error', error: choice.error });
            // A contact without "tell me" has no use: it is not kept.
            dispatch({ type: 'proposal', patch: { contact: proposal.notify ? choice.contact : '' } });
            go('proposeReview');
          }}
          onSkip={() => {
            dispatch({ type: 'proposal', patch: { contact: '', notify: false } });
            go('proposeReview');
          }}
        />
      );
    case 'proposeReview':
      return (
        <ProposeReviewScreen
          draft={proposal}
          voiceMessage={state.voiceMessage}
          actions={{ busy, showError: state.error === 'saveFailed', onSend: send, onChange: onBack }}
        />
      );
    case 'proposeThanks':
      return state.savedFeedback ? (
        <FeedbackThanksScreen
          saved={state.savedFeedback}
          language={state.language}
          onFinish={onFinish}
          texts={{ title: t('propose.thanksTitle'), promise: t('propose.promise'), qrLabel: t('propose.qrLabel') }}
        />
      ) : null;
    default:
      return null;
  }
}
