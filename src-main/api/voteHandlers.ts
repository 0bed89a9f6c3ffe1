import { PERSONAL_NUMBER } from '../../sync/protocol/ballot.js';
import { choiceProblem } from '../../sync/protocol/ballotLogic.js';
import { isOpenHere } from '../../sync/protocol/surveyLogic.js';
import { sealToCentral } from '../core/crypto/sealToCentral.js';
import type { KioskCore } from '../core/kioskCore.js';
import type { KioskHandlerImpls } from './contract.js';
import { KioskApiError } from './errors.js';

/**
 * Votes. A verified ballot's personal number is checked for its format and
 * sealed to Central's key before anything is written: the kiosk never stores
 * or logs it in clear, and cannot read it back.
 */
export function createVoteHandlers(core: KioskCore): Pick<KioskHandlerImpls, 'vote.submit'> {
  const votedInSession = core.db
    .prepare<[string, string], number>(
      `SELECT 1 FROM submissions WHERE session_id = ? AND type = 'vote' AND json_extract(payload_json, '$.ballotId') = ?`,
    )
    .pluck();
  return {
    'vote.submit': ({ sessionId, ballotId, choices, personalNumber }) => {
      const session = core.sessions.find(sessionId);
      if (!session) throw new KioskApiError('not-found', 'This visitor session has ended', 'sessionId');
      const ballot = core.content.get(session.contentVersion)?.ballots.find((candidate) => candidate.id === ballotId);
      if (!ballot) throw new KioskApiError('not-found', `No ballot "${ballotId}" in this session's content`, 'ballotId');
      if (!isOpenHere(ballot, core.config.branchId, 'kiosk', Date.parse(session.startedAt)))
        throw new KioskApiError('bad-request', 'This ballot is not open here', 'ballotId');
      const problem = choiceProblem(ballot, choices);
      if (problem)
        throw new KioskApiError(
          'bad-request',
          problem.kind === 'too-many' ? `At most ${problem.max} choices` : 'Choose initiatives of this ballot, each once',
          'choices',
        );
      if (votedInSession.get(sessionId, ballotId) !== undefined)
        throw new KioskApiError('bad-request', 'This visitor has already voted on this ballot', 'ballotId');
      let sealedNumber: string | undefined;
      if (ballot.policy === 'verified') {
        // The message never repeats what was typed.
        if (personalNumber === undefined || !PERSONAL_NUMBER.test(personalNumber))
          throw new KioskApiError('bad-request', 'A personal number has 11 digits', 'personalNumber');
        const key = core.sync.sealingKey();
        if (!key)
          throw new KioskApiError(
            'bad-request',
            'This kiosk cannot take verified votes until it has connected to Central once',
            'personalNumber',
          );
        sealedNumber = sealToCentral(personalNumber, key);
      }
      const saved = core.enqueue({
        payload: { type: 'vote', ballotId, choices, language: session.language },
        sessionId,
        contentVersion: session.contentVersion,
        sealed: { personalNumber: sealedNumber },
      });
      core.sync.nudge();
      return saved;
    },
  };
}
