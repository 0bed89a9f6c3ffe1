import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSurvey } from '../../kiosk-config/demo/demoSurvey.js';
import { KioskConfig } from '../../kiosk-config/schema.js';
import { createDispatcher } from '../../src-main/api/dispatch.js';
import { createKioskHandlers } from '../../src-main/api/handlers.js';
import { createKioskCore, type KioskCore } from '../../src-main/core/kioskCore.js';
import { createStaffUser } from '../../sync/server/services/staffAuth.js';
import { startCentral, type RunningCentral } from '../../sync/server/startCentral.js';
import { isSignedIn, signInStaff, type StaffClient } from '../support/staffClient.js';
import { makeTempDir } from '../support/tempDir.js';

// Survey authoring in the staff console against a real Central, and a real kiosk core that pulls
// the new content while a visitor is mid-survey.
const TOKEN = 'content-test-enrolment-token-0000';
const dir = makeTempDir('content');
let central: RunningCentral;
let core: KioskCore;
let call: ReturnType<typeof createDispatcher>;
let editor: StaffClient;

beforeAll(async () => {
  central = await startCentral({ dataDir: join(dir.path, 'central'), demoToken: { token: TOKEN, branchId: 'gori' } });
  await createStaffUser(central.db, 'eka', 'editor-password-123', 'editor');
  await createStaffUser(central.db, 'nino', 'responder-password-1', 'responder');
  const signedIn = await signInStaff(central, 'eka', 'editor-password-123');
  if (!isSignedIn(signedIn)) throw new Error('editor sign-in failed');
  editor = signedIn;
  core = createKioskCore(
    KioskConfig.parse({
      kioskId: 'content-kiosk',
      branchId: 'gori',
      desk: { id: 'desk-1', services: ['civil-registry'] },
      central: { url: central.url, enrolmentToken: TOKEN, syncIntervalMs: 3_600_000 },
      dataDir: join(dir.path, 'kiosk'),
    }),
  );
  call = createDispatcher(createKioskHandlers(core));
  await core.sync.syncNow();
});
afterAll(async () => {
  await core.close();
  await central.close();
  dir.remove();
});

const publish = (survey: unknown, action = 'publish') => editor.post('/console/content/surveys', { survey: JSON.stringify(survey), action });
const answersV1 = {
  visits: { choice: 'monthly' },
  online: { choice: 'no' },
  priorities: { order: ['online-queue', 'home-delivery', 'mobile-office', 'sign-language', 'evening-hours'] },
  informed: { choices: ['sms'] },
};

describe('survey authoring', () => {
  it('refuses to publish a broken survey, naming the question, and publishes nothing', async () => {
    const versionBefore = (await central.db.selectFrom('content_packs').select((eb) => eb.fn.max('version').as('v')).executeTakeFirstOrThrow()).v;
    const brokenRule = { ...demoSurvey, questions: [...demoSurvey.questions, { id: 'follow-up', type: 'yesno', text: { ka: 'კიდევ?' }, showIf: { questionId: 'no-such-question', anyOf: ['yes'] } }] };
    const refused = await publish(brokenRule);
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('question 8 (&quot;follow-up&quot;): its skip rule points to &quot;no-such-question&quot;, which is not an earlier question');

    const shortRanking = { ...demoSurvey, questions: [{ id: 'rank', type: 'ranking', text: { ka: 'დაალაგეთ' }, choices: [{ id: 'only', label: { ka: 'ერთი' } }] }] };
    expect((await publish(shortRanking)).text).toContain('questions[0].choices: Too small');
    const noGeorgian = { ...demoSurvey, questions: [{ id: 'q', type: 'yesno', text: { en: 'English only?' } }] };
    expect((await publish(noGeorgian)).text).toContain('questions[0].text.ka');
    expect((await publish('{not json')).status).toBe(400);
    const versionAfter = (await central.db.selectFrom('content_packs').select((eb) => eb.fn.max('version').as('v')).executeTakeFirstOrThrow()).v;
    expect(versionAfter).toBe(versionBefore);
  });

  it('shows a preview in every language before publishing, and only editors may author', async () => {
    const checked = await publish(demoSurvey, 'check');
    expect(checked.status).toBe(200);
    for (const language of ['ka', 'en', 'ru', 'az', 'hy']) expect(checked.text).toContain(`Preview: ${language}`);
    expect(checked.text).toContain('(no ru text: shown in Georgian)');
    const responder = await signInStaff(central, 'nino', 'responder-password-1');
    if (!isSignedIn(responder)) throw new Error('responder sign-in failed');
    expect((await responder.page('/console/content')).status).toBe(403);
    expect((await responder.post('/console/content/surveys', { survey: JSON.stringify(demoSurvey), action: 'publish' })).status).toBe(403);
  });

  it('content updated mid-survey: the visitor finishes on the old version, the next visitor gets the new one', async () => {
    const { sessionId: midSurvey } = (await call('session.start', { language: 'ka' }).then((r) => (r.ok ? r.value : Promise.reject(new Error(r.error.message))))) as { sessionId: string; content: { version: number } };
    const v2 = { ...demoSurvey, questions: [...demoSurvey.questions, { id: 'new-question', type: 'yesno', required: true, text: { ka: 'ახალი კითხვა?', en: 'A new question?' } }] };
    const published = await publish(v2);
    expect(published.status).toBe(200);
    expect(published.text).toContain('content pack version 2');
    await core.sync.syncNow(); // the kiosk now holds version 2

    // The visitor who started on version 1 sends version 1's answers: accepted on the kiosk and at Central.
    expect(await call('survey.submit', { sessionId: midSurvey, surveyId: demoSurvey.id, answers: answersV1 })).toMatchObject({ ok: true });
    await core.sync.syncNow();
    expect(core.sync.status()).toMatchObject({ pending: 0, dead: 0 });
    const stored = await central.db.selectFrom('submissions').select(['content_version']).where('type', '=', 'survey').execute();
    expect(stored).toEqual([{ content_version: 1 }]);

    // The next visitor gets version 2, with the new question.
    const next = await call('session.start', { language: 'ka' });
    if (!next.ok) throw new Error(next.error.message);
    const { sessionId, content } = next.value as { sessionId: string; content: { version: number; surveys: Array<{ questions: Array<{ id: string }> }> } };
    expect(content.version).toBe(2);
    expect(content.surveys[0]?.questions.map((q) => q.id)).toContain('new-question');
    expect(await call('survey.submit', { sessionId, surveyId: demoSurvey.id, answers: answersV1 })).toMatchObject({
      ok: false,
      error: { field: 'answers', message: 'question "new-question" is required' },
    });
  });

  it('publishes results only when staff say so: charts with tables, JSON and CSV; initiative pages show live support', async () => {
    expect((await fetch(`${central.url}/results/surveys/${demoSurvey.id}.json`)).status).toBe(404);
    const published = await editor.post('/console/results', { kind: 'survey', id: demoSurvey.id });
    expect(published.status).toBe(303);
    const index = await (await fetch(`${central.url}/results?lang=en`)).text();
    expect(index).toContain(`/results/surveys/${demoSurvey.id}`);
    const tally = (await (await fetch(`${central.url}/results/surveys/${demoSurvey.id}.json`)).json()) as { responses: number; questions: Array<{ questionId: string; ranking?: Array<{ id: string; borda: number }> }> };
    expect(tally.responses).toBe(1);
    expect(tally.questions.find((q) => q.questionId === 'priorities')?.ranking?.[0]).toEqual({ id: 'online-queue', meanRank: 1, borda: 4 });
    const page = await (await fetch(`${central.url}/results/surveys/${demoSurvey.id}?lang=en`)).text();
    expect(page).toContain('<svg class="chart" role="img"');
    expect(page).toContain('<th scope="row">Booking a queue slot online</th><td class="num">4</td>');
    expect(await (await fetch(`${central.url}/results/surveys/${demoSurvey.id}.csv`)).text()).toContain('priorities,online-queue,,1,4');
    expect((await fetch(`${central.url}/results/ballots/priorities-2027`)).status).toBe(404);
    // Staff see the live tally before anything is published.
    const live = await editor.page('/console/tallies/ballots/priorities-2027');
    expect(live.status).toBe(200);
    expect(live.text).toContain('Votes counted');
    const initiative = await fetch(`${central.url}/initiatives/priorities-2027/step-free?lang=en`);
    expect(initiative.status).toBe(200);
    expect(await initiative.text()).toContain('Step-free entrances and tactile paths');
    expect((await editor.post('/console/results', { kind: 'survey', id: 'no-such-survey' })).status).toBe(400);
  });

  it('a proposal made on the kiosk, accepted in the console, is an initiative in the next content pack; a rejection is public with its reason', async () => {
    const start = await call('session.start', { language: 'ka' });
    if (!start.ok) throw new Error(start.error.message);
    const { sessionId } = start.value as { sessionId: string };
    const made = await call('proposal.submit', { sessionId, title: 'ღამის ფილიალი თბილისში', description: 'ერთი ფილიალი ღია 22:00-მდე.' });
    if (!made.ok) throw new Error(made.error.message);
    const { trackingCode, statusUrl } = made.value as { trackingCode: string; statusUrl: string };
    expect(statusUrl).toBe(`${central.url}/proposals/${trackingCode}`);
    const other = await call('proposal.submit', { sessionId, title: 'Free coffee', description: 'For everyone.' });
    if (!other.ok) throw new Error(other.error.message);
    await core.sync.syncNow();
    expect((await fetch(statusUrl)).status).toBe(200);

    const queue = await editor.page('/console/proposals');
    expect(queue.text).toContain('ღამის ფილიალი თბილისში');
    const accepted = await editor.post(`/console/proposals/${trackingCode}/accept`, {
      ballot: 'priorities-2027',
      titleKa: 'ღამის ფილიალი თბილისში',
      titleEn: 'A night branch in Tbilisi',
      descriptionKa: 'ერთი ფილიალი ღია 22:00-მდე.',
      descriptionEn: '',
    });
    expect(accepted.status).toBe(200);
    expect(accepted.text).toContain('Accepted');
    const rejectedWithout = await editor.post(`/console/proposals/${(other.value as { trackingCode: string }).trackingCode}/reject`, { reason: ' ' });
    expect(rejectedWithout.status).toBe(400);
    expect(rejectedWithout.text).toContain('reason: a public reason is required');
    await editor.post(`/console/proposals/${(other.value as { trackingCode: string }).trackingCode}/reject`, { reason: 'Outside what the Public Service Hall provides.' });

    await core.sync.syncNow(); // the kiosk pulls the new pack
    const next = await call('session.start', { language: 'ka' });
    if (!next.ok) throw new Error(next.error.message);
    const { content } = next.value as { content: { ballots: Array<{ id: string; initiatives: Array<{ id: string; origin: string; title: { ka: string; en?: string } }> }> } };
    const initiative = content.ballots.find((ballot) => ballot.id === 'priorities-2027')?.initiatives.find((candidate) => candidate.id === `proposal-${trackingCode.toLowerCase()}`);
    expect(initiative).toMatchObject({ origin: 'proposal', title: { ka: 'ღამის ფილიალი თბილისში', en: 'A night branch in Tbilisi' } });
    const publicPage = await (await fetch(`${statusUrl}?lang=en`)).text();
    expect(publicPage).toContain(`/initiatives/priorities-2027/proposal-${trackingCode.toLowerCase()}`);
    const rejectedPage = await (await fetch(`${central.url}/proposals/${(other.value as { trackingCode: string }).trackingCode}?lang=en`)).text();
    expect(rejectedPage).toContain('Outside what the Public Service Hall provides.');
  });
});
