import { afterEach, describe, expect, it } from 'vitest';
import { demoContentPack } from '../../kiosk-config/demo/demoContentPack.js';
import { latestContentPack, publishContentPack } from '../../sync/central/services/content.js';
import { publishResults } from '../../sync/central/services/resultsPublishing.js';
import { appendScheduledEvents } from '../../sync/central/services/record/scheduledEvents.js';
import { createStaffUser } from '../../sync/central/services/staffAuth.js';
import { startCentral } from '../support/testCentral.js';
import type { RunningCentral } from '../../sync/central/startCentral.js';
import { verifyRecord } from '../../sync/record/verifyRecord.js';
import { makeTempDir } from '../support/tempDir.js';

// Every process step in the public record (issue #15): the content a pack publishes, changes and
// withdraws, results, closings and deadlines that time triggers, staff accounts by role, all read
// back from a real Central the way an outside client reads it.
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function central(demoData = false): Promise<RunningCentral> {
  const dir = makeTempDir('record-events');
  const running = await startCentral({
    dataDir: dir.path,
    starterContent: demoContentPack,
    demoData,
    publicUrl: 'https://psh.example.ge/',
  });
  cleanups.push(async () => {
    await running.close();
    dir.remove();
  });
  return running;
}

interface Entry {
  kind: string;
  subject: string;
  detail: Record<string, unknown>;
}
async function entriesOf(running: RunningCentral): Promise<Entry[]> {
  await new Promise((resolve) => setTimeout(resolve, 1100)); // a new checkpoint at most once a second
  const fetcher = async (path: string) => Buffer.from(await (await fetch(`${running.url}/record/${path}`)).arrayBuffer());
  const key = (await (await fetch(`${running.url}/record/key`)).text()).trim();
  const { entries } = await verifyRecord(fetcher, key);
  return entries.map((entry) => JSON.parse(entry.toString('utf8')) as Entry);
}
const kindsOf = (entries: Entry[]) => entries.map((entry) => `${entry.kind} ${entry.subject}`);

describe('process steps in the public record', () => {
  it('records each survey, ballot and result a content pack publishes, changes or withdraws', async () => {
    const running = await central();
    const [survey] = demoContentPack.surveys;
    const [ballot] = demoContentPack.ballots;
    if (!survey || !ballot) throw new Error('the demo pack has a survey and a ballot');
    let entries = await entriesOf(running);
    expect(kindsOf(entries)).toEqual(expect.arrayContaining([`survey.published ${survey.id}`, `ballot.published ${ballot.id}`]));
    expect(entries.find((entry) => entry.kind === 'ballot.published')?.detail).toMatchObject({
      title: ballot.title,
      closesAt: ballot.closesAt,
      contentVersion: demoContentPack.version,
    });
    // A new version renames the survey (the ballot untouched), results are published, then the survey is withdrawn.
    const v = demoContentPack.version;
    await publishContentPack(running.db, {
      ...demoContentPack,
      version: v + 1,
      surveys: [{ ...survey, title: { ...survey.title, en: 'Renamed' } }],
    });
    await publishResults(running.db, 'ballot', ballot.id, { ka: 'შემდეგი ნაბიჯები', en: 'Next steps' }, 'nobody');
    const latest = await latestContentPack(running.db);
    if (!latest) throw new Error('no content');
    await publishContentPack(running.db, { ...latest, version: v + 3, surveys: [] });
    entries = await entriesOf(running);
    const kinds = kindsOf(entries);
    expect(kinds.slice(kinds.indexOf(`content.published v${String(v + 1)}`))).toEqual([
      `content.published v${String(v + 1)}`,
      `survey.changed ${survey.id}`,
      `content.published v${String(v + 2)}`,
      `results.published ballot:${ballot.id}`,
      `content.published v${String(v + 3)}`,
      `survey.withdrawn ${survey.id}`,
    ]);
  });

  it('records a closing and a deadline passed unanswered once, when their time comes', async () => {
    const running = await central();
    const [survey] = demoContentPack.surveys;
    if (!survey) throw new Error('the demo pack has a survey');
    await running.db
      .insertInto('feedback')
      .values({
        code: 'LATE2345',
        source: 'demo',
        device_id: null,
        submission_id: null,
        branch_id: 'rustavi',
        service_id: 'civil-registry',
        kind: 'complaint',
        message: 'ძალიან დიდხანს ველოდე',
        language: 'ka',
        has_voice: 0,
        contact_sealed: null,
        consent_to_contact: 0,
        notify: 0,
        contact_key: null,
        resolved: null,
        claimed_at: '2026-01-01T09:00:00.000Z',
        clock_start_at: '2026-01-01T09:00:00.000Z',
        received_at: '2026-01-01T09:00:00.000Z',
        offline_delay_sec: 0,
        due_at: '2026-01-02T09:00:00.000Z',
        current_due_at: '2026-01-02T09:00:00.000Z',
        status: 'received',
        team: null,
        first_answered_at: null,
        last_answered_at: null,
        closed_at: null,
        reopened_count: 0,
        updated_at: '2026-01-01T09:00:00.000Z',
      })
      .execute();
    const afterClosing = new Date(Date.parse(survey.closesAt) + 1000);
    expect(await appendScheduledEvents(running.db, afterClosing)).toBeGreaterThanOrEqual(2);
    expect(await appendScheduledEvents(running.db, afterClosing)).toBe(0);
    const entries = await entriesOf(running);
    expect(kindsOf(entries)).toEqual(expect.arrayContaining([`survey.closed ${survey.id}`, 'feedback.overdue LATE2345']));
    expect(entries.filter((entry) => entry.kind === 'feedback.overdue')).toEqual([
      expect.objectContaining({ detail: { dueAt: '2026-01-02T09:00:00.000Z', branch: 'rustavi', service: 'civil-registry' } }),
    ]);
    expect(JSON.stringify(entries)).not.toContain('ველოდე');
  });

  it('records staff accounts by role, never by name', async () => {
    const running = await central();
    await createStaffUser(running.db, 'nino.beridze', 'a-long-enough-password', 'responder');
    await createStaffUser(running.db, 'nino.beridze', 'another-long-password', 'responder');
    await createStaffUser(running.db, 'nino.beridze', 'another-long-password', 'editor');
    const entries = (await entriesOf(running)).filter((entry) => entry.kind.startsWith('staff.'));
    expect(entries).toEqual([
      expect.objectContaining({ kind: 'staff.created', subject: 'staff', detail: { role: 'responder' } }),
      expect.objectContaining({ kind: 'staff.role-changed', subject: 'staff', detail: { from: 'responder', to: 'editor' } }),
    ]);
    expect(JSON.stringify(entries)).not.toContain('nino');
  });

  it('holds no citizen text, contact or personal number, over a whole demo Central', async () => {
    const running = await central(true);
    const log = JSON.stringify(await entriesOf(running));
    const messages = await running.db.selectFrom('feedback').select(['message', 'contact_sealed']).execute();
    expect(messages.length).toBeGreaterThan(10);
    for (const { message, contact_sealed: contact } of messages) {
      if (message) expect(log).not.toContain(message);
      if (contact) expect(log).not.toContain(contact);
    }
    // A personal number stands alone: eleven digits, not the tail of an id or a hash (a UUID's last group can be all digits).
    expect(log).not.toMatch(/(?<![\dA-Za-z])\d{11}(?![\dA-Za-z])/);
  });
});
