import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoContentPack } from '../../kiosk-config/demo/demoContentPack.js';
import { seedDemoDesks } from '../../sync/central/demo/demoDesks.js';
import { checkNotify } from '../../sync/central/notify/checkNotify.js';
import { loadContactKey } from '../../sync/central/notify/contactKey.js';
import { startNotifier } from '../../sync/central/notify/notifier.js';
import { planDeadlineWarnings } from '../../sync/central/notify/deadlinePlanner.js';
import { notifySettingsOf, NotifySettingError } from '../../sync/central/notify/notifySettings.js';
import { smsSize } from '../../sync/central/notify/smsSegments.js';
import { respond } from '../../sync/central/services/feedback.js';
import { rejectProposal } from '../../sync/central/services/proposals.js';
import { createStaffUser } from '../../sync/central/services/staffAuth.js';
import { setStaffContact } from '../../sync/central/services/staffContacts.js';
import { evaluateRatingAlerts } from '../../sync/central/services/ratingAlerts.js';
import { loadSealingKey } from '../../sync/central/services/sealingKey.js';
import type { RunningCentral } from '../../sync/central/startCentral.js';
import { centralRequests } from '../support/centralRequests.js';
import { ratingEnvelope } from '../support/envelope.js';
import { freePort } from '../support/freePort.js';
import { REFUSED_MAIL_DOMAIN, startMailPeer, startSmsCentre } from '../support/messagePeers.js';
import { findSecrets, textSecret } from '../support/privacyScan.js';
import { phoneClient } from '../support/phoneClient.js';
import { isSignedIn, signInStaff, type StaffClient } from '../support/staffClient.js';
import { startKioskWithCentral } from '../support/kioskWithCentral.js';
import { startCentral } from '../support/testCentral.js';
import { makeTempDir } from '../support/tempDir.js';

// Issue #32: the answer comes to the citizen. A real Central sends through a real SMTP server (smtp-server)
// and a real SMPP 3.4 SMS centre (the smpp package's server side), both on loopback; the tests read what
// those peers received. The sender's clock is the one thing handed in: a test cannot choose the hour it runs
// at, and SMS wait out Tbilisi's night (22:00 to 09:00).
const dir = makeTempDir('notifications');
const NOON_IN_TBILISI = () => new Date('2026-12-07T08:00:00Z');
const PUBLIC_URL = 'https://psh.example';
const CENTRE = { systemId: 'psh', password: 'smpp-secret' };
let central: RunningCentral;
let mail: Awaited<ReturnType<typeof startMailPeer>>;
let centre: Awaited<ReturnType<typeof startSmsCentre>>;
let staff: StaffClient;

beforeAll(async () => {
  mail = await startMailPeer();
  centre = await startSmsCentre(CENTRE);
  central = await startCentral({
    dataDir: join(dir.path, 'central'),
    starterContent: demoContentPack,
    publicUrl: PUBLIC_URL,
    notify: {
      ...notifySettingsOf({
        smtpUrl: mail.url,
        smtpFrom: 'PSH <noreply@psh.example>',
        smppUrl: centre.url,
        smsSender: 'PSH',
        // Rounds are run by the tests themselves (notifier.tick), so what a test counts is what it caused.
        intervalMs: 3_600_000,
      }),
      now: NOON_IN_TBILISI,
    },
  });
  await seedDemoDesks(central.db, ['civil-registry', 'passports']);
  await createStaffUser(central.db, 'nino', 'a long enough password', 'responder');
  const signedIn = await signInStaff(central, 'nino', 'a long enough password');
  if (!isSignedIn(signedIn)) throw new Error('staff sign-in failed');
  staff = signedIn;
});
afterAll(async () => {
  await central.close();
  await mail.close();
  await centre.close();
  dir.remove();
});

const notifier = () => {
  if (!central.notifier) throw new Error('Central started without its notifier');
  return central.notifier;
};

/** Feedback from a desk's phone page, as a citizen fills it in; answers the tracking code the thanks page shows. */
async function feedbackFromPhone(lang: string, contact: string, fields: Record<string, string> = {}): Promise<string> {
  const phone = phoneClient(central.url);
  await phone.get(`/D/TB01-07/feedback?lang=${lang}`);
  const sent = await phone.post('/D/TB01-07/feedback', {
    kind: 'complaint',
    service: 'civil-registry',
    message: 'The queue display was broken all morning.',
    contact,
    consent: 'yes',
    notify: 'yes',
    ...fields,
  });
  expect(sent.url).toBe('/D/TB01-07/thanks');
  const row = await central.db.selectFrom('feedback').select('code').orderBy('received_at', 'desc').executeTakeFirstOrThrow();
  return row.code;
}

const answerInConsole = async (code: string, text: string) => {
  await staff.page(`/console/feedback/${code}`);
  const answered = await staff.post(`/console/feedback/${code}/respond`, { text });
  expect(answered.status).toBeLessThan(400);
};

describe('a citizen who asked to be told', () => {
  it('by e-mail hears the feedback was received, then gets the answer itself when staff answer in the console', async () => {
    const code = await feedbackFromPhone('en', 'citizen.one@example.ge');
    await notifier().tick();
    const received = mail.mails.filter((message) => message.subject.includes(code));
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ to: 'citizen.one@example.ge', subject: `Public Service Hall: ${code}` });
    expect(received[0]?.text).toContain(`Your feedback ${code} was received. We answer within 24 hours: ${PUBLIC_URL}/feedback/${code}`);

    await answerInConsole(code, 'The display was repaired at noon. Thank you for telling us.');
    await notifier().tick();
    await notifier().tick();
    const both = mail.mails.filter((message) => message.subject.includes(code));
    expect(both).toHaveLength(2);
    expect(both[1]?.text).toContain(`Your feedback ${code} has been answered: ${PUBLIC_URL}/feedback/${code}`);
    expect(both[1]?.text).toContain('The display was repaired at noon. Thank you for telling us.');
    const rows = await central.db.selectFrom('notifications').selectAll().where('code', '=', code).orderBy('created_at').execute();
    expect(rows.map((row) => [row.kind, row.state, row.channel, row.delivery])).toEqual([
      ['feedback-received', 'sent', 'email', 'accepted'],
      ['feedback-answered', 'sent', 'email', 'accepted'],
    ]);
  });

  it('by SMS in Georgian: UCS-2 to the mobile number, the code and the link, the answer in two segments at most', async () => {
    const code = await feedbackFromPhone('ka', '555 12 34 56');
    await answerInConsole(code, 'გამოსწორდა, გმადლობთ.');
    await notifier().tick();
    const texts = centre.messages.filter((message) => message.text.includes(code));
    expect(texts.map((message) => message.to)).toEqual(['995555123456', '995555123456']);
    expect(texts.every((message) => message.dataCoding === 8)).toBe(true);
    expect(texts[0]?.text).toBe(
      `იუსტიციის სახლი: თქვენი გამოხმაურება ${code} მიღებულია. პასუხს 24 საათში გაგცემთ: ${PUBLIC_URL}/feedback/${code}`,
    );
    expect(texts[1]?.text).toBe(`იუსტიციის სახლი: თქვენს გამოხმაურებას ${code} პასუხი გაეცა: ${PUBLIC_URL}/feedback/${code}`);
    expect(smsSize(texts[1]?.text ?? '').segments).toBeLessThanOrEqual(2);
    // The SMS centre's delivery receipt is recorded on the message it names.
    centre.receipt(texts[1]?.messageId ?? '', 'DELIVRD');
    await expect
      .poll(
        async () =>
          (
            await central.db
              .selectFrom('notifications')
              .select('delivery')
              .where('provider_ref', '=', texts[1]?.messageId ?? '')
              .executeTakeFirst()
          )?.delivery,
      )
      .toBe('DELIVRD');
  });

  it('is sent each message once, with two senders on one database claiming at the same moment', async () => {
    const codes: string[] = [];
    for (let index = 0; index < 6; index += 1) codes.push(await feedbackFromPhone('ru', `+995 599 00 00 0${String(index)}`));
    const second = startNotifier({
      db: central.db,
      sealingKey: loadSealingKey(join(dir.path, 'central')),
      // Its clock at noon in Tbilisi too: on the real clock, a run after 18:00 UTC would hold its SMS till morning.
      settings: { ...notifySettingsOf({ smppUrl: centre.url, smsSender: 'PSH', intervalMs: 3_600_000 }), now: NOON_IN_TBILISI },
      publicUrl: PUBLIC_URL,
      contactKeyOf: loadContactKey(join(dir.path, 'central')),
      log: () => undefined,
    });
    try {
      await Promise.all([notifier().tick(), second.tick(), notifier().tick(), second.tick()]);
    } finally {
      await second.stop();
    }
    const perCode = codes.map((code) => centre.messages.filter((message) => message.text.includes(code)).length);
    expect(perCode).toEqual([1, 1, 1, 1, 1, 1]);
    expect(centre.messages.find((message) => message.text.includes(codes[0] ?? ''))?.text).toContain('Дом юстиции: Ваш отзыв');
  });

  it('waits while the SMS centre refuses to bind, and is sent once when it accepts again', async () => {
    centre.refuseBinds(true);
    // A session already bound is dropped, as when the centre restarts for maintenance.
    await centre.close().catch(() => undefined);
    centre = await restartCentreOnSamePort();
    centre.refuseBinds(true);
    const code = await feedbackFromPhone('en', '+995 577 11 22 33');
    await notifier().tick();
    const refused = await central.db.selectFrom('notifications').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
    expect(refused).toMatchObject({ state: 'pending', attempts: 1 });
    expect(refused.last_error).toMatch(/refused the bind/);
    centre.refuseBinds(false);
    // The backoff runs out (moved back rather than waited for).
    await central.db
      .updateTable('notifications')
      .set({ next_attempt_at: new Date(0).toISOString() })
      .where('code', '=', code)
      .execute();
    await notifier().tick();
    expect(centre.messages.filter((message) => message.text.includes(code))).toHaveLength(1);
  });

  it('a malformed PDU from the SMS centre costs its session, never a message: the next SMS goes on a new bind, and the first is not sent again', async () => {
    const first = await feedbackFromPhone('en', '+995 594 00 00 01');
    await notifier().tick();
    expect(smsFor(first)).toHaveLength(1);
    // A PDU whose length no peer may send: the library stops reading that session for good.
    centre.garble();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const second = await feedbackFromPhone('en', '+995 594 00 00 02');
    await notifier().tick();
    expect(smsFor(second)).toHaveLength(1);
    expect(smsFor(first)).toHaveLength(1);
    expect(await central.db.selectFrom('notifications').select('state').where('code', '=', second).execute()).toEqual([{ state: 'sent' }]);
  });
});

/** The SMS centre back on the port Central knows, after a close. */
async function restartCentreOnSamePort(): Promise<Awaited<ReturnType<typeof startSmsCentre>>> {
  const port = centre.port;
  const again = await startSmsCentre(CENTRE, port);
  return again;
}

/** The answer has stood for more than the follow-up's 7 days (stored times moved back; a test cannot wait a week). */
async function answeredDaysAgo(code: string, days: number) {
  const then = new Date(Date.now() - days * 24 * 3_600_000).toISOString();
  await central.db.updateTable('feedback').set({ last_answered_at: then, updated_at: then }).where('code', '=', code).execute();
}
const smsFor = (code: string) => centre.messages.filter((message) => message.text.includes(code)).map((message) => message.text);
const feedbackRow = (code: string) => central.db.selectFrom('feedback').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
const recordEntries = async (code: string) =>
  (await central.db.selectFrom('ledger').select(['kind', 'detail_json']).where('subject', '=', code).orderBy('position').execute()).map(
    (row) => [row.kind, JSON.parse(row.detail_json) as unknown],
  );

describe('after the answer', () => {
  it('asks "was it resolved?" once; "1" closes the loop and deletes the contact, noted in the record without it', async () => {
    const code = await feedbackFromPhone('en', '+995 591 23 45 67');
    await answerInConsole(code, 'Fixed.');
    await notifier().tick();
    await answeredDaysAgo(code, 8);
    await notifier().tick();
    await notifier().tick();
    expect(smsFor(code).at(-1)).toBe(
      `Public Service Hall: Was your feedback ${code} resolved? Reply 1 for yes, 2 for no. ${PUBLIC_URL}/feedback/${code}`,
    );
    expect(smsFor(code)).toHaveLength(3);
    centre.reply('995591234567', '1');
    await expect.poll(async () => (await feedbackRow(code)).resolved).toBe('yes');
    expect(await feedbackRow(code)).toMatchObject({ contact_sealed: null, contact_key: null, notify: 0 });
    const entries = await recordEntries(code);
    expect(entries).toContainEqual(['feedback.resolved', expect.objectContaining({ resolved: true, via: 'sms' })]);
    expect(entries).toContainEqual(['feedback.contact-deleted', {}]);
    expect(entries.filter(([kind]) => kind === 'notification.sent')).toEqual([
      ['notification.sent', { kind: 'feedback-received', channel: 'sms' }],
      ['notification.sent', { kind: 'feedback-answered', channel: 'sms' }],
      ['notification.sent', { kind: 'feedback-followup', channel: 'sms' }],
    ]);
  });

  it('"2" reopens the feedback into the inbox with the reply as a note, and the citizen is told it is open again', async () => {
    const code = await feedbackFromPhone('en', '+995 592 00 11 22');
    await answerInConsole(code, 'Fixed.');
    await notifier().tick();
    await answeredDaysAgo(code, 8);
    await notifier().tick();
    centre.reply('995592001122', '2');
    await expect.poll(async () => (await feedbackRow(code)).status).toBe('reopened');
    const notes = await central.db.selectFrom('feedback_notes').select('text').where('code', '=', code).execute();
    expect(notes.map((note) => note.text)).toEqual(['The citizen replied by SMS that it was not resolved ("2").']);
    // A second "2" to the same question changes nothing more.
    centre.reply('995592001122', '2');
    await notifier().tick();
    expect((await feedbackRow(code)).reopened_count).toBe(1);
    expect(smsFor(code).at(-1)).toBe(
      `Public Service Hall: Your feedback ${code} is open again. We answer within 24 hours: ${PUBLIC_URL}/feedback/${code}`,
    );
  });

  it('by e-mail: the follow-up\'s links open the status page with the answer ready, "no" there reopens once, and its stop button ends every message to that address', async () => {
    const address = 'links.citizen@example.ge';
    const mailsTo = () => mail.mails.filter((message) => message.to === address);
    const code = await feedbackFromPhone('en', address);
    await answerInConsole(code, 'Fixed.');
    await notifier().tick();
    await answeredDaysAgo(code, 8);
    await notifier().tick();
    const followup = mailsTo().at(-1)?.text ?? '';
    expect(followup).toContain(`Yes: ${PUBLIC_URL}/feedback/${code}?resolved=yes#resolved`);
    expect(followup).toContain(`To stop these messages: ${PUBLIC_URL}/feedback/${code}#stop`);
    // The citizen follows the "no" link (PUBLIC_URL stands for this Central's address) and confirms on the page.
    const citizen = phoneClient(central.url);
    const page = await citizen.get(`/feedback/${code}?resolved=no&lang=en`);
    expect(page.text).toContain('<button type="submit" name="answer" value="no" class="secondary" autofocus>No, open it again</button>');
    await citizen.post(`/feedback/${code}/resolved?lang=en`, { answer: 'no' });
    expect(await feedbackRow(code)).toMatchObject({ status: 'reopened', resolved: 'no', reopened_count: 1 });
    expect(await recordEntries(code)).toContainEqual(['feedback.resolved', expect.objectContaining({ resolved: false, via: 'web' })]);
    const notes = await central.db.selectFrom('feedback_notes').select('text').where('code', '=', code).execute();
    expect(notes.map((note) => note.text)).toEqual(['The citizen answered on the status page that it was not resolved.']);
    await citizen.post(`/feedback/${code}/resolved?lang=en`, { answer: 'no' });
    expect((await feedbackRow(code)).reopened_count).toBe(1);

    // A second feedback from the same address; then the stop button on the first one's page.
    const other = await feedbackFromPhone('en', address);
    await notifier().tick();
    const before = mailsTo().length;
    const stopped = await citizen.post(`/feedback/${code}/stop-messages?lang=en`, {});
    expect(stopped.text).toContain('Messages stopped: nothing more will be sent to this contact.');
    expect(stopped.text).not.toContain('Stop these messages');
    await answerInConsole(code, 'Answered again.');
    await answerInConsole(other, 'Answered.');
    await notifier().tick();
    expect(mailsTo()).toHaveLength(before);
  });

  it('the share resolved, from the answers above ("1" by SMS, "no" on the page), is on /figures and /record/indicators, counted from the public record', async () => {
    const answers = await central.db.selectFrom('feedback').select(['resolved', 'branch_id']).where('resolved', 'is not', null).execute();
    const yes = answers.filter((answer) => answer.resolved === 'yes').length;
    expect(yes).toBeGreaterThan(0);
    expect(answers.length - yes).toBeGreaterThan(0);
    const indicators = (await (await fetch(`${central.url}/record/indicators?format=json`)).json()) as {
      resolved: { all: { yes: number; no: number; share: number }; byBranch: { key: string; yes: number; no: number }[] };
    };
    expect(indicators.resolved.all).toMatchObject({ yes, no: answers.length - yes });
    expect(indicators.resolved.byBranch.map((group) => group.key)).toEqual([...new Set(answers.map((answer) => answer.branch_id))].sort());
    const shown = `${((100 * yes) / answers.length).toFixed(1)}%`;
    for (const path of ['/figures?lang=en', '/record/indicators?lang=en']) {
      const page = await (await fetch(`${central.url}${path}`)).text();
      expect(page).toContain('Resolved? As citizens answer');
      expect(page).toContain(`data-resolved-share="${shown}"`);
    }
  });

  it('STOP ends every message to that number; STOP from a number Central never wrote to changes nothing', async () => {
    const code = await feedbackFromPhone('en', '+995 593 33 44 55');
    await notifier().tick();
    expect(smsFor(code)).toHaveLength(1);
    centre.reply('995593334455', 'stop');
    await expect.poll(async () => (await feedbackRow(code)).notify).toBe(0);
    await answerInConsole(code, 'Fixed.');
    await notifier().tick();
    expect(smsFor(code)).toHaveLength(1);
    // Another feedback from the same number, asking again: still nothing, the number said STOP.
    const again = await feedbackFromPhone('en', '+995 593 33 44 55');
    await notifier().tick();
    expect(smsFor(again)).toEqual([]);
    expect(await central.db.selectFrom('notifications').select('state').where('code', '=', again).execute()).toEqual([
      { state: 'stopped' },
    ]);
    const before = await central.db.selectFrom('feedback').select(['code', 'notify', 'status']).execute();
    centre.reply('995500000000', 'STOP');
    centre.reply('995500000001', '2');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await central.db.selectFrom('feedback').select(['code', 'notify', 'status']).execute()).toEqual(before);
  });
});

/** The daily digest every admin with an address gets once a day (the sender's clock is at noon): counted apart. */
const isDigest = (message: { subject: string }) => message.subject.startsWith('PSH · digest · ');

/** Open feedback at a branch whose 24 hours end `hoursLeft` from now (negative: already passed). */
async function feedbackDueIn(branch: string, hoursLeft: number): Promise<string> {
  const code = await feedbackFromPhone('en', 'staff.test.citizen@example.ge', { notify: '' });
  const due = new Date(Date.now() + hoursLeft * 3_600_000).toISOString();
  await central.db.updateTable('feedback').set({ branch_id: branch, due_at: due, current_due_at: due }).where('code', '=', code).execute();
  return code;
}

describe('a proposal', () => {
  it("from a phone, asking to be told: the decision arrives in Russian with staff's reason, then the contact is deleted; ticking the box without a contact is refused naming notify", async () => {
    const address = 'proposer@example.ge';
    const phone = phoneClient(central.url);
    await phone.get('/D/TB01-07/propose?lang=ru');
    const refused = await phone.post('/D/TB01-07/propose', { title: 'Ночная смена', notify: 'yes', contact: '' });
    expect(refused.status).toBe(400);
    expect(refused.text).toMatch(
      /<div class="single has-error">[^]*Чтобы получить сообщение об ответе, наберите мобильный номер[^]*name="notify"/,
    );
    const before = await central.db.selectFrom('proposals').select('code').execute();
    const sent = await phone.post('/D/TB01-07/propose', { title: 'Ночная смена', notify: 'yes', contact: address });
    expect(sent.url).toBe('/D/TB01-07/thanks');
    const row = await central.db
      .selectFrom('proposals')
      .select(['code', 'notify', 'contact_sealed'])
      .where('code', 'not in', before.length > 0 ? before.map((old) => old.code) : [''])
      .executeTakeFirstOrThrow();
    expect(row.notify).toBe(1);
    expect(row.contact_sealed).not.toContain(address);
    await notifier().tick();
    expect(mail.mails.filter((message) => message.to === address)).toEqual([]); // nothing before the decision

    await createStaffUser(central.db, 'editor-eka', 'a long enough password', 'editor');
    const editor = await signInStaff(central, 'editor-eka', 'a long enough password');
    if (!isSignedIn(editor)) throw new Error('sign-in failed');
    await editor.page(`/console/proposals/${row.code}`);
    expect((await editor.post(`/console/proposals/${row.code}/reject`, { reason: 'Уже есть: услуга работает до 22:00.' })).status).toBe(
      200,
    );
    await notifier().tick();
    await notifier().tick();
    const told = mail.mails.filter((message) => message.to === address);
    expect(told).toHaveLength(1);
    expect(told[0]?.text).toContain(`По вашему предложению ${row.code} принято решение: ${PUBLIC_URL}/proposals/${row.code}`);
    expect(told[0]?.text).toContain('Уже есть: услуга работает до 22:00.');
    expect(
      await central.db.selectFrom('proposals').select(['notify', 'contact_sealed']).where('code', '=', row.code).executeTakeFirst(),
    ).toEqual({ notify: 0, contact_sealed: null });
    expect(await recordEntries(row.code)).toContainEqual(['proposal.contact-deleted', {}]);
  });
});

describe('staff, before the deadline', () => {
  it('a responder is warned 4 hours before, an admin 1 hour before and at the breach, at their e-mail, for their branch; an answer stops the rest', async () => {
    await createStaffUser(central.db, 'lela', 'a long enough password', 'responder');
    await createStaffUser(central.db, 'giorgi', 'a long enough password', 'admin');
    await createStaffUser(central.db, 'other-branch', 'a long enough password', 'responder');
    expect(await setStaffContact(central.db, 'lela', { email: 'lela@psh.example', branchId: 'batumi' })).toMatchObject({ ok: true });
    expect(await setStaffContact(central.db, 'giorgi', { email: 'giorgi@psh.example' })).toMatchObject({ ok: true });
    expect(await setStaffContact(central.db, 'other-branch', { email: 'other@psh.example', branchId: 'gori' })).toMatchObject({ ok: true });
    expect(await setStaffContact(central.db, 'lela', { email: 'not-an-address' })).toMatchObject({
      ok: false,
      problems: [{ field: 'email' }],
    });
    const soon = await feedbackDueIn('batumi', 3);
    const near = await feedbackDueIn('batumi', 0.5);
    const late = await feedbackDueIn('batumi', -2);
    const answered = await feedbackDueIn('batumi', 2);
    await answerInConsole(answered, 'Done.');
    await notifier().tick();
    await notifier().tick();
    const to = (address: string) =>
      mail.mails.filter((message) => message.to === address && !isDigest(message)).map((message) => message.subject.split(' · ')[1]);
    expect(to('lela@psh.example').sort()).toEqual([near, soon].sort());
    expect(to('giorgi@psh.example').sort()).toEqual([late, near].sort());
    expect(to('other@psh.example')).toEqual([]);
    const breach = mail.mails.find((message) => message.to === 'giorgi@psh.example' && message.subject.includes(late));
    expect(breach?.text).toContain(`Feedback ${late} was not answered within 24 hours`);
    expect(breach?.text).toContain(`${PUBLIC_URL}/console/feedback/${late}`);
    // Once each: another round sends nothing more.
    const count = mail.mails.length;
    await notifier().tick();
    expect(mail.mails.length).toBe(count);
  });
});

describe('staff, told what they chose', () => {
  const PASSWORD = 'a long enough password';
  const mailsTo = (address: string) => mail.mails.filter((message) => message.to === address && !isDigest(message));

  it('a responder hears of feedback assigned to their team; the warning hours are a setting; unticking a notice on /console/account stops it', async () => {
    await createStaffUser(central.db, 'dato', PASSWORD, 'responder');
    await createStaffUser(central.db, 'eka', PASSWORD, 'responder');
    const dato = { email: 'dato@psh.example', branchId: 'poti', team: 'property' };
    expect(await setStaffContact(central.db, 'dato', dato)).toMatchObject({ ok: true });
    expect(await setStaffContact(central.db, 'eka', { ...dato, email: 'eka@psh.example', team: 'civil-registry' })).toMatchObject({
      ok: true,
    });
    expect(await setStaffContact(central.db, 'eka', { email: 'eka@psh.example', team: 'no-such-team' })).toMatchObject({
      ok: false,
      problems: [{ field: 'team' }],
    });
    const assigned = await feedbackDueIn('poti', 10);
    expect((await staff.post(`/console/feedback/${assigned}/assign`, { team: 'property' })).status).toBeLessThan(400);
    await notifier().tick();
    expect(mailsTo('dato@psh.example').map((message) => message.text)).toEqual([
      expect.stringContaining(`Feedback ${assigned} was assigned to your team`),
    ]);
    expect(mailsTo('eka@psh.example')).toEqual([]);

    // Due in 5 hours: not yet "soon" at the default 4 hours; it is once the operator sets 6.
    const inFive = await feedbackDueIn('poti', 5);
    await notifier().tick();
    const aboutInFive = () => mailsTo('dato@psh.example').filter((message) => message.subject.includes(inFive));
    expect(aboutInFive()).toEqual([]);
    const sixHours = notifySettingsOf({ respondersBeforeHours: '6' }).staff;
    expect(sixHours.respondersBeforeHours).toBe(6);
    expect(() => notifySettingsOf({ respondersBeforeHours: 'four' })).toThrow(/--warn-responders-hours/);
    await planDeadlineWarnings(central.db, sixHours);
    await notifier().tick();
    expect(aboutInFive().map((message) => message.text)).toEqual([expect.stringContaining('less than 5 hours left')]);

    // Dato turns off assignments on his own page; a wrong address is refused naming the field, and nothing is saved.
    const signedIn = await signInStaff(central, 'dato', PASSWORD);
    if (!isSignedIn(signedIn)) throw new Error('sign-in failed');
    const page = await signedIn.page('/console/account');
    expect(page.text).toMatch(/name="notice-assigned" value="on" checked/);
    expect(page.text).not.toContain('notice-digest');
    const refused = await signedIn.post('/console/account', { email: 'dato@', 'notice-deadlines': 'on' });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('e-mail: an address');
    expect(refused.text).toContain('value="dato@"');
    const stored = () =>
      central.db.selectFrom('staff_users').select(['email', 'notices']).where('username', '=', 'dato').executeTakeFirst();
    expect(await stored()).toEqual({ email: 'dato@psh.example', notices: null });
    expect((await signedIn.post('/console/account', { email: 'dato@psh.example', 'notice-deadlines': 'on' })).status).toBe(200);
    expect(await stored()).toEqual({ email: 'dato@psh.example', notices: 'deadlines' });
    const second = await feedbackDueIn('poti', 10);
    await staff.post(`/console/feedback/${second}/assign`, { team: 'property' });
    await notifier().tick();
    expect(mailsTo('dato@psh.example').filter((message) => message.subject.includes(second))).toEqual([]);
  });

  it("a supervisor's daily digest lists the branch's overdue and unassigned feedback, once a day; messages that keep failing are said on the alerts and fleet pages, without the address", async () => {
    await createStaffUser(central.db, 'mariam', PASSWORD, 'admin');
    await setStaffContact(central.db, 'mariam', { email: 'mariam@psh.example', branchId: 'telavi' });
    const overdue = await feedbackDueIn('telavi', -3);
    const fresh = await feedbackDueIn('telavi', 20);
    await notifier().tick();
    await notifier().tick();
    const digests = mail.mails.filter((message) => message.to === 'mariam@psh.example' && isDigest(message));
    expect(digests.map((message) => message.subject)).toEqual(['PSH · digest · 2026-12-07 · telavi · 1 overdue']);
    expect(digests[0]?.text).toContain(`overdue: 1\n  ${overdue}`);
    expect(digests[0]?.text).toContain('unassigned: 2');
    expect(digests[0]?.text).not.toContain(fresh);

    // A supervisor whose mailbox the relay refuses: after three failures the trouble shows, the address does not.
    await createStaffUser(central.db, 'ghost', PASSWORD, 'admin');
    await setStaffContact(central.db, 'ghost', { email: `ghost@${REFUSED_MAIL_DOMAIN}`, branchId: 'telavi' });
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await notifier().tick();
      // The backoff's wait, skipped: a test cannot sit out minutes of exponential backoff.
      await central.db
        .updateTable('notifications')
        .set({ next_attempt_at: new Date(0).toISOString() })
        .where('staff', '=', 'ghost')
        .execute();
    }
    const signedIn = await signInStaff(central, 'mariam', PASSWORD);
    if (!isSignedIn(signedIn)) throw new Error('sign-in failed');
    for (const path of ['/console/alerts', '/console/fleet']) {
      const page = await signedIn.page(path);
      expect(page.text).toContain('Messages to citizens or staff are failing');
      expect(page.text).toContain('Recipient address rejected');
      expect(page.text).not.toContain(REFUSED_MAIL_DOMAIN);
    }
    const errors = await central.db.selectFrom('notifications').select('last_error').where('staff', '=', 'ghost').execute();
    expect(errors.length).toBeGreaterThan(0);
    expect(JSON.stringify(errors)).not.toContain('ghost@');
  });
});

describe('rating alerts', () => {
  it("open when a desk's ratings fall, tell the branch's admin, are marked seen with a comment, and close when ratings recover", async () => {
    const kiosk = await centralRequests(() => central).enrol('kutaisi');
    let seq = 0;
    const push = async (scores: readonly number[], secondsApart: number) => {
      const start = Date.now() - 30 * 60_000;
      const items = scores.map((score, index) => ({
        ...ratingEnvelope((seq += 1), { deskId: 'desk-9', score }),
        createdAt: new Date(start + index * secondsApart * 1000).toISOString(),
      }));
      const answer = await centralRequests(() => central).post('/api/kiosk/submissions', { items }, kiosk);
      expect(answer.status).toBe(200);
    };
    await createStaffUser(central.db, 'tamuna', 'a long enough password', 'admin');
    await setStaffContact(central.db, 'tamuna', { email: 'tamuna@psh.example', branchId: 'kutaisi' });
    // One visitor hammering the worst face, 12 times in 12 seconds: one rating, no alert.
    await push(
      Array.from({ length: 12 }, () => 1),
      1,
    );
    expect(await evaluateRatingAlerts(central.db)).toEqual([]);
    // 12 visitors, a minute apart, 6 of them unhappy: 50% of 13 counted ratings.
    await push([1, 2, 5, 4, 1, 2, 5, 5, 1, 4, 2, 5], 60);
    const opened = await evaluateRatingAlerts(central.db);
    expect(opened).toHaveLength(2); // the desk and its service
    await notifier().tick();
    const told = mail.mails.filter((message) => message.to === 'tamuna@psh.example' && !isDigest(message));
    expect(told.map((message) => message.subject).sort()).toEqual([
      'PSH · kutaisi · desk desk-9 · 54%',
      'PSH · kutaisi · service civil-registry · 54%',
    ]);
    expect(told[0]?.text).toContain(`${PUBLIC_URL}/console/alerts`);
    // The supervisor sees it in the console and says what is done.
    const admin = await signInStaff(central, 'tamuna', 'a long enough password');
    if (!isSignedIn(admin)) throw new Error('sign-in failed');
    const page = await admin.page('/console/alerts');
    expect(page.text).toContain('desk desk-9');
    const deskAlert = opened.find((id) => id.startsWith('desk:')) ?? '';
    expect(
      (await admin.post('/console/alerts/acknowledge', { id: deskAlert, comment: 'The operator was alone; a second one joins at 14:00.' }))
        .status,
    ).toBe(303);
    expect(
      await central.db.selectFrom('rating_alerts').select(['acknowledged_by', 'comment']).where('id', '=', deskAlert).executeTakeFirst(),
    ).toEqual({
      acknowledged_by: 'tamuna',
      comment: 'The operator was alone; a second one joins at 14:00.',
    });
    expect((await admin.post('/console/alerts/acknowledge', { id: 'no-such-alert', comment: '' })).status).toBe(404);
    // Ratings recover: the alerts close by themselves, each in the public record.
    await push(
      Array.from({ length: 20 }, () => 5),
      30,
    );
    expect(await evaluateRatingAlerts(central.db)).toEqual([]);
    expect(await central.db.selectFrom('rating_alerts').select('closed_at').where('closed_at', 'is', null).execute()).toEqual([]);
    const entries = await central.db.selectFrom('ledger').select('kind').where('kind', 'like', 'rating.alert-%').execute();
    expect(entries.map((entry) => entry.kind).sort()).toEqual([
      'rating.alert-closed',
      'rating.alert-closed',
      'rating.alert-opened',
      'rating.alert-opened',
    ]);
  });
});

describe('a contact that went quiet', () => {
  it('is deleted 60 days after the last message sent to it, and the deletion is in the record', async () => {
    const code = await feedbackFromPhone('en', 'quiet.citizen@example.ge');
    await notifier().tick();
    expect((await feedbackRow(code)).contact_sealed).not.toBeNull();
    // Sixty days pass (the stored sending time moved back; a test cannot wait two months).
    const longAgo = new Date(Date.now() - 61 * 24 * 3_600_000).toISOString();
    await central.db.updateTable('notifications').set({ sent_at: longAgo }).where('code', '=', code).execute();
    await notifier().tick();
    expect(await feedbackRow(code)).toMatchObject({ contact_sealed: null, contact_key: null, notify: 0 });
    expect(await recordEntries(code)).toContainEqual(['feedback.contact-deleted', {}]);
  });
});

describe('at a kiosk', () => {
  it('a visitor who asks to be told, with a mobile number, gets the SMS when staff answer feedback or decide a proposal; a landline is refused naming notifyMe', async () => {
    const kiosk = await startKioskWithCentral(join(dir.path, 'kiosk'), {
      kioskId: 'notify-kiosk',
      branchId: 'zugdidi',
      central: {
        publicUrl: PUBLIC_URL,
        notify: { ...notifySettingsOf({ smppUrl: centre.url, smsSender: 'PSH', intervalMs: 3_600_000 }), now: NOON_IN_TBILISI },
      },
    });
    try {
      const feedback = async (contact: string) =>
        kiosk.call('feedback.submit', {
          sessionId: await kiosk.session(),
          kind: 'complaint',
          serviceId: 'civil-registry',
          message: 'No ramp at the entrance.',
          contact,
          consentToContact: true,
          notifyMe: true,
        });
      expect(await feedback('32 2 12 34 56')).toMatchObject({ ok: false, error: { code: 'bad-request', field: 'notifyMe' } });
      const saved = kiosk.value<{ trackingCode: string }>(await feedback('598 76 54 32'));
      await kiosk.core.sync.syncNow();
      await kiosk.central.notifier?.tick();
      const code = saved.trackingCode;
      expect(centre.messages.filter((message) => message.text.includes(code)).map((message) => message.to)).toEqual(['995598765432']);
      await respond(kiosk.central.db, code, 'A ramp is ordered for Monday.', 'nino');
      await kiosk.central.notifier?.tick();
      const texts = centre.messages.filter((message) => message.text.includes(code)).map((message) => message.text);
      expect(texts[1]).toBe(`იუსტიციის სახლი: თქვენს გამოხმაურებას ${code} პასუხი გაეცა: ${PUBLIC_URL}/feedback/${code}`);

      // A proposal, asking to hear the decision: the same rule for the number, one SMS when staff decide.
      const proposal = async (contact: string) =>
        kiosk.call('proposal.submit', { sessionId: await kiosk.session(), title: 'A ramp at every branch', contact, notifyMe: true });
      expect(await proposal('32 2 12 34 56')).toMatchObject({ ok: false, error: { code: 'bad-request', field: 'notifyMe' } });
      const proposed = kiosk.value<{ trackingCode: string }>(await proposal('598 76 54 33'));
      await kiosk.core.sync.syncNow();
      await kiosk.central.notifier?.tick();
      const aboutProposal = () => centre.messages.filter((message) => message.text.includes(proposed.trackingCode));
      expect(aboutProposal()).toEqual([]);
      expect((await rejectProposal(kiosk.central.db, proposed.trackingCode, 'Ramps are already ordered.', 'lela')).ok).toBe(true);
      await kiosk.central.notifier?.tick();
      expect(aboutProposal().map((message) => [message.to, message.text])).toEqual([
        [
          '995598765433',
          `იუსტიციის სახლი: თქვენს შემოთავაზებაზე ${proposed.trackingCode} გადაწყვეტილება მიღებულია: ${PUBLIC_URL}/proposals/${proposed.trackingCode}`,
        ],
      ]);
    } finally {
      await kiosk.close();
    }
  });
});

describe('what a citizen gets wrong, and what Central keeps', () => {
  it('refuses "tell me" without a contact, or with a number that cannot take an SMS, naming the field, and saves nothing', async () => {
    const before = await central.db
      .selectFrom('feedback')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const phone = phoneClient(central.url);
    await phone.get('/D/TB01-07/feedback?lang=en');
    const base = { kind: 'complaint', service: 'civil-registry', message: 'Slow.', consent: 'yes', notify: 'yes' };
    const noContact = await phone.post('/D/TB01-07/feedback', { ...base, contact: '' });
    expect(noContact.status).toBe(400);
    expect(noContact.text).toContain('To be told when it is answered, type a mobile number or an e-mail address.');
    const landline = await phone.post('/D/TB01-07/feedback', { ...base, contact: '32 2 12 34 56' });
    expect(landline.status).toBe(400);
    expect(landline.text).toContain('SMS go only to a Georgian mobile number (5XX XX XX XX).');
    const noDomain = await phone.post('/D/TB01-07/feedback', { ...base, contact: 'someone@' });
    expect(noDomain.status).toBe(400);
    const after = await central.db
      .selectFrom('feedback')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('keeps no contact in its outbox: only what happened, to which code, and how it went', async () => {
    const rows = await central.db.selectFrom('notifications').selectAll().execute();
    expect(rows.length).toBeGreaterThan(0);
    const stored = JSON.stringify(rows);
    for (const contact of ['citizen.one@example.ge', '555123456', '599000000', '577112233']) expect(stored).not.toContain(contact);
    // Nor anywhere in Central's folder (its database, WAL, keys, uploads): contacts are stored sealed, and a
    // closed loop's is deleted. The phone numbers as typed, as normalised, and as the SMS centre saw them.
    const contacts = [
      'citizen.one@example.ge',
      'quiet.citizen@example.ge',
      '555 12 34 56',
      '+995555123456',
      '995591234567',
      '+995591234567',
    ];
    expect(
      findSecrets(
        [join(dir.path, 'central')],
        contacts.map((contact) => textSecret(contact, contact)),
      ),
    ).toEqual([]);
  });

  it('check-notify says plainly what works and what does not (a wrong password, nobody listening), and sends nothing', async () => {
    const sentBefore = centre.messages.length + mail.mails.length;
    const good = await checkNotify(
      notifySettingsOf({ smtpUrl: mail.url, smtpFrom: 'noreply@psh.example', smppUrl: centre.url, smsSender: 'PSH' }),
    );
    expect(good).toEqual({
      ok: true,
      lines: [expect.stringMatching(/^e-mail \(SMTP .*\): works$/), expect.stringMatching(/^SMS \(SMPP .*\): works$/)],
    });
    const wrongPassword = centre.url.replace(':smpp-secret@', ':wrong@');
    const closedPort = `smtp://127.0.0.1:${String(await freePort())}`;
    const bad = await checkNotify(
      notifySettingsOf({ smtpUrl: closedPort, smtpFrom: 'noreply@psh.example', smppUrl: wrongPassword, smsSender: 'PSH' }),
    );
    expect(bad.ok).toBe(false);
    expect(bad.lines[0]).toMatch(/^e-mail \(SMTP .*\): DOES NOT WORK: .*ECONNREFUSED/);
    expect(bad.lines[1]).toMatch(/^SMS \(SMPP .*\): DOES NOT WORK: the SMS centre refused the bind/);
    expect(centre.messages.length + mail.mails.length).toBe(sentBefore);
  });

  it('refuses settings that cannot work, naming the option', () => {
    expect(() => notifySettingsOf({ smtpUrl: 'mail.example:25', smtpFrom: 'a@b.ge' })).toThrow(NotifySettingError);
    expect(() => notifySettingsOf({ smtpUrl: 'smtp://mail.example:25' })).toThrow(/--smtp-from/);
    expect(() => notifySettingsOf({ smppUrl: 'smpp://smsc.example:2775', smsSender: 'PSH' })).toThrow(/system id/);
    expect(() => notifySettingsOf({ smppUrl: 'smpp://psh:pw@smsc.example:2775', smsSender: 'Public Service Hall' })).toThrow(
      /--sms-sender/,
    );
  });
});
