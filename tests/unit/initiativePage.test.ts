import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_CONTENT_FILE } from '../../kiosk-config/demo/demoContentFile.js';
import { ContentPack } from '../../sync/protocol/contentPack.js';
import { initiativePage } from '../../sync/central/public/resultsPages.js';
import type { BallotTally } from '../../sync/central/services/ballotTally.js';

const ballot = ContentPack.parse(JSON.parse(readFileSync(DEMO_CONTENT_FILE, 'utf8'))).ballots[0];
if (!ballot || ballot.initiatives.length < 3) throw new Error('the demo content needs a ballot with three initiatives');
const [first, second, third] = ballot.initiatives.map((initiative) => initiative.id) as [string, string, string];

const tally = (votes: Record<string, number>): BallotTally => ({
  ballotId: ballot.id,
  votes: Object.values(votes).reduce((sum, count) => sum + count, 0),
  duplicates: 0,
  byChannel: { kiosk: Object.values(votes).reduce((sum, count) => sum + count, 0), phone: 0, web: 0 },
  initiatives: Object.entries(votes)
    .map(([id, count]) => ({ id, votes: count }))
    .sort((a, b) => b.votes - a.votes),
  bursts: [],
  refusedPhoneVotes: 0,
});
const pageText = (id: string, votes: Record<string, number>) => initiativePage('en', ballot, id, tally(votes))?.text ?? '';

describe("an initiative's public page", () => {
  it('says there are no votes yet rather than a place, before anyone voted for it', () => {
    const text = pageText(third, { [first]: 2, [second]: 0, [third]: 0 });
    expect(text).toContain('no votes yet');
    expect(text).not.toContain('place');
  });

  it('gives initiatives with as many votes the same place', () => {
    const votes = { [first]: 5, [second]: 3, [third]: 3 };
    expect(pageText(first, votes)).toContain(`place 1 of ${ballot.initiatives.length}`);
    expect(pageText(second, votes)).toContain(`place 2 of ${ballot.initiatives.length}`);
    expect(pageText(third, votes)).toContain(`place 2 of ${ballot.initiatives.length}`);
  });
});
