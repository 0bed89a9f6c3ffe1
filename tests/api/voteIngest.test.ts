import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoBallot } from '../../kiosk-config/demo/demoBallot.js';
import { demoContentPack } from '../../kiosk-config/demo/demoContentPack.js';
import { openCentralDb, sqliteHandleOf } from '../../sync/central/db/openCentralDb.js';
import type { CentralDatabase } from '../../sync/central/db/schema.js';
import { publishContentPack } from '../../sync/central/services/content.js';
import type { VotePayload } from '../../sync/protocol/submission.js';
import { loadSealingKey } from '../../sync/central/services/sealingKey.js';
import { failure } from '../../sync/central/services/outcome.js';
import { createPackReader } from '../../sync/central/services/contentPacks.js';
import { createVoteCheck } from '../../sync/central/services/voteCheck.js';
import { loadVoterKey } from '../../sync/central/services/voterKey.js';
import type { Kysely } from 'kysely';
import { envelopeOf } from '../support/envelope.js';
import { makeTempDir } from '../support/tempDir.js';

// Central checks a vote's choices with the same rule as the kiosk (sync/protocol/ballotLogic.ts),
// against the ballot of the content version the vote names, and words the refusal for the dead-letter list.
const dir = makeTempDir('vote-ingest');
let db: Kysely<CentralDatabase>;
beforeAll(async () => {
  // Central's own database with the demo content as version 1: ingest needs nothing more.
  db = await openCentralDb(dir.path);
  await publishContentPack(db, demoContentPack);
});
afterAll(async () => {
  await db.destroy();
  dir.remove();
});

const vote = (choices: string[]) => envelopeOf(1, { type: 'vote', ballotId: demoBallot.id, choices, language: 'ka' } satisfies VotePayload);

describe('Central refuses choices that do not fit the ballot, naming why', () => {
  it('an unknown initiative, one chosen twice, too many', () => {
    const check = createVoteCheck(createPackReader(sqliteHandleOf(db)), {
      sealingKey: loadSealingKey(dir.path),
      voterKeyOf: loadVoterKey(dir.path),
    });
    const [first = '', second = '', third = ''] = demoBallot.initiatives.map((initiative) => initiative.id);
    expect(check(vote([first, 'made-up']))).toEqual(failure(`"made-up" is not an initiative of ballot "${demoBallot.id}"`));
    expect(check(vote([first, first]))).toEqual(failure('an initiative is chosen twice'));
    expect(check(vote([first, second, third]))).toEqual(failure(`at most ${demoBallot.maxChoices} choices on ballot "${demoBallot.id}"`));
    // Choices that fit pass on to the next check: this demo ballot is verified, and no number was sealed.
    expect(check(vote([first]))).toEqual(failure('a verified ballot needs a personal number sealed to this Central'));
  });
});
