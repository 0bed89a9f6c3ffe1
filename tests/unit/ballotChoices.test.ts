import { describe, expect, it } from 'vitest';
import { demoBallot } from '../../kiosk-config/demo/demoBallot.js';
import { choiceProblem } from '../../sync/protocol/ballotLogic.js';

// The one rule for a vote's choices, shared by the kiosk UI, the kiosk core and Central.
describe('choiceProblem', () => {
  const max = demoBallot.maxChoices;
  const ids = demoBallot.initiatives.map((initiative) => initiative.id);

  it('accepts one to maxChoices distinct initiatives of the ballot', () => {
    expect(choiceProblem(demoBallot, ids.slice(0, 1))).toBeUndefined();
    expect(choiceProblem(demoBallot, ids.slice(0, max))).toBeUndefined();
  });

  it('names each way choices can be wrong, in a fixed order', () => {
    expect(choiceProblem(demoBallot, [])).toEqual({ kind: 'none-chosen' });
    expect(choiceProblem(demoBallot, [ids[0] ?? '', 'not-on-this-ballot'])).toEqual({
      kind: 'unknown-initiative',
      initiative: 'not-on-this-ballot',
    });
    expect(choiceProblem(demoBallot, [ids[0] ?? '', ids[0] ?? ''])).toEqual({ kind: 'chosen-twice', initiative: ids[0] });
    expect(choiceProblem(demoBallot, ids.slice(0, max + 1))).toEqual({ kind: 'too-many', max });
    // An unknown id is reported before the count, so a forged long list names what is wrong with it.
    expect(choiceProblem(demoBallot, [...ids.slice(0, max + 1), 'x'])).toEqual({ kind: 'unknown-initiative', initiative: 'x' });
  });
});
