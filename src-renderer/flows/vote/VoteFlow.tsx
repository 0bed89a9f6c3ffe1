import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { choiceProblem } from '../../../sync/protocol/ballotLogic.js';
import { isOpenHere } from '../../../sync/protocol/surveyLogic.js';
import { useKioskClient } from '../../client/KioskClientContext.js';
import type { KioskErrorKey, KioskState } from '../../shells/kiosk/kioskState.js';
import type { FlowProps } from '../kioskFlow.js';
import { useSubmit } from '../useSubmit.js';
import { contentTile } from '../../ui/NotedTiles.js';
import { TileListScreen, type TileListWords } from '../../ui/TileListScreen.js';
import { BallotReviewScreen } from './BallotReviewScreen.js';
import { BallotThanksScreen } from './BallotThanksScreen.js';
import { BallotScreen } from './BallotScreen.js';
import { PersonalNumberScreen } from './PersonalNumberScreen.js';

/** Same check as the kiosk core's: 11 digits (the core checks again before sealing). */
const isPersonalNumber = (value: string) => /^\d{11}$/.test(value);

const BALLOT_LIST: TileListWords = { title: 'vote.listTitle', hint: 'hints.ballotList', none: 'vote.none' };

/** Why the kiosk refused a vote on its review, as message keys: a number the core refused, a ballot already voted on, or the save itself. */
const REVIEW_REFUSALS: Partial<Record<KioskErrorKey, ParseKeys>> = {
  alreadyVoted: 'vote.alreadyVoted',
  invalidNumber: 'vote.invalidNumber',
  saveFailed: 'errors.saveFailed',
};
const reviewRefusal = (error: KioskErrorKey | null) => (error === null ? undefined : REVIEW_REFUSALS[error]);

/** Votes: open ballots -> initiatives (up to K) -> personal number (verified ballots) -> review -> saved. */
export default function VoteFlow({ state, dispatch, info, onBack, onFinish }: FlowProps) {
  const { t } = useTranslation();
  const client = useKioskClient();
  // The kiosk names the field it refused: a personal number it cannot take, or a ballot this visitor already voted on.
  const { busy, submit } = useSubmit(dispatch, (field) =>
    field === 'personalNumber' ? 'invalidNumber' : field === 'ballotId' ? 'alreadyVoted' : 'saveFailed',
  );
  const { session } = state;
  const vote = state.drafts.vote;
  if (!session) return null;
  const { content } = session;
  const go = (screen: KioskState['screen']) => dispatch({ type: 'go', screen });

  if (state.screen === 'ballotList') {
    const tiles = content.ballots
      .filter((ballot) => isOpenHere(ballot, info.branchId, 'kiosk'))
      .map((ballot) => contentTile(ballot.id, ballot.title, ballot.description, state.language));
    return <TileListScreen words={BALLOT_LIST} tiles={tiles} onChoose={(ballotId) => dispatch({ type: 'startVote', ballotId })} />;
  }
  const ballot = content.ballots.find((candidate) => candidate.id === vote.ballotId);
  if (!ballot) return null;
  if (state.screen === 'ballotThanks') {
    return state.saved ? (
      <BallotThanksScreen
        saved={state.saved}
        ballot={ballot}
        choices={vote.choices}
        publicUrl={info.publicUrl}
        language={state.language}
        onFinish={onFinish}
      />
    ) : null;
  }

  const refusal = reviewRefusal(state.error);
  const send = () =>
    submit(async () => ({
      type: 'voteSaved',
      saved: await client.invoke('vote.submit', {
        sessionId: session.sessionId,
        ballotId: ballot.id,
        choices: [...vote.choices],
        ...(ballot.policy === 'verified' ? { personalNumber: vote.personalNumber } : {}),
      }),
    }));

  switch (state.screen) {
    case 'ballot':
      return (
        <BallotScreen
          ballot={ballot}
          language={state.language}
          choices={vote.choices}
          error={
            state.error === 'chooseFirst'
              ? t('vote.chooseFirst')
              : state.error === 'tooMany'
                ? t('vote.tooMany', { count: ballot.maxChoices })
                : null
          }
          onChoices={(choices) => dispatch({ type: 'vote', patch: { choices } })}
          onNext={() => {
            // The screen offers only this ballot's initiatives, each as one toggle: too many, or none, is all a visitor can do wrong.
            const problem = choiceProblem(ballot, vote.choices);
            if (problem) return dispatch({ type: 'error', error: problem.kind === 'too-many' ? 'tooMany' : 'chooseFirst' });
            go(ballot.policy === 'verified' ? 'personalNumber' : 'ballotReview');
          }}
        />
      );
    case 'personalNumber':
      return (
        <PersonalNumberScreen
          value={vote.personalNumber}
          showError={state.error === 'invalidNumber'}
          onValue={(personalNumber) => dispatch({ type: 'vote', patch: { personalNumber } })}
          onNext={() => (isPersonalNumber(vote.personalNumber) ? go('ballotReview') : dispatch({ type: 'error', error: 'invalidNumber' }))}
        />
      );
    case 'ballotReview':
      return (
        <BallotReviewScreen
          ballot={ballot}
          language={state.language}
          choices={vote.choices}
          personalNumber={ballot.policy === 'verified' ? vote.personalNumber : ''}
          actions={{ busy, showError: refusal !== undefined, errorText: refusal && t(refusal), onSend: send, onChange: onBack }}
        />
      );
    default:
      return null;
  }
}
