import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoBallot } from '../../kiosk-config/demo/demoBallot.js';
import type { SavedFeedback, SavedSubmission } from '../../src-main/api/contract.js';
import type { KioskCore } from '../../src-main/core/kioskCore.js';
import { verifyRecord } from '../../sync/record/verifyRecord.js';
import type { RunningCentral } from '../../sync/central/startCentral.js';
import { startKioskWithCentral, type KioskWithCentral } from '../support/kioskWithCentral.js';
import type { StaffClient } from '../support/staffClient.js';
import { makeTempDir } from '../support/tempDir.js';
import { addBranch } from '../../sync/central/services/desks.js';

// The process pages of the public record (issue #15, part 2): a real kiosk core submits a vote, a
// feedback and a proposal to a real Central; staff answer, accept and add a milestone through the
// console; each process page then tells it, and every figure's link lists exactly the entries of the
// verified log it was counted from.
const dir = makeTempDir('process-pages');
let kiosk: KioskWithCentral;
let central: RunningCentral;
let core: KioskCore;
let call: KioskWithCentral['call'];
let value: KioskWithCentral['value'];
let session: KioskWithCentral['session'];
let staff: StaffClient;

beforeAll(async () => {
  kiosk = await startKioskWithCentral(dir.path, { kioskId: 'process-kiosk', branchId: 'rustavi' });
  ({ central, core, call, value, session } = kiosk);
  staff = await kiosk.signedInAdmin('lela');
  // The kiosk's branch, named in Central's branch table: the pages show the name, not the id (issue #33).
  await addBranch(central.db, { id: 'rustavi', code: 'RS01', nameKa: 'რუსთავის იუსტიციის სახლი', nameEn: 'Rustavi Public Service Hall' });
});
afterAll(async () => {
  await kiosk.close();
  dir.remove();
});
const page = async (path: string) => {
  const response = await fetch(`${central.url}${path}`);
  return { status: response.status, text: await response.text() };
};
/** The entries of the log as the outside verifier reads them (after the next checkpoint: at most one a second). */
async function verifiedEntries(): Promise<string[]> {
  await new Promise((resolve) => setTimeout(resolve, 1100));
  const key = (await (await fetch(`${central.url}/record/key`)).text()).trim();
  const fetcher = async (path: string) => Buffer.from(await (await fetch(`${central.url}/record/${path}`)).arrayBuffer());
  return (await verifyRecord(fetcher, key)).entries.map((entry) => entry.toString('utf8'));
}
const unescape = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#39;/g, "'");
/** The entries an /record/entries page lists: index → the entry's text as shown. */
const listed = (html: string) =>
  new Map(
    [...html.matchAll(/<tr id="e(\d+)">.*?<code class="entry">(.*?)<\/code>/g)].map((match) => [
      Number(match[1]),
      unescape(match[2] ?? ''),
    ]),
  );
const link = (html: string, measure: string) => unescape(new RegExp(`href="([^"]+)" data-measure="${measure}"`).exec(html)?.[1] ?? '');

describe('process pages', () => {
  let proposalCode = '';

  it('tell a proposal from its arrival to its acceptance, the vote it joined and a milestone, each step linking to its entry', async () => {
    const vote = value<SavedSubmission>(
      await call('vote.submit', {
        sessionId: await session(),
        ballotId: demoBallot.id,
        choices: [demoBallot.initiatives[0]?.id ?? ''],
        personalNumber: '01024085927',
      }),
    );
    expect(vote.receiptUrl).toContain('/record/receipts/');
    const feedback = value<SavedFeedback>(
      await call('feedback.submit', {
        sessionId: await session(),
        kind: 'complaint',
        serviceId: 'civil-registry',
        message: 'The queue was long',
        consentToContact: false,
      }),
    );
    const proposal = value<SavedFeedback>(
      await call('proposal.submit', { sessionId: await session(), title: 'Night opening hours', description: 'Open until 22:00' }),
    );
    proposalCode = proposal.trackingCode;
    await core.sync.syncNow();

    await expect.poll(async () => (await staff.page(`/console/feedback/${feedback.trackingCode}`)).status).toBe(200);
    expect((await staff.post(`/console/feedback/${feedback.trackingCode}/respond`, { text: 'We opened a second desk.' })).status).toBe(200);
    const accepted = await staff.post(`/console/proposals/${proposalCode}/accept`, {
      ballot: demoBallot.id,
      titleKa: 'ღამის სამუშაო საათები',
      titleEn: 'Night opening hours',
      descriptionKa: 'ფილიალები ღიაა 22:00-მდე',
      descriptionEn: 'Branches open until 22:00',
    });
    expect(accepted.status).toBe(200);

    // A wrong milestone is refused with its field named, and adds nothing.
    const refused = await staff.post('/console/record/milestones', {
      process: `proposal:${proposalCode}`,
      status: 'done',
      progress: '140',
      date: '2026-12-01',
      noteKa: 'ა',
      noteEn: 'a',
    });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('progress: 0 to 100');
    const noEnglish = await staff.post('/console/record/milestones', {
      process: `proposal:${proposalCode}`,
      status: 'done',
      progress: '40',
      date: '2026-12-01',
      noteKa: 'ა',
      noteEn: ' ',
    });
    expect(noEnglish.status).toBe(400);
    expect(noEnglish.text).toContain('note: the English text is required');
    const added = await staff.post('/console/record/milestones', {
      process: `proposal:${proposalCode}`,
      status: 'in-progress',
      progress: '40',
      date: '2026-12-01',
      noteKa: 'პილოტი რუსთავის ფილიალში',
      noteEn: 'A pilot at the Rustavi branch',
    });
    expect(added.status).toBe(200);
    const milestoneIndex = Number(/entry (\d+) of the public record|(\d+)-ე ჩანაწერად/.exec(added.text)?.slice(1).find(Boolean));

    const entries = await verifiedEntries();
    const story = await page(`/record/processes/proposal/${proposalCode}?lang=en`);
    expect(story.status).toBe(200);
    expect(story.text).toContain('Proposal received at Rustavi Public Service Hall.');
    // Every time on a public page says it is Tbilisi time, and carries the instant in UTC for machines.
    expect(story.text).toMatch(
      /<time datetime="\d{4}-\d\d-\d\dT[\d:.]+Z">\d{4}-\d\d-\d\d \d\d:\d\d <span class="zone">\(Tbilisi time, UTC\+4\)<\/span><\/time>/,
    );
    expect(story.text).toContain('Accepted: it became an initiative of a vote.');
    expect(story.text).toContain(`href="/record/processes/ballot/${demoBallot.id}?lang=en"`);
    expect(story.text).toContain('A pilot at the Rustavi branch');
    expect(story.text).toContain('40%');
    expect(story.text).not.toContain('Open until 22:00'); // the citizen's own text is not the record's
    // Each step links to its entry, and the entry page shows exactly the verified log's bytes.
    const stepLinks = [...story.text.matchAll(/href="\/record\/entries\?index=(\d+)&amp;lang=en"/g)].map((match) => Number(match[1]));
    expect(stepLinks).toContain(milestoneIndex);
    for (const idx of stepLinks) {
      const shown = listed((await page(`/record/entries?index=${String(idx)}`)).text);
      expect(shown.get(idx)).toBe(entries[idx]);
    }
    const kinds = stepLinks.map((idx) => (JSON.parse(entries[idx] ?? '{}') as { kind: string }).kind);
    expect(kinds).toEqual(['submission.accepted', 'proposal.accepted', 'milestone.added']);

    // The vote's page says a citizen's proposal joined it, and links back.
    const ballot = await page(`/record/processes/ballot/${demoBallot.id}?lang=en`);
    expect(unescape(ballot.text)).toContain("A citizen's proposal became an initiative of this vote.");
    expect(ballot.text).not.toContain('Proposal received');
    expect(ballot.text).toContain(`href="/record/processes/proposal/${proposalCode}?lang=en"`);
  });

  it('count participation and feedback from the log, each figure linking to exactly the entries it counted', async () => {
    const entries = await verifiedEntries();
    const ballot = await page(`/record/processes/ballot/${demoBallot.id}`);
    const votes = listed((await page(link(ballot.text, 'kiosk'))).text);
    const expectedVotes = entries.flatMap((text, idx) => (text.includes(`"process":"ballot:${demoBallot.id}"`) ? [idx] : []));
    expect([...votes.keys()]).toEqual(expectedVotes);
    expect(expectedVotes).toHaveLength(1);
    for (const [idx, text] of votes) expect(text).toBe(entries[idx]);

    const feedback = await page('/record/processes/feedback/rustavi?lang=en');
    expect(feedback.status).toBe(200);
    for (const measure of ['received', 'answered', 'answered-in-time']) {
      const counted = listed((await page(link(feedback.text, measure))).text);
      expect(counted.size, measure).toBe(1);
      for (const [idx, text] of counted) expect(text).toBe(entries[idx]);
    }
    expect(link(feedback.text, 'overdue')).toBe('');

    const home = await page('/record?lang=en');
    expect(home.text).toContain(`href="/record/processes/proposal/${proposalCode}?lang=en"`);
    expect(home.text).toContain('href="/record/processes/feedback/rustavi?lang=en">Feedback at Rustavi Public Service Hall</a>');
    expect(home.text).toContain('1 of 1 due answered within 24 h');
    // The home page's participation figure links to the entries it counted too.
    const homeVotes = unescape(
      new RegExp(`href="([^"]*process=ballot%3A${demoBallot.id}&amp;measure=participation[^"]*)">1<`).exec(home.text)?.[1] ?? '',
    );
    expect(homeVotes).not.toBe('');
    expect([...listed((await page(homeVotes)).text).keys()]).toEqual(expectedVotes);
  });

  it('refuse a bad address with the field named, and say what is not there', async () => {
    expect(JSON.parse((await page('/record/processes/club/x')).text)).toMatchObject({ field: 'kind' });
    expect(JSON.parse((await page('/record/entries?index=-1')).text)).toMatchObject({ field: 'index' });
    expect(JSON.parse((await page('/record/entries?process=ballot:x&measure=kiosk&day=yesterday')).text)).toMatchObject({ field: 'day' });
    expect((await page('/record/entries?index=999999')).status).toBe(404);
    expect((await page('/record/processes/proposal/ZZZZZZZZ')).status).toBe(404);
  });
});
