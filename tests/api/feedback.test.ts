import { DEMO_CONTENT_FILE } from '../../kiosk-config/demo/demoContentFile.js';
import { demoContentPack } from '../../kiosk-config/demo/demoContentPack.js';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KioskConfig } from '../../kiosk-config/schema.js';
import { createKioskHandlers } from '../../src-main/api/handlers.js';
import { createKioskCore, type KioskCore } from '../../src-main/core/kioskCore.js';
import { trackingCheckChar } from '../../sync/protocol/trackingCode.js';
import { createStaffUser } from '../../sync/central/services/staffAuth.js';
import { startCentral } from '../support/testCentral.js';
import type { RunningCentral } from '../../sync/central/startCentral.js';
import { freePort } from '../support/freePort.js';
import { filesContaining } from '../support/grepFiles.js';
import { isSignedIn, signInStaff, type StaffClient } from '../support/staffClient.js';
import { makeTempDir } from '../support/tempDir.js';

// Feedback end to end below the UI: a real kiosk core (SQLite file, sync client) and a real
// Central on loopback, stopped and started to make the kiosk work offline.
const TOKEN = 'feedback-test-enrolment-token-0000';
const PHONE_TYPED = '555 12 34 56';
const PHONE_CLEAR = '+995555123456';
const SCRIPT_MESSAGE = 'რიგი ძალიან გრძელია <script>window.__pwned = 1</script><img src=x onerror="alert(1)">';

const dir = makeTempDir('feedback');
const centralData = join(dir.path, 'central');
const kioskData = join(dir.path, 'kiosk');
let port: number;
let central: RunningCentral | undefined;
let core: KioskCore;
let handlers: ReturnType<typeof createKioskHandlers>;
const startCentralHere = async () => {
  central = await startCentral({
    starterContent: demoContentPack,
    dataDir: centralData,
    port,
    demoToken: { token: TOKEN, branchId: 'batumi' },
  });
  return central;
};
const stopCentral = async () => {
  await central?.close();
  central = undefined;
};
const running = (): RunningCentral => {
  if (!central) throw new Error('Central is down');
  return central;
};

beforeAll(async () => {
  port = await freePort();
  await startCentralHere();
  await createStaffUser(running().db, 'nino', 'responder-password-1', 'responder');
  await createStaffUser(running().db, 'giorgi', 'editor-password-123', 'editor');
  core = createKioskCore(
    KioskConfig.parse({
      kioskId: 'feedback-kiosk',
      branchId: 'batumi',
      desk: { id: 'desk-2', services: ['civil-registry'] },
      central: {
        url: `http://127.0.0.1:${port}`,
        enrolmentToken: TOKEN,
        backoffBaseMs: 50,
        backoffCapMs: 200,
        healthProbeMs: 100,
        syncIntervalMs: 3_600_000,
      },
      starterContent: DEMO_CONTENT_FILE,
      dataDir: kioskData,
    }),
  );
  handlers = createKioskHandlers(core);
  await core.sync.syncNow(); // enrolled (and holding Central's sealing key) while Central is up
});
afterAll(async () => {
  await core.close();
  await stopCentral();
  dir.remove();
});

const responder = async (): Promise<StaffClient> => {
  const client = await signInStaff(running(), 'nino', 'responder-password-1');
  if (!isSignedIn(client)) throw new Error(`sign-in failed: ${client.status}`);
  return client;
};

describe('feedback', () => {
  let code = '';

  it('left offline with contact details: the contact is sealed at once and never in clear in the kiosk files', async () => {
    await stopCentral();
    const { sessionId, canLeaveContact } = await handlers['session.start']({ language: 'ka' });
    expect(canLeaveContact).toBe(true);
    const saved = await handlers['feedback.submit']({
      sessionId,
      kind: 'complaint',
      serviceId: 'civil-registry',
      message: SCRIPT_MESSAGE,
      contact: PHONE_TYPED,
      consentToContact: true,
    });
    code = saved.trackingCode;
    expect(saved.statusUrl).toBe(`http://127.0.0.1:${port}/feedback/${code}`);
    expect(await handlers['feedback.lookup']({ code })).toEqual({ state: 'queued' });
    core.db.pragma('wal_checkpoint(FULL)');
    for (const needle of [PHONE_CLEAR, PHONE_TYPED, '555123456']) expect(filesContaining(kioskData, needle)).toEqual([]);
    expect(core.db.prepare('SELECT count(*) FROM sealed_personal').pluck().get()).toBe(1);
  });

  it('reaches the inbox after sync with the deadline 24 h after the kiosk recorded it; the kiosk then forgets the contact', async () => {
    const sealed = core.db.prepare<[], string>('SELECT sealed FROM sealed_personal').pluck().get() ?? '';
    const createdAt = core.db.prepare<[], string>("SELECT created_at FROM submissions WHERE type = 'feedback'").pluck().get() ?? '';
    // Offline for a measurable while (the delay is kept in whole seconds), so it cannot pass as 0.
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    await startCentralHere();
    // The first call may join a round the submit's nudge started while Central was down: bounded retries.
    for (let round = 0; round < 5 && core.sync.status().pending > 0; round += 1) await core.sync.syncNow();
    expect(core.sync.status()).toMatchObject({ pending: 0, lastError: null });
    const row = await running().db.selectFrom('feedback').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      branch_id: 'batumi',
      kind: 'complaint',
      status: 'received',
      clock_start_at: createdAt,
      message: SCRIPT_MESSAGE,
      consent_to_contact: 1,
    });
    expect(Date.parse(row.due_at) - Date.parse(createdAt)).toBe(24 * 3_600_000);
    // The time it spent queued on the kiosk: at least the outage above, at most until now.
    expect(row.offline_delay_sec).toBeGreaterThanOrEqual(2);
    expect(row.offline_delay_sec).toBeLessThanOrEqual(Math.ceil((Date.now() - Date.parse(createdAt)) / 1000));
    // Gone from the kiosk: the row, and (secure_delete, checkpointed WAL) its bytes.
    expect(core.db.prepare('SELECT count(*) FROM sealed_personal').pluck().get()).toBe(0);
    expect(sealed.length).toBeGreaterThan(80);
    expect(filesContaining(kioskData, sealed)).toEqual([]);
    // Central keeps it sealed too: in clear nowhere in its data folder.
    expect(filesContaining(centralData, PHONE_CLEAR)).toEqual([]);
    expect(row.contact_sealed).toBe(sealed);
  });

  it('shows the contact to a responder only, and citizen text as text everywhere', async () => {
    const staff = await responder();
    const detail = await staff.page(`/console/feedback/${code}`);
    expect(detail.status).toBe(200);
    expect(detail.text).toContain(PHONE_CLEAR);
    expect(detail.text).toContain('&lt;script&gt;window.__pwned = 1&lt;/script&gt;');
    expect(detail.text).not.toContain('<script>');
    const inbox = await staff.page('/console/feedback');
    expect(inbox.text).toContain(code.slice(0, 4));
    expect(inbox.text).not.toContain('<img src=x');

    const publicPage = await fetch(`${running().url}/feedback/${code}`);
    const publicText = await publicPage.text();
    expect(publicPage.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(publicText).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    expect(publicText).not.toContain('555');
    const open311 = await fetch(`${running().url}/open311/v2/requests/${code}.json`);
    expect(open311.headers.get('content-type')).toContain('application/json');
    const [request] = (await open311.json()) as Array<Record<string, unknown>>;
    expect(request).toMatchObject({
      service_request_id: code,
      status: 'open',
      description: SCRIPT_MESSAGE,
      service_code: 'civil-registry',
    });
    const everything = await (await fetch(`${running().url}/open311/v2/requests.json`)).text();
    expect(everything).not.toContain('555');
    expect(everything).not.toContain('contact');
    const services = (await (await fetch(`${running().url}/open311/v2/services.json`)).json()) as Array<Record<string, unknown>>;
    expect(services.map((service) => service.service_code)).toContain('civil-registry');
    expect(services[0]).toMatchObject({ metadata: false, type: 'realtime' });
    const open = (await (
      await fetch(`${running().url}/open311/v2/requests.json?status=open&service_code=civil-registry`)
    ).json()) as unknown[];
    const closed = (await (await fetch(`${running().url}/open311/v2/requests.json?status=closed`)).json()) as unknown[];
    expect([open.length, closed.length]).toEqual([1, 0]);
    const badDate = await fetch(`${running().url}/open311/v2/requests.json?start_date=yesterday`);
    expect(badDate.status).toBe(400);
    expect(await badDate.json()).toEqual([{ code: 400, description: 'start_date: not a W3C date-time' }]);
  });

  it('refuses a wrong password, a missing role, a cross-site post and a post without the CSRF token', async () => {
    const wrong = await signInStaff(running(), 'nino', 'not-the-password');
    expect(isSignedIn(wrong)).toBe(false);
    expect(wrong).toMatchObject({ status: 401 });
    expect((wrong as { text: string }).text).toContain('Wrong username or password');
    const nobody = await signInStaff(running(), 'nobody', 'responder-password-1');
    expect(nobody).toMatchObject({ status: 401 });

    const editor = await signInStaff(running(), 'giorgi', 'editor-password-123');
    if (!isSignedIn(editor)) throw new Error('editor sign-in failed');
    expect((await editor.page('/console/feedback')).status).toBe(403);
    expect((await editor.post(`/console/feedback/${code}/respond`, { text: 'an editor may not answer' })).status).toBe(403);

    const staff = await responder();
    const crossSite = await staff.post(
      `/console/feedback/${code}/respond`,
      { text: 'forged' },
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    );
    expect(crossSite.status).toBe(403);
    const noToken = await fetch(`${running().url}/console/feedback/${code}/respond`, {
      method: 'POST',
      headers: { cookie: staff.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'text=forged',
    });
    expect(noToken.status).toBe(403);
    const loginCrossSite = await fetch(`${running().url}/console/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body: 'username=nino&password=responder-password-1',
    });
    expect(loginCrossSite.status).toBe(403);
    expect(loginCrossSite.headers.get('set-cookie')).toBeNull();
    expect(await running().db.selectFrom('feedback_responses').selectAll().execute()).toEqual([]);
    // Not signed in at all: to the sign-in page.
    const anonymous = await fetch(`${running().url}/console/feedback`, { redirect: 'manual' });
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toContain('/console/login');
  });

  it('is answered by a responder; the kiosk reads the answer by code and can reopen it once answered', async () => {
    const staff = await responder();
    expect((await staff.post(`/console/feedback/${code}/note`, { text: 'INTERNAL: called the branch manager' })).status).toBe(200);
    const answered = await staff.post(`/console/feedback/${code}/respond`, { text: 'მადლობა. დავამატეთ მეორე ოპერატორი.' });
    expect(answered.status).toBe(200);
    expect(answered.text).toContain('Response published');
    // Written once: a second response while answered is refused.
    expect((await staff.post(`/console/feedback/${code}/respond`, { text: 'edit' })).status).toBe(400);

    const found = await handlers['feedback.lookup']({ code: code.toLowerCase() });
    expect(found).toMatchObject({
      state: 'found',
      feedback: { status: 'answered', responses: [{ text: 'მადლობა. დავამატეთ მეორე ოპერატორი.' }], canReopen: true },
    });
    const publicText = await (await fetch(`${running().url}/feedback/${code}?lang=en`)).text();
    expect(publicText).toContain('მადლობა. დავამატეთ მეორე ოპერატორი.');
    expect(publicText).not.toContain('INTERNAL');

    const reopened = await handlers['feedback.reopen']({ code });
    expect(reopened).toMatchObject({ state: 'found', feedback: { status: 'reopened', canReopen: false } });
    const row = await running().db.selectFrom('feedback').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
    expect(row.reopened_count).toBe(1);
    expect(Date.parse(row.current_due_at)).toBeGreaterThan(Date.now() + 23 * 3_600_000);
    expect(await handlers['feedback.reopen']({ code })).toEqual({ state: 'not-reopenable' });
  });

  it('says "check the code" for a mistyped or unknown code, and nothing about other feedback', async () => {
    const typo = code.slice(0, 3) + (code[3] === 'A' ? 'B' : 'A') + code.slice(4);
    expect(await handlers['feedback.lookup']({ code: typo })).toEqual({ state: 'mistyped', problem: 'check' });
    expect(await handlers['feedback.lookup']({ code: 'ABC' })).toEqual({ state: 'mistyped', problem: 'length' });
    const unknown = `ZZZZZZZ${trackingCheckChar('ZZZZZZZ')}`;
    expect(await handlers['feedback.lookup']({ code: unknown })).toEqual({ state: 'not-found' });
    const page = await fetch(`${running().url}/feedback/${unknown}`);
    expect(page.status).toBe(404);
    const text = await page.text();
    expect(text).toContain('ვერ მოიძებნა');
    expect(text).not.toContain(code);
    expect((await fetch(`${running().url}/open311/v2/requests/${unknown}.json`)).status).toBe(404);
    await stopCentral();
    expect(await handlers['feedback.lookup']({ code })).toEqual({ state: 'unavailable' });
  });

  it('refuses bad input with the field named and queues nothing (Central still down)', async () => {
    const { sessionId } = await handlers['session.start']({ language: 'en' });
    const before = core.outbox.counts();
    const attempt = (args: Partial<Parameters<(typeof handlers)['feedback.submit']>[0]>) =>
      Promise.resolve()
        .then(() =>
          handlers['feedback.submit']({ sessionId, kind: 'question', serviceId: 'civil-registry', consentToContact: false, ...args }),
        )
        .then(
          () => 'saved',
          (error: { field?: string }) => error.field,
        );
    expect(await attempt({ message: 'ok', contact: 'nino@example' })).toBe('contact');
    expect(await attempt({ message: 'ok', contact: '12345' })).toBe('contact');
    expect(await attempt({ message: '   ' })).toBe('message');
    expect(await attempt({ message: 'ok', recordingId: '0190a0a0-0000-7000-8000-000000000000' })).toBe('recordingId');
    expect(await attempt({ message: 'ok', serviceId: 'nope' })).toBe('serviceId');
    expect(core.outbox.counts()).toEqual(before);
  });
});
