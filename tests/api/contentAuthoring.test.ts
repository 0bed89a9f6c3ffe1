import { DEMO_CONTENT_FILE } from '../../kiosk-config/demo/demoContentFile.js';
import { demoContentPack } from '../../kiosk-config/demo/demoContentPack.js';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoBallot } from '../../kiosk-config/demo/demoBallot.js';
import { demoSurvey } from '../../kiosk-config/demo/demoSurvey.js';
import { KioskConfig } from '../../kiosk-config/schema.js';
import { createDispatcher } from '../../src-main/api/dispatch.js';
import { createKioskHandlers } from '../../src-main/api/handlers.js';
import { createKioskCore, type KioskCore } from '../../src-main/core/kioskCore.js';
import { createStaffUser } from '../../sync/central/services/staffAuth.js';
import { startCentral } from '../support/testCentral.js';
import type { RunningCentral } from '../../sync/central/startCentral.js';
import { isSignedIn, signInStaff, type StaffClient } from '../support/staffClient.js';
import { makeTempDir } from '../support/tempDir.js';
import { CONSOLE_LANGUAGE_COOKIE } from '../../sync/central/console/consoleTexts.js';
import { en as consoleEn } from '../../sync/central/console/texts/en.js';

// Survey authoring in the staff console against a real Central, and a real kiosk core that pulls
// the new content while a visitor is mid-survey.
const TOKEN = 'content-test-enrolment-token-0000';
const dir = makeTempDir('content');
let central: RunningCentral;
let core: KioskCore;
let call: ReturnType<typeof createDispatcher>;
let editor: StaffClient;

beforeAll(async () => {
  central = await startCentral({
    starterContent: demoContentPack,
    dataDir: join(dir.path, 'central'),
    demoToken: { token: TOKEN, branchId: 'gori' },
  });
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
      starterContent: DEMO_CONTENT_FILE,
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

const publish = (survey: unknown, action = 'publish') =>
  editor.post('/console/content/surveys', { survey: JSON.stringify(survey), action });
const answersV1 = {
  visits: { choice: 'monthly' },
  online: { choice: 'no' },
  priorities: { order: ['online-queue', 'home-delivery', 'mobile-office', 'sign-language', 'evening-hours'] },
  informed: { choices: ['sms'] },
};

describe('survey authoring', () => {
  it('refuses to publish a broken survey, naming the question, and publishes nothing', async () => {
    const versionBefore = (
      await central.db
        .selectFrom('content_packs')
        .select((eb) => eb.fn.max('version').as('v'))
        .executeTakeFirstOrThrow()
    ).v;
    const brokenRule = {
      ...demoSurvey,
      questions: [
        ...demoSurvey.questions,
        { id: 'follow-up', type: 'yesno', text: { ka: 'კიდევ?' }, showIf: { questionId: 'no-such-question', anyOf: ['yes'] } },
      ],
    };
    const refused = await publish(brokenRule);
    expect(refused.status).toBe(400);
    expect(refused.text).toContain(
      'question 8 (&quot;follow-up&quot;): its skip rule points to &quot;no-such-question&quot;, which is not an earlier question',
    );

    const shortRanking = {
      ...demoSurvey,
      questions: [{ id: 'rank', type: 'ranking', text: { ka: 'დაალაგეთ' }, choices: [{ id: 'only', label: { ka: 'ერთი' } }] }],
    };
    expect((await publish(shortRanking)).text).toContain('questions[0].choices: Too small');
    const noGeorgian = { ...demoSurvey, questions: [{ id: 'q', type: 'yesno', text: { en: 'English only?' } }] };
    expect((await publish(noGeorgian)).text).toContain('questions[0].text.ka');
    expect((await publish('{not json')).status).toBe(400);
    const versionAfter = (
      await central.db
        .selectFrom('content_packs')
        .select((eb) => eb.fn.max('version').as('v'))
        .executeTakeFirstOrThrow()
    ).v;
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
    const { sessionId: midSurvey } = (await call('session.start', { language: 'ka' }).then((r) =>
      r.ok ? r.value : Promise.reject(new Error(r.error.message)),
    )) as { sessionId: string; content: { version: number } };
    const v2 = {
      ...demoSurvey,
      questions: [
        ...demoSurvey.questions,
        { id: 'new-question', type: 'yesno', required: true, text: { ka: 'ახალი კითხვა?', en: 'A new question?' } },
      ],
    };
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
    const { sessionId, content } = next.value as {
      sessionId: string;
      content: { version: number; surveys: Array<{ questions: Array<{ id: string }> }> };
    };
    expect(content.version).toBe(2);
    expect(content.surveys[0]?.questions.map((q) => q.id)).toContain('new-question');
    expect(await call('survey.submit', { sessionId, surveyId: demoSurvey.id, answers: answersV1 })).toMatchObject({
      ok: false,
      error: { field: 'answers', message: 'question "new-question" is required' },
    });
  });

  it('publishes results only when staff say so: charts with tables, JSON and CSV; initiative pages show live support', async () => {
    expect((await fetch(`${central.url}/results/surveys/${demoSurvey.id}.json`)).status).toBe(404);
    const withoutNextSteps = await editor.post('/console/results', {
      kind: 'survey',
      id: demoSurvey.id,
      nextKa: ' ',
      nextEn: 'We will tell you.',
    });
    expect(withoutNextSteps.status).toBe(400);
    expect(withoutNextSteps.text).toContain('what happens next: the Georgian text is required');
    expect((await fetch(`${central.url}/results/surveys/${demoSurvey.id}.json`)).status).toBe(404);
    const nextSteps = { nextKa: 'პირველი სერვისი 2027 წლის მარტში დაიწყება.', nextEn: 'The first service starts in March 2027.' };
    const published = await editor.post('/console/results', { kind: 'survey', id: demoSurvey.id, ...nextSteps });
    expect(published.status).toBe(303);
    expect(await (await fetch(`${central.url}/results/surveys/${demoSurvey.id}?lang=en`)).text()).toContain(
      '<h2 id="next-steps">What happens next</h2><p class="message">The first service starts in March 2027.</p>',
    );

    // The kiosk receives a snapshot in its next content pack (shown there once the survey closes).
    await core.sync.syncNow();
    const start = await call('session.start', { language: 'ka' });
    if (!start.ok) throw new Error(start.error.message);
    const { results, surveys } = (
      start.value as {
        content: {
          surveys: Array<{ id: string; questions: Array<{ type: string }> }>;
          results: Array<{
            id: string;
            participants: number;
            nextSteps: { ka: string };
            sections: Array<{ unit: string; rows: Array<{ label: { en?: string }; value: number }> }>;
          }>;
        };
      }
    ).content;
    const snapshot = results.find((result) => result.id === demoSurvey.id);
    expect(snapshot).toMatchObject({ participants: 1, nextSteps: { ka: nextSteps.nextKa } });
    const ranking = snapshot?.sections.find((section) => section.unit === 'points');
    expect([ranking?.rows[0]?.label.en, ranking?.rows[0]?.value]).toEqual(['Booking a queue slot online', 4]);
    // Every question but free text (written answers are never published).
    const current = surveys.find((survey) => survey.id === demoSurvey.id);
    expect(snapshot?.sections).toHaveLength(current?.questions.filter((question) => question.type !== 'text').length ?? -1);
    const index = await (await fetch(`${central.url}/results?lang=en`)).text();
    expect(index).toContain(`/results/surveys/${demoSurvey.id}`);
    const tally = (await (await fetch(`${central.url}/results/surveys/${demoSurvey.id}.json`)).json()) as {
      responses: number;
      questions: Array<{ questionId: string; ranking?: Array<{ id: string; borda: number }> }>;
    };
    expect(tally.responses).toBe(1);
    expect(tally.questions.find((q) => q.questionId === 'priorities')?.ranking?.[0]).toEqual({ id: 'online-queue', meanRank: 1, borda: 4 });
    const page = await (await fetch(`${central.url}/results/surveys/${demoSurvey.id}?lang=en`)).text();
    expect(page).toContain('<svg class="chart chart-wide" role="img"');
    expect(page).toContain('<svg class="chart chart-narrow" role="img"');
    expect(page).toContain('<th scope="row">Booking a queue slot online</th><td class="num">4</td>');
    // A smiley question's rows are named as on the kiosk, not 1 to 5.
    expect(page).toContain('<th scope="row">Very good</th><td class="num">0</td>');
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
    const rejectedWithout = await editor.post(`/console/proposals/${(other.value as { trackingCode: string }).trackingCode}/reject`, {
      reason: ' ',
    });
    expect(rejectedWithout.status).toBe(400);
    expect(rejectedWithout.text).toContain('reason: a public reason is required');
    // The same refusal to a staff member reading the console in Georgian (its default) is in Georgian.
    const inGeorgian = { cookie: editor.cookie.replace(`${CONSOLE_LANGUAGE_COOKIE}=en`, `${CONSOLE_LANGUAGE_COOKIE}=ka`) };
    const refusedInGeorgian = await editor.post(
      `/console/proposals/${(other.value as { trackingCode: string }).trackingCode}/reject`,
      { reason: ' ' },
      inGeorgian,
    );
    expect(refusedInGeorgian.status).toBe(400);
    expect(refusedInGeorgian.text).toContain('მიზეზი: საჯარო მიზეზის მითითება სავალდებულოა');
    expect(refusedInGeorgian.text).not.toContain('a public reason is required');
    await editor.post(`/console/proposals/${(other.value as { trackingCode: string }).trackingCode}/reject`, {
      reason: 'Outside what the Public Service Hall provides.',
    });

    await core.sync.syncNow(); // the kiosk pulls the new pack
    const next = await call('session.start', { language: 'ka' });
    if (!next.ok) throw new Error(next.error.message);
    const { content } = next.value as {
      content: { ballots: Array<{ id: string; initiatives: Array<{ id: string; origin: string; title: { ka: string; en?: string } }> }> };
    };
    const initiative = content.ballots
      .find((ballot) => ballot.id === 'priorities-2027')
      ?.initiatives.find((candidate) => candidate.id === `proposal-${trackingCode.toLowerCase()}`);
    expect(initiative).toMatchObject({ origin: 'proposal', title: { ka: 'ღამის ფილიალი თბილისში', en: 'A night branch in Tbilisi' } });
    const publicPage = await (await fetch(`${statusUrl}?lang=en`)).text();
    expect(publicPage).toContain(`/initiatives/priorities-2027/proposal-${trackingCode.toLowerCase()}`);
    const rejectedPage = await (
      await fetch(`${central.url}/proposals/${(other.value as { trackingCode: string }).trackingCode}?lang=en`)
    ).text();
    expect(rejectedPage).toContain('Outside what the Public Service Hall provides.');
  });

  it('ballots: refused when broken (naming the place), previewed in every language, published to kiosks; votes bind its initiatives and policy', async () => {
    const publishBallot = (ballot: unknown, action = 'publish') =>
      editor.post('/console/content/ballots', { ballot: JSON.stringify(ballot), action });
    const town = {
      ...demoBallot,
      id: 'gori-square',
      policy: 'session',
      maxChoices: 1,
      title: { ka: 'რა გაკეთდეს გორის ფილიალის წინ?', en: 'What should be done in front of the Gori branch?' },
      initiatives: [
        { id: 'benches', origin: 'feedback', title: { ka: 'სკამები' }, description: { ka: 'ჩრდილში.' } },
        {
          id: 'bike-racks',
          origin: 'proposal',
          title: { ka: 'ველოსიპედის სადგომი', en: 'Bike racks' },
          description: { ka: 'ათი ადგილი.', en: 'Ten places.' },
        },
      ],
    };
    const tooMany = await publishBallot({ ...town, maxChoices: 3 });
    expect(tooMany.status).toBe(400);
    expect(tooMany.text).toContain('ballot &quot;gori-square&quot;: allows 3 choices but has 2 initiatives');
    const twice = await publishBallot({ ...town, initiatives: [town.initiatives[0], town.initiatives[0]] });
    expect(twice.text).toContain('initiative 2 (&quot;benches&quot;): the id is used twice');
    const noGeorgian = await publishBallot({
      ...town,
      initiatives: [town.initiatives[0], { ...town.initiatives[1], description: { en: 'Ten places.' } }],
    });
    expect(noGeorgian.text).toContain('initiatives[1].description.ka');

    const checked = await publishBallot(town, 'check');
    expect(checked.status).toBe(200);
    for (const language of ['ka', 'en', 'ru', 'az', 'hy']) expect(checked.text).toContain(`Preview: ${language}`);
    expect(checked.text).toContain('<span lang="ka">სკამები</span> <em>(no en text: shown in Georgian)</em>');
    expect(checked.text).toContain('anonymous, one per kiosk session');
    const published = await publishBallot(town);
    expect(published.text).toContain('Published ballot &quot;gori-square&quot;');

    // The kiosk pulls it and a visitor votes; from then on its voted initiatives and policy stay.
    await core.sync.syncNow();
    const start = await call('session.start', { language: 'ka' });
    if (!start.ok) throw new Error(start.error.message);
    const { sessionId, content } = start.value as { sessionId: string; content: { ballots: Array<{ id: string }> } };
    expect(content.ballots.map((ballot) => ballot.id)).toContain('gori-square');
    expect(await call('vote.submit', { sessionId, ballotId: 'gori-square', choices: ['benches'] })).toMatchObject({ ok: true });
    await core.sync.syncNow();
    const dropVoted = await publishBallot({ ...town, initiatives: [town.initiatives[1], { ...town.initiatives[1], id: 'trees' }] });
    expect(dropVoted.status).toBe(409);
    expect(dropVoted.text).toContain('initiative &quot;benches&quot;: it already has votes and cannot be removed');
    expect((await publishBallot({ ...town, policy: 'verified' })).text).toContain(
      'votes have been cast, so its policy stays &quot;session&quot;',
    );

    // Edit starts from the current JSON; closing ends it for kiosks.
    const edit = await editor.page('/console/content/ballots/gori-square/edit');
    expect(edit.text).toContain('&quot;id&quot;: &quot;gori-square&quot;');
    const closed = await editor.post('/console/content/ballots/gori-square/close', {});
    expect(closed.text).toContain('Ballot &quot;gori-square&quot; closed');
    expect((await editor.page('/console/content/ballots/no-such/edit')).status).toBe(404);
  });

  // Last: it publishes a survey of its own, which the tests above do not expect in the pack.
  it('names each question a blind visitor waits over 3 s to hear on a kiosk, with its seconds in the voice the kiosk uses, on check and on publish, without counting a closing remark in brackets', async () => {
    const remark = 'პასუხი არასავალდებულოა, მაგრამ ძალიან დაგვეხმარება სერვისების გაუმჯობესებაში';
    const survey = {
      ...demoSurvey,
      id: 'slow-to-hear',
      questions: [
        { id: 'short', type: 'yesno', required: false, text: { ka: 'გამოგიყენებიათ ჩვენი ონლაინ სერვისები?' } },
        {
          id: 'long',
          type: 'yesno',
          required: false,
          text: { ka: 'გამოგიყენებიათ თუ არა ბოლო ერთი წლის განმავლობაში იუსტიციის სახლის ონლაინ სერვისები?' },
        },
        // Said after the first choice, so only the question before it counts.
        { id: 'remark', type: 'yesno', required: false, text: { ka: `გამოგიყენებიათ ჩვენი ონლაინ სერვისები? (${remark})` } },
      ],
    };
    const slowToHear = (page: string) => /<div class="notice" role="status" id="slow-to-hear">([\s\S]*?)<\/div>/u.exec(page)?.[1] ?? '';
    for (const action of ['check', 'publish']) {
      const page = await publish(survey, action);
      expect(page.status).toBe(200);
      const warning = slowToHear(page.text);
      expect(warning).toContain(consoleEn.content.titlePlace({ part: 'question', number: 2, id: 'long' }));
      const seconds = Number(/long\)[^(]*\((\d+\.\d) s\)/u.exec(warning)?.[1]);
      expect(seconds).toBeGreaterThan(3);
      expect(seconds).toBeLessThan(10);
      expect(warning).not.toContain('(short)');
      expect(warning).not.toContain('(remark)');
    }
    // Demo content keeps to the goal: no advice at all.
    expect(slowToHear((await publish(demoSurvey, 'check')).text)).toBe('');
  });
});
