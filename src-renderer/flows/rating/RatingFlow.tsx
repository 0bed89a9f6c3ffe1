import { useKioskClient } from '../../client/KioskClientContext.js';
import type { FlowProps } from '../kioskFlow.js';
import { useSubmit } from '../useSubmit.js';
import { CommentScreen } from './CommentScreen.js';
import { RatingScreen } from './RatingScreen.js';
import { ReviewScreen } from './ReviewScreen.js';
import { ThankYouScreen } from './ThankYouScreen.js';

/** Rate the service of this desk: smiley -> comment (typed, recorded or none) -> review -> thank-you. */
export default function RatingFlow({ state, dispatch, info, onBack, onFinish }: FlowProps) {
  const client = useKioskClient();
  const { busy, submit } = useSubmit(dispatch);
  const { session } = state;
  const { score, comment } = state.drafts.rating;
  // The desk's first service is the one rated here.
  const serviceId = info.serviceIds[0] ?? '';
  if (!session) return null;
  const { content } = session;
  const send = (chosen: number) =>
    submit(async () => ({
      type: 'ratingSaved',
      saved: await client.invoke('rating.submit', {
        sessionId: session.sessionId,
        serviceId,
        score: chosen,
        ...(comment.trim() ? { comment } : {}),
        ...(state.voiceMessage ? { recordingId: state.voiceMessage.recordingId } : {}),
      }),
    }));

  switch (state.screen) {
    case 'rating':
      return (
        <RatingScreen
          content={content}
          language={state.language}
          serviceId={serviceId}
          score={score}
          showError={state.error === 'chooseFirst'}
          onScore={(chosen) => dispatch({ type: 'rating', patch: { score: chosen } })}
          onNext={() => (score === null ? dispatch({ type: 'error', error: 'chooseFirst' }) : dispatch({ type: 'go', screen: 'comment' }))}
        />
      );
    case 'comment':
      return (
        <CommentScreen
          content={content}
          language={state.language}
          sessionId={session.sessionId}
          comment={comment}
          voiceMessage={state.voiceMessage}
          recordLimitSec={info.audio.recordLimitSec}
          onComment={(typed) => dispatch({ type: 'rating', patch: { comment: typed } })}
          onVoiceMessage={(voiceMessage) => dispatch({ type: 'voiceMessage', voiceMessage })}
          onNext={(withComment) => {
            if (!withComment) dispatch({ type: 'rating', patch: { comment: '' } });
            dispatch({ type: 'go', screen: 'review' });
          }}
        />
      );
    case 'review':
      return score !== null ? (
        <ReviewScreen
          content={content}
          language={state.language}
          score={score}
          comment={comment.trim()}
          voiceMessage={state.voiceMessage}
          actions={{ busy, showError: state.error === 'saveFailed', onSend: () => send(score), onChange: onBack }}
        />
      ) : null;
    case 'thanks':
      return state.saved ? <ThankYouScreen saved={state.saved} language={state.language} onFinish={onFinish} /> : null;
    default:
      return null;
  }
}
