import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoBallot } from '../../kiosk-config/demo/demoBallot.js';
import { demoContentPack } from '../../kiosk-config/demo/demoContentPack.js';
import { Ballot } from '../../sync/protocol/ballot.js';
import { ContentPack } from '../../sync/protocol/contentPack.js';
import { ka } from '../../sync/texts/ka.js';
import { ballotTally } from '../../sync/central/services/ballotTally.js';
import { ANONYMOUS_VOTES_PER_ADDRESS_PER_MINUTE } from '../../sync/central/services/phoneVoteLimit.js';
import { filesContaining } from '../support/grepFiles.js';
import { startKioskWithCentral, type KioskWithCentral } from '../support/kioskWithCentral.js';
import { phoneClient } from '../support/phoneClient.js';
import type { StaffClient } from '../support/staffClient.js';
import { makeTempDir } from '../support/tempDir.js';

// One vote per person across channels (issue #16): a real kiosk core and a real Central; the kiosk's sync is
// stopped while it "is offline" (its votes wait in its outbox), and phones vote through the desk pages as a
// browser with JavaScript off would. Whatever the order they reach Central, the earliest recorded vote of a
// person counts and the other is kept as a repeat; where a phone can know at once, it says "already voted".
const POLL = Ballot.parse({
  id: 'quick-poll',
  title: { ka: 'სწრაფი გამოკითხვა', en: 'Quick poll' },
  policy: 'session',
  initiatives: [
    { id: 'yes-please', title: { ka: 'დიახ', en: 'Yes please' }, description: { ka: 'დიახ', en: 'Yes' }, origin: 'study' },
    { id: 'no-thanks', title: { ka: 'არა', en: 'No thanks' }, description: { ka: 'არა', en: 'No' }, origin: 'study' },
  ],
  opensAt: '2026-01-01T00:00:00Z',
  closesAt: '2030-01-01T00:00:00Z',
});
const dir = makeTempDir('phone-votes');
let kiosk: KioskWithCentral;
let admin: StaffClient;

beforeAll(async () => {
  const pack = ContentPack.parse({ ...demoContentPack, version: demoContentPack.version + 1, ballots: [...demoContentPack.ballots, POLL] });
  kiosk = await startKioskWithCentral(dir.path, { kioskId: 'votes-kiosk', branchId: 'kutaisi', starterContent: pack });
  admin = await kiosk.signedInAdmin('nino');
  await admin.post('/console/desks/branches', { id: 'kutaisi', code: 'KU01', nameKa: 'ქუთაისი', nameEn: 'Kutaisi' });
  await admin.post('/console/desks/desks', { branchId: 'kutaisi', id: 'desk-3', number: '3', services: ['civil-registry'] });
  // The kiosk is offline until a test syncs it by hand.
  await kiosk.core.sync.stop();
});
afterAll(async () => {
  await kiosk.close();
  dir.remove();
});

const BALLOT = `/D/KU01-03/votes/${demoBallot.id}`;

/** A phone votes on the verified demo ballot; answers the confirmation page. */
async function phoneVote(number: string, choices: readonly string[], phone = phoneClient(kiosk.central.url)) {
  await phone.get(`${BALLOT}?lang=en`);
  expect((await phone.post(BALLOT, { choice: choices })).url).toBe(`${BALLOT}/check`);
  return phone.post(`${BALLOT}/check`, { personalNumber: number });
}

async function kioskVote(number: string, choices: readonly string[]) {
  const sessionId = await kiosk.session();
  kiosk.value(await kiosk.call('vote.submit', { sessionId, ballotId: demoBallot.id, choices: [...choices], personalNumber: number }));
}

/** Each vote of the ballot from the kiosk or the phone channel, oldest recorded first, and whether it counts. */
const votes = () =>
  kiosk.central.db
    .selectFrom('votes')
    .select(['device_id', 'counted', 'claimed_at'])
    .where('ballot_id', '=', demoBallot.id)
    .orderBy('claimed_at')
    .execute();
const channelOf = (deviceId: string) => (deviceId.startsWith('phone-') ? 'phone' : 'kiosk');
const since = async (before: number) => (await votes()).slice(before).map((vote) => `${channelOf(vote.device_id)}:${vote.counted}`);

describe('one verified vote per person across the kiosk and phones', () => {
  it('kiosk offline first, phone after: the phone counts until the kiosk syncs, then the kiosk’s earlier vote does', async () => {
    const before = (await votes()).length;
    await kioskVote('01024085927', ['queue-sms']);
    const thanks = await phoneVote('01024085927', ['step-free']);
    expect(thanks.text).toContain('<h1>Thank you! Your vote is saved.</h1>');
    expect(await since(before)).toEqual(['phone:1']);
    await kiosk.core.sync.syncNow();
    expect(await since(before)).toEqual(['kiosk:1', 'phone:0']);
  });

  it('phone first, kiosk offline after: the phone’s vote keeps counting, the kiosk’s is a repeat', async () => {
    const before = (await votes()).length;
    await phoneVote('01001011234', ['step-free']);
    await kioskVote('01001011234', ['queue-sms']);
    await kiosk.core.sync.syncNow();
    expect(await since(before)).toEqual(['phone:1', 'kiosk:0']);
  });

  it('after a synced kiosk vote, the phone says at once that this person has voted', async () => {
    const before = (await votes()).length;
    await kioskVote('02002022345', ['plain-forms']);
    await kiosk.core.sync.syncNow();
    const thanks = await phoneVote('02002022345', ['plain-forms']);
    expect(thanks.text).toContain('<h1>You have already voted on this ballot.</h1>');
    expect(thanks.text).toContain('Your earlier vote on this ballot is the one that counts.');
    expect(await since(before)).toEqual(['kiosk:1', 'phone:0']);
  });

  it('two phones, the same number: one vote counts', async () => {
    const before = (await votes()).length;
    expect((await phoneVote('03003033456', ['child-corner'])).text).toContain('Thank you! Your vote is saved.');
    expect((await phoneVote('03003033456', ['saturday-hours'])).text).toContain('You have already voted on this ballot.');
    expect(await since(before)).toEqual(['phone:1', 'phone:0']);
  });

  it('counts each person once in the tally, and keeps no personal number anywhere', async () => {
    const tally = await ballotTally(kiosk.central.db, demoBallot);
    expect({ votes: tally.votes, duplicates: tally.duplicates }).toEqual({ votes: 4, duplicates: 4 });
    // Staff see which channel each counted vote came through: two kiosk votes and two phone votes count.
    expect(tally.byChannel).toEqual({ kiosk: 2, phone: 2, web: 0 });
    const console = await admin.page(`/console/tallies/ballots/${demoBallot.id}`);
    expect(console.text).toContain(
      'By channel: Kiosk <strong>2</strong> · Phone (desk QR code) <strong>2</strong> · Web <strong>0</strong>',
    );
    for (const number of ['01024085927', '01001011234', '02002022345', '03003033456'])
      expect(filesContaining(dir.path, number)).toEqual([]);
  });

  it('refuses a personal number that is not 11 digits, naming the field, without showing it back', async () => {
    const phone = phoneClient(kiosk.central.url);
    const page = await phoneVote('1234567', ['queue-sms'], phone);
    expect(page.status).toBe(400);
    expect(page.text).toContain('<a href="#personalNumber">A personal number has 11 digits.</a>');
    expect(page.text).not.toContain('1234567');
  });
});

describe('an anonymous ballot on phones', () => {
  const POLL_PAGE = `/D/KU01-03/votes/${POLL.id}`;
  const vote = async (phone = phoneClient(kiosk.central.url)) => {
    await phone.get(POLL_PAGE);
    await phone.post(POLL_PAGE, { choice: 'yes-please' });
    return phone.post(`${POLL_PAGE}/check`, {});
  };

  it('takes one vote per browser', async () => {
    const phone = phoneClient(kiosk.central.url);
    expect((await vote(phone)).url).toBe('/D/KU01-03/thanks');
    const again = await vote(phone);
    expect(again.status).toBe(409);
    expect(again.text).toContain(ka.vote.alreadyVoted);
  });

  // Last in this file: past it, this address is rate-limited for a minute.
  it('refuses 1,000 votes from one address in a minute past the limit, and flags them to staff', async () => {
    const statuses: number[] = [];
    for (let index = 0; index < 1_000; index += 1) statuses.push((await vote()).status);
    const accepted = statuses.filter((status) => status === 200).length;
    // One from the test before, in the same minute and from the same address.
    expect(accepted).toBe(ANONYMOUS_VOTES_PER_ADDRESS_PER_MINUTE - 1);
    // Refused: too many from this address (429), or, once a page was refused and so carried no form token, the post
    // that followed it (403), as a browser's would be.
    expect(statuses.filter((status) => status !== 200).every((status) => status === 429 || status === 403)).toBe(true);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(900);
    const stored = await kiosk.central.db.selectFrom('votes').select('device_id').where('ballot_id', '=', POLL.id).execute();
    expect(stored).toHaveLength(ANONYMOUS_VOTES_PER_ADDRESS_PER_MINUTE);
    const tally = await ballotTally(kiosk.central.db, POLL);
    expect(tally.refusedPhoneVotes).toBeGreaterThan(0);
    const console = await admin.page(`/console/tallies/ballots/${POLL.id}`);
    expect(console.text).toContain(`${tally.refusedPhoneVotes} anonymous phone votes refused in the last hour`);
  });
});
