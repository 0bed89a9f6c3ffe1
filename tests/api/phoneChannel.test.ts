import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoContentPack } from '../../kiosk-config/demo/demoContentPack.js';
import { demoSurvey } from '../../kiosk-config/demo/demoSurvey.js';
import { respond } from '../../sync/central/services/feedback.js';
import { feedbackFigures } from '../../sync/central/services/feedbackFigures.js';
import { loadSealingKey } from '../../sync/central/services/sealingKey.js';
import { createStaffUser } from '../../sync/central/services/staffAuth.js';
import { startCentral } from '../support/testCentral.js';
import type { RunningCentral } from '../../sync/central/startCentral.js';
import { ru } from '../../sync/texts/ru.js';
import { phoneClient } from '../support/phoneClient.js';
import { isSignedIn, signInStaff, type StaffClient } from '../support/staffClient.js';
import { makeTempDir } from '../support/tempDir.js';

// The phone channel (issue #16): a real Central; an admin adds a branch and its desks in the console;
// a phone's browser with JavaScript off (plain GETs and form posts, as such a browser sends them)
// opens a desk's URL and rates the desk, leaves feedback with a contact, and takes the demo survey.
// Each submission must reach Central's tables and public record as a kiosk's does, marked "phone".
const dir = makeTempDir('phone-channel');
let central: RunningCentral;
let admin: StaffClient;

beforeAll(async () => {
  central = await startCentral({ dataDir: join(dir.path, 'central'), starterContent: demoContentPack });
  await createStaffUser(central.db, 'nino', 'a long enough password', 'admin');
  await createStaffUser(central.db, 'giorgi', 'a long enough password', 'editor');
  const signedIn = await signInStaff(central, 'nino', 'a long enough password');
  if (!isSignedIn(signedIn)) throw new Error(`sign-in failed: ${signedIn.status}`);
  admin = signedIn;
});
afterAll(async () => {
  await central.close();
  dir.remove();
});

const submissionsFromPhones = () =>
  central.db.selectFrom('submissions').selectAll().where('device_id', '=', 'phone-kutaisi').orderBy('received_at').execute();

/** The public record's entry of a submission, as the bytes it hashes. */
async function entryOf(submissionId: string): Promise<string> {
  const rows = await central.db.selectFrom('record_entries').select('entry').execute();
  const entry = rows.map((row) => row.entry.toString('utf8')).find((text) => text.includes(submissionId));
  if (!entry) throw new Error(`no record entry names ${submissionId}`);
  return entry;
}

describe('branches and desks in the console', () => {
  it('an admin adds a branch and desks; a wrong value is refused naming its field; an editor may not', async () => {
    const badCode = await admin.post('/console/desks/branches', { id: 'kutaisi', code: 'ku1', nameKa: 'ქუთაისი', nameEn: 'Kutaisi' });
    expect(badCode.status).toBe(400);
    expect(badCode.text).toContain('code: two capital letters and two digits, like TB01');
    const added = await admin.post('/console/desks/branches', {
      id: 'kutaisi',
      code: 'KU01',
      nameKa: 'ქუთაისის იუსტიციის სახლი',
      nameEn: 'Kutaisi Public Service Hall',
    });
    expect(added.status).toBe(200);
    expect(added.text).toContain('Branch KU01 added.');
    const takenCode = await admin.post('/console/desks/branches', { id: 'batumi', code: 'KU01', nameKa: 'ბათუმი', nameEn: 'Batumi' });
    expect(takenCode.status).toBe(400);
    expect(takenCode.text).toContain('code: the code KU01 is taken by kutaisi');

    const unknownService = await admin.post('/console/desks/desks', {
      branchId: 'kutaisi',
      id: 'desk-3',
      number: '3',
      services: ['no-such-service'],
    });
    expect(unknownService.status).toBe(400);
    expect(unknownService.text).toContain('services: no-such-service is not a service of the published content');
    const noService = await admin.post('/console/desks/desks', { branchId: 'kutaisi', id: 'desk-3', number: '3' });
    expect(noService.text).toContain('services: choose at least one service');
    const desk = await admin.post('/console/desks/desks', { branchId: 'kutaisi', id: 'desk-3', number: '3', services: ['civil-registry'] });
    expect(desk.text).toContain('Desk KU01-03 added');
    const second = await admin.post('/console/desks/desks', {
      branchId: 'kutaisi',
      id: 'desk-4',
      number: '4',
      services: ['civil-registry', 'id-passport'],
    });
    expect(second.text).toContain('Desk KU01-04 added');
    const sameNumber = await admin.post('/console/desks/desks', {
      branchId: 'kutaisi',
      id: 'desk-9',
      number: '4',
      services: ['civil-registry'],
    });
    expect(sameNumber.text).toContain('number: number 4 is taken by desk-4');
    expect((await admin.page('/console/desks')).text).toContain('href="/D/KU01-03"');

    const editor = await signInStaff(central, 'giorgi', 'a long enough password');
    if (!isSignedIn(editor)) throw new Error('editor sign-in failed');
    expect((await editor.page('/console/desks')).status).toBe(403);
    expect((await editor.post('/console/desks/branches', { id: 'gori', code: 'GO01', nameKa: 'გორი', nameEn: 'Gori' })).status).toBe(403);
  });

  it('a desk URL is found whatever its case; an unknown one says so', async () => {
    const phone = phoneClient(central.url);
    const found = await phone.get('/D/ku01-03?lang=en');
    expect(found.status).toBe(200);
    expect(found.text).toContain('<h1>Desk KU01-03, Kutaisi Public Service Hall</h1>');
    const unknown = await phone.get('/D/KU01-99');
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain('No desk has this code');
  });
});

describe('a phone at desk KU01-03', () => {
  it('rates the desk: the smiley, a comment with a script in it, a confirmation with the receipt', async () => {
    const phone = phoneClient(central.url);
    await phone.get('/D/KU01-03/rate?lang=en');
    const missing = await phone.post('/D/KU01-03/rate', {});
    expect(missing.status).toBe(400);
    expect(missing.text).toContain('<a href="#score">Choose one of the ratings first</a>');
    const comment = await phone.post('/D/KU01-03/rate', { score: '4' });
    expect(comment.url).toBe('/D/KU01-03/rate/comment');
    const thanks = await phone.post('/D/KU01-03/rate/comment', { comment: 'Fast <script>alert(1)</script>', service: 'civil-registry' });
    expect(thanks.url).toBe('/D/KU01-03/thanks');
    expect(thanks.text).toContain('Thank you! Your rating is saved.');
    const receipt = /href="\/record\/receipts\/([0-9A-Z]{20})\?lang=en"/.exec(thanks.text)?.[1];
    expect(receipt).toBeDefined();

    const [stored] = await submissionsFromPhones();
    expect(JSON.parse(stored?.payload_json ?? '{}')).toEqual({
      type: 'rating',
      serviceId: 'civil-registry',
      deskId: 'desk-3',
      score: 4,
      comment: 'Fast <script>alert(1)</script>',
      language: 'en',
    });
    const entry = await entryOf(stored?.id ?? '');
    expect(entry).toContain('"branch":"kutaisi","channel":"phone"');
    expect(entry).not.toContain('script');
    // The receipt page of the phone's code finds the entry, as a kiosk's receipt does.
    const receiptPage = await fetch(`${central.url}/record/receipts/${receipt ?? ''}?lang=en`);
    expect(receiptPage.status).toBe(200);
  });

  it('a form posted again, or from another site, is refused and stores nothing', async () => {
    const phone = phoneClient(central.url);
    await phone.get('/D/KU01-03/rate?lang=en');
    await phone.post('/D/KU01-03/rate', { score: '2' });
    const token = phone.csrf;
    const before = (await submissionsFromPhones()).length;
    expect((await phone.post('/D/KU01-03/rate/comment', { comment: '', service: 'civil-registry' })).url).toBe('/D/KU01-03/thanks');
    // The same post replayed: the token was replaced when the rating was saved.
    const replayed = await phone.post('/D/KU01-03/rate/comment', { comment: '', service: 'civil-registry' }, { csrf: token });
    expect(replayed.status).toBe(403);
    expect(replayed.text).toContain('This page has expired');
    // A cross-site form (another site's page posting into a visitor's session) is refused even with a token.
    await phone.get('/D/KU01-03/rate');
    const crossSite = await phone.post('/D/KU01-03/rate', { score: '1' }, { headers: { 'sec-fetch-site': 'cross-site' } });
    expect(crossSite.status).toBe(403);
    expect((await submissionsFromPhones()).length).toBe(before + 1);
  });
});

describe('feedback from a phone at desk KU01-04', () => {
  it('names each missing or wrong field, then keeps the contact sealed and starts the 24-hour clock', async () => {
    const phone = phoneClient(central.url);
    await phone.get('/D/KU01-04/feedback?lang=en');
    const empty = await phone.post('/D/KU01-04/feedback', {});
    expect(empty.status).toBe(400);
    for (const field of ['kind', 'service', 'message']) expect(empty.text).toContain(`<a href="#${field}">`);
    const badContact = await phone.post('/D/KU01-04/feedback', {
      kind: 'complaint',
      service: 'id-passport',
      message: 'Long queue',
      contact: '12',
    });
    expect(badContact.text).toContain('<a href="#contact">This is not a phone number.');
    // What the visitor typed is kept on the page that shows the problem.
    expect(badContact.text).toContain('>Long queue</textarea>');
    const noConsent = await phone.post('/D/KU01-04/feedback', {
      kind: 'complaint',
      service: 'id-passport',
      message: 'Long queue',
      contact: '555 12 34 56',
    });
    expect(noConsent.text).toContain('<a href="#consent">');
    const thanks = await phone.post('/D/KU01-04/feedback', {
      kind: 'complaint',
      service: 'id-passport',
      message: 'Long queue <img src=x onerror=alert(1)>',
      contact: '555 12 34 56',
      consent: 'yes',
    });
    expect(thanks.url).toBe('/D/KU01-04/thanks');
    const code = /href="\/D\/KU01-04\/track\?code=([0-9A-Z]{8})"/.exec(thanks.text)?.[1] ?? '';
    expect(code).toMatch(/^[0-9A-Z]{8}$/);

    const feedback = await central.db.selectFrom('feedback').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
    expect(feedback).toMatchObject({
      device_id: 'phone-kutaisi',
      branch_id: 'kutaisi',
      service_id: 'id-passport',
      kind: 'complaint',
      consent_to_contact: 1,
    });
    expect(Date.parse(feedback.due_at) - Date.parse(feedback.clock_start_at)).toBe(24 * 3_600_000);
    expect(Date.parse(feedback.received_at) - Date.parse(feedback.clock_start_at)).toBeLessThan(5_000);
    expect(feedback.contact_sealed).not.toContain('555');
    expect(loadSealingKey(join(dir.path, 'central')).open(feedback.contact_sealed ?? '')).toBe('+995555123456');
    // The public status page shows the message as text.
    const status = await (await fetch(`${central.url}/feedback/${code}?lang=en`)).text();
    expect(status).toContain('Long queue &lt;img src=x onerror=alert(1)&gt;');
    expect(status).not.toContain('<img src=x');
    // The 24-hour figures count it under the phone channel.
    const figures = await feedbackFigures(central.db);
    expect(figures.byChannel.find((group) => group.key === 'phone')?.received).toBe(1);
  });
});

describe('the demo survey on a phone, one question per page', () => {
  it('skips by the answers, orders a ranking by buttons, checks, changes, and sends', async () => {
    const phone = phoneClient(central.url);
    const list = await phone.get('/D/KU01-03/surveys?lang=en');
    expect(list.text).toContain(`href="/D/KU01-03/surveys/${demoSurvey.id}"`);
    const base = `/D/KU01-03/surveys/${demoSurvey.id}`;
    const start = await phone.get(base);
    expect(start.text).toContain(`href="${base}/q/visits"`);
    const visits = await phone.get(`${base}/q/visits`);
    // Six questions are asked until "online" is answered yes, which asks its rating too.
    expect(visits.text).toContain('Question 1 of 6');
    const required = await phone.post(`${base}/q/visits`, {});
    expect(required.status).toBe(400);
    expect(required.text).toContain('<a href="#answer">Choose an answer first.</a>');
    expect((await phone.post(`${base}/q/visits`, { answer: 'monthly' })).url).toBe(`${base}/q/online`);
    // "No" skips the online rating: the next page is the ranking.
    const ranking = await phone.post(`${base}/q/online`, { answer: 'no' });
    expect(ranking.url).toBe(`${base}/q/priorities`);
    expect(ranking.text).toContain('Question 3 of 6');
    const order = /name="order" value="([^"]+)"/.exec(ranking.text)?.[1] ?? '';
    expect(order).toBe('online-queue,home-delivery,mobile-office,sign-language,evening-hours');
    const moved = await phone.post(`${base}/q/priorities`, { order, move: 'up:evening-hours' });
    expect(moved.text).toContain('Evening opening hours: now 4 of 5.');
    const newOrder = /name="order" value="([^"]+)"/.exec(moved.text)?.[1] ?? '';
    expect(newOrder).toBe('online-queue,home-delivery,mobile-office,evening-hours,sign-language');
    expect((await phone.post(`${base}/q/priorities`, { order: newOrder })).url).toBe(`${base}/q/informed`);
    const tooMany = await phone.post(`${base}/q/informed`, { answer: ['sms', 'email', 'website'] });
    expect(tooMany.text).toContain('You can choose at most 2.');
    expect((await phone.post(`${base}/q/informed`, { answer: ['sms', 'website'] })).url).toBe(`${base}/q/today`);
    expect((await phone.post(`${base}/q/today`, {})).url).toBe(`${base}/q/comment`);
    const check = await phone.post(`${base}/q/comment`, { answer: 'Open on <b>Saturdays</b>' });
    expect(check.url).toBe(`${base}/check`);
    expect(check.text).toContain('Open on &lt;b&gt;Saturdays&lt;/b&gt;');
    expect(check.text).not.toContain('How would you rate the online services');

    // Change "online" to yes: the rating it now asks is required, so the change goes through it, then back to the check.
    const change = await phone.get(`${base}/q/online?change=1`);
    expect(change.text).toContain(`href="${base}/check"`);
    expect(change.text).toContain('Question 2 of 6');
    const asked = await phone.post(`${base}/q/online`, { answer: 'yes', change: '1' });
    expect(asked.url).toBe(`${base}/q/online-rating`);
    expect((await phone.post(`${base}/q/online-rating`, { answer: '4', change: '1' })).url).toBe(`${base}/check`);

    const thanks = await phone.post(`${base}/check`, {});
    expect(thanks.url).toBe('/D/KU01-03/thanks');
    const stored = (await submissionsFromPhones()).find((row) => row.type === 'survey');
    expect(JSON.parse(stored?.payload_json ?? '{}')).toEqual({
      type: 'survey',
      surveyId: demoSurvey.id,
      language: 'en',
      answers: {
        visits: { choice: 'monthly' },
        online: { choice: 'yes' },
        'online-rating': { value: 4 },
        priorities: { order: ['online-queue', 'home-delivery', 'mobile-office', 'evening-hours', 'sign-language'] },
        informed: { choices: ['sms', 'website'] },
        comment: { text: 'Open on <b>Saturdays</b>' },
      },
    });
    expect(await entryOf(stored?.id ?? '')).toContain(`"channel":"phone"`);
    // Staff's tally says where responses came from: this one by phone, none yet by kiosk.
    expect((await admin.page(`/console/tallies/surveys/${demoSurvey.id}`)).text).toContain(
      'By channel: Kiosk <strong>0</strong> · Phone (desk QR code) <strong>1</strong> · Web <strong>0</strong>',
    );
    // Sent once: the draft is gone, so the check page now sends the visitor back to the list.
    expect((await phone.get(`${base}/check`)).url).toBe('/D/KU01-03/surveys');
  });

  it('speaks the language the visitor chose, on every page after', async () => {
    const phone = phoneClient(central.url);
    expect((await phone.get('/D/KU01-03?lang=ru')).text).toContain('<html lang="ru">');
    const next = await phone.get('/D/KU01-03/feedback');
    expect(next.text).toContain('<html lang="ru">');
    expect(next.text).toContain('<a href="/D/KU01-03/feedback?lang=hy" lang="hy" hreflang="hy">Հայերեն</a>');
    expect((await phone.get('/D/KU01-03/rate')).text).toContain('<html lang="ru">');
  });
});

describe('the web site: the same pages without a desk', () => {
  it('opens at /take-part, offers no desk rating, and counts what it sends under the web channel', async () => {
    const visitor = phoneClient(central.url);
    const start = await visitor.get('/take-part?lang=en');
    expect(start.url).toBe('/D/WEB');
    expect(start.text).toContain('<h1>Take part</h1>');
    expect(start.text).not.toContain('href="/D/WEB/rate"');
    expect(start.text).toContain('href="/D/WEB/surveys"');
    // Its own question: rating a desk needs a desk.
    expect((await visitor.get('/D/WEB/rate')).url).toBe('/D/WEB');
    // Every service can be chosen, as no desk narrows them.
    const form = await visitor.get('/D/WEB/feedback');
    for (const service of demoContentPack.services) expect(form.text).toContain(`value="${service.id}"`);
    const sent = await visitor.post('/D/WEB/feedback', { kind: 'question', service: 'id-passport', message: 'Can I renew online?' });
    expect(sent.url).toBe('/D/WEB/thanks');
    expect(sent.text).toContain('Back to the start');
    const stored = await central.db.selectFrom('feedback').selectAll().where('device_id', '=', 'web').executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ branch_id: 'web', service_id: 'id-passport', message: 'Can I renew online?' });
    expect(await entryOf(stored.submission_id ?? '')).toContain(`"channel":"web"`);
    const figures = await feedbackFigures(central.db);
    expect(figures.byChannel.find((group) => group.key === 'web')?.received).toBe(1);
    // The public site leads to it from every page.
    expect(await (await fetch(`${central.url}/figures?lang=en`)).text()).toContain('<a href="/take-part?lang=en">Take part</a>');
    // The front door keeps the reader's language.
    const frontDoor = await fetch(`${central.url}/?lang=en`, { redirect: 'manual' });
    expect([frontDoor.status, frontDoor.headers.get('location')]).toEqual([303, '/figures?lang=en']);
    expect((await fetch(`${central.url}/`, { redirect: 'manual' })).headers.get('location')).toBe('/figures');
  });
});

describe('following feedback on a phone', () => {
  it('finds it by its code in the visitor’s language, shows the answer, and reopens it when the answer did not help', async () => {
    const visitor = phoneClient(central.url);
    await visitor.get('/D/WEB/feedback?lang=ru');
    const sent = await visitor.post('/D/WEB/feedback', { kind: 'complaint', service: 'civil-registry', message: 'Очередь <b>долгая</b>' });
    const follow = /href="(\/D\/WEB\/track\?code=([0-9A-Z]{8}))"/.exec(sent.text);
    expect(follow).not.toBeNull();
    const code = follow?.[2] ?? '';
    const before = await visitor.get(follow?.[1] ?? '');
    expect(before.status).toBe(200);
    expect(before.text).toContain(ru.track.statuses.received);
    expect(before.text).toContain(ru.track.noAnswer);
    expect(before.text).toContain('Очередь &lt;b&gt;долгая&lt;/b&gt;');
    // A mistyped code is named as such, in Russian; an unknown one says no feedback has it.
    const mistyped = await visitor.get(`/D/WEB/track?code=${code.slice(0, 7)}`);
    expect(mistyped.status).toBe(400);
    expect(mistyped.text).toContain(ru.track.mistypedLength);
    // Staff answer; the citizen reads it and says it did not help: the feedback is open again.
    expect(await respond(central.db, code, 'Мы добавили окно.', 'nino')).toEqual({ ok: true, value: null });
    const answered = await visitor.get(`/D/WEB/track?code=${code}`);
    expect(answered.text).toContain('Мы добавили окно.');
    const reopened = await visitor.post('/D/WEB/track', { code });
    expect(reopened.text).toContain(ru.track.reopened);
    expect((await central.db.selectFrom('feedback').select('status').where('code', '=', code).executeTakeFirstOrThrow()).status).toBe(
      'reopened',
    );
  });
});
