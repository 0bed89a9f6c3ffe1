import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCentralDb } from '../../sync/central/db/openCentralDb.js';
import type { CentralDatabase } from '../../sync/central/db/schema.js';
import { seedDemoDesks } from '../../sync/central/demo/demoDesks.js';
import { respond } from '../../sync/central/services/feedback.js';
import { freePort } from '../support/freePort.js';
import { startSmsCentre } from '../support/messagePeers.js';
import { phoneClient } from '../support/phoneClient.js';
import { startCentralProcess, type RunningProcess } from '../support/processes.js';
import { makeTempDir } from '../support/tempDir.js';
import { testDatabase } from '../support/testCentral.js';

// Issue #32's faults, counted where a citizen would count them, at the SMS centre (a real SMPP 3.4 peer):
// Central processes on one PostgreSQL, one of them killed with SIGKILL after it claimed messages and before
// it could send them, then two sending side by side. Every message arrives exactly once.
const FEEDBACK = 24;
const PUBLIC_URL = 'https://psh.example';
const dir = makeTempDir('notify-exactly-once');
const centralData = join(dir.path, 'central');
let centre: Awaited<ReturnType<typeof startSmsCentre>>;
let db: Kysely<CentralDatabase>;
let env: NodeJS.ProcessEnv;
const running: RunningProcess[] = [];
const codes: string[] = [];

const startSender = async (): Promise<RunningProcess> => {
  const central = await startCentralProcess(centralData, await freePort(), env, ['--public-url', PUBLIC_URL]);
  running.push(central);
  return central;
};
/** What the centre received for one feedback, by its tracking code. */
const smsFor = (code: string) => centre.messages.filter((message) => message.text.includes(code));

beforeAll(async () => {
  centre = await startSmsCentre({ systemId: 'psh', password: 'once' });
  const database = await testDatabase(centralData);
  if (!database) throw new Error('this suite runs on PostgreSQL (vitest project "postgres")');
  // Noon in Tbilisi, for the senders: a test cannot choose its hour, and SMS wait out the night.
  env = { PSH_CENTRAL_DB: database, PSH_SMPP_URL: centre.url, PSH_SMS_SENDER: 'PSH', PSH_TEST_NOTIFY_CLOCK: '2026-12-07T08:00:00Z' };
  // The feedback comes in through a Central that sends nothing (no SMS centre configured), so the first sender's
  // first round finds all of it: a sender's round waits on the held bind, and a busy machine once let the posts
  // straddle two rounds (18 of 24 claimed).
  const poster = await startCentralProcess(centralData, await freePort(), { PSH_CENTRAL_DB: database }, ['--public-url', PUBLIC_URL]);
  db = await openCentralDb(centralData, database);
  await seedDemoDesks(db, ['civil-registry']);
  for (let index = 0; index < FEEDBACK; index += 1) {
    const phone = phoneClient(poster.url);
    await phone.get('/D/TB01-07/feedback?lang=en');
    const sent = await phone.post('/D/TB01-07/feedback', {
      kind: 'complaint',
      service: 'civil-registry',
      message: `Feedback number ${String(index)}`,
      contact: `+995 591 00 ${String(10 + index)} 00`,
      consent: 'yes',
      notify: 'yes',
    });
    expect(sent.url).toBe('/D/TB01-07/thanks');
  }
  const rows = await db.selectFrom('feedback').select('code').execute();
  codes.push(...rows.map((row) => row.code));
  await poster.stop();
  // The centre answers no bind: the first Central claims the "received" messages and waits for it.
  centre.holdBinds(true);
  await startSender();
}, 120_000);

afterAll(async () => {
  await Promise.all(running.map((central) => central.stop('SIGKILL')));
  await db.destroy();
  await centre.close();
  dir.remove();
});

describe('each message exactly once, counted at the SMS centre', () => {
  it('a Central killed with SIGKILL between claiming and sending: the messages it held go once, by the Centrals after it', async () => {
    const claimed = () =>
      sql<{ n: string }>`SELECT count(*) AS n FROM notifications WHERE kind = 'feedback-received' AND state = 'sending'`.execute(db);
    await expect.poll(async () => Number((await claimed()).rows[0]?.n), { timeout: 15_000 }).toBe(FEEDBACK);
    await running[0]?.stop('SIGKILL');
    expect(centre.messages).toEqual([]);
    centre.holdBinds(false);
    // The dead Central's lease (60 s) has run out: moved back, since a test does not sit out a minute.
    await db
      .updateTable('notifications')
      .set({ claimed_until: new Date(0).toISOString() })
      .where('state', '=', 'sending')
      .execute();
    await startSender();
    await startSender();
    await expect.poll(() => centre.messages.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(FEEDBACK);
    await new Promise((resolve) => setTimeout(resolve, 2_500)); // a few more rounds of both: nothing more may arrive
    expect(codes.map((code) => smsFor(code).length)).toEqual(codes.map(() => 1));
    expect(centre.messages).toHaveLength(FEEDBACK);
  }, 60_000);

  it('two Centrals sending side by side from one PostgreSQL: each answer once', async () => {
    // Whichever Central takes the first answer is kept busy with it: the centre takes 2.5 s to accept it, and a
    // Central starts no round while its last one is sending. The other answers come meanwhile, so the other Central,
    // free, takes them. (Staff answering one by one at a fixed pace left it to the two timers' phases which Central
    // found the work: when they ticked together, the same one won every claim, about one run in four.)
    centre.delaySubmits(2_500);
    const [first, ...rest] = codes;
    await respond(db, first ?? '', 'Fixed today.', 'staff');
    const claimant = async () =>
      (
        await db
          .selectFrom('notifications')
          .select('claimed_by')
          .where('kind', '=', 'feedback-answered')
          .where('code', '=', first ?? '')
          .executeTakeFirst()
      )?.claimed_by ?? null;
    await expect.poll(claimant, { timeout: 10_000 }).not.toBeNull();
    centre.delaySubmits(0);
    for (const code of rest) {
      await respond(db, code, 'Fixed today.', 'staff');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await expect.poll(() => centre.messages.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(2 * FEEDBACK);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(codes.map((code) => smsFor(code).length)).toEqual(codes.map(() => 2));
    expect(centre.messages).toHaveLength(2 * FEEDBACK);
    const senders = await db.selectFrom('notifications').select('claimed_by').distinct().where('kind', '=', 'feedback-answered').execute();
    // Both sent some: the test is of two senders, not of one with a bystander.
    expect(senders.length).toBe(2);
  }, 60_000);
});
