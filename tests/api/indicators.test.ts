import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoContentPack } from '../../kiosk-config/demo/demoContentPack.js';
import type { SavedFeedback } from '../../src-main/api/contract.js';
import type { KioskCore } from '../../src-main/core/kioskCore.js';
import { ContentPack } from '../../sync/protocol/contentPack.js';
import { Survey } from '../../sync/protocol/survey.js';
import type { RunningCentral } from '../../sync/central/startCentral.js';
import { startKioskWithCentral, type KioskWithCentral } from '../support/kioskWithCentral.js';
import type { StaffClient } from '../support/staffClient.js';
import { makeTempDir } from '../support/tempDir.js';

// The commitment's indicators (issue #15, part 3), measured by the platform itself: a real kiosk
// answers an awareness survey and sends a feedback, staff answer it and record a focus group in the
// console, and /record/indicators (page, CSV, JSON) says what each indicator is.
const AWARENESS = Survey.parse({
  id: 'awareness-2026',
  title: { ka: 'იცით თუ არა?', en: 'Did you know?' },
  questions: [
    { id: 'heard', type: 'yesno', text: { ka: 'გსმენიათ ამ კიოსკის შესახებ?', en: 'Had you heard of this kiosk before today?' } },
  ],
  opensAt: '2026-01-01T00:00:00Z',
  closesAt: '2030-01-01T00:00:00Z',
  measures: { indicator: 'awareness', questionId: 'heard', awareChoices: ['yes'] },
});
const dir = makeTempDir('indicators');
let kiosk: KioskWithCentral;
let central: RunningCentral;
let core: KioskCore;
let call: KioskWithCentral['call'];
let value: KioskWithCentral['value'];
let session: KioskWithCentral['session'];
let staff: StaffClient;

beforeAll(async () => {
  const pack = ContentPack.parse({
    ...demoContentPack,
    version: demoContentPack.version + 1,
    surveys: [...demoContentPack.surveys, AWARENESS],
  });
  kiosk = await startKioskWithCentral(dir.path, { kioskId: 'indicator-kiosk', branchId: 'kutaisi', starterContent: pack });
  ({ central, core, call, value, session } = kiosk);
  staff = await kiosk.signedInAdmin('tamar');
});
afterAll(async () => {
  await kiosk.close();
  dir.remove();
});

interface IndicatorJson {
  id: string;
  value?: number;
  basis: number;
  parts?: { submissions: number; focusGroups: number };
}

describe('the commitment indicators', () => {
  it('are measured from the log and the awareness survey, the same in the page, the CSV and the JSON', async () => {
    for (const heard of ['yes', 'yes', 'no'])
      value(await call('survey.submit', { sessionId: await session(), surveyId: AWARENESS.id, answers: { heard: { choice: heard } } }));
    const feedback = value<SavedFeedback>(
      await call('feedback.submit', {
        sessionId: await session(),
        kind: 'praise',
        serviceId: 'civil-registry',
        message: 'Quick and kind',
        consentToContact: false,
      }),
    );
    await core.sync.syncNow();
    await expect.poll(async () => (await staff.page(`/console/feedback/${feedback.trackingCode}`)).status).toBe(200);
    expect((await staff.post(`/console/feedback/${feedback.trackingCode}/respond`, { text: 'Thank you.' })).status).toBe(200);
    const refused = await staff.post('/console/record/focus-groups', {
      heldOn: '2026-11-20',
      topicKa: 'ა',
      topicEn: 'a',
      participants: '0',
    });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('participants: 1 to 10,000');
    const recorded = await staff.post('/console/record/focus-groups', {
      heldOn: '2026-11-20',
      topicKa: 'ახალი სერვისები ქუთაისში',
      topicEn: 'New services in Kutaisi',
      participants: '12',
      process: `survey:${AWARENESS.id}`,
    });
    expect(recorded.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // the next checkpoint holds it all

    const json = (await (await fetch(`${central.url}/record/indicators?format=json`)).json()) as {
      recordSize: number;
      indicators: IndicatorJson[];
    };
    const byId = new Map(json.indicators.map((indicator) => [indicator.id, indicator]));
    expect(byId.get('awareness')).toMatchObject({ value: 66.7, basis: 3 });
    expect(byId.get('answered-within-24h')).toMatchObject({ value: 100, basis: 1 });
    expect(byId.get('feedback-first-6-months')).toMatchObject({ value: 1 });
    const held = demoContentPack.surveys.length + demoContentPack.ballots.length + 1;
    expect(byId.get('processes-held')).toMatchObject({ value: held });
    expect(byId.get('participants')).toMatchObject({ value: 3 + 12, parts: { submissions: 3, focusGroups: 12 } });
    // Nothing has closed yet in this pack: not measured, rather than a 0% or a 100% that nothing supports.
    expect(byId.get('results-published')).toMatchObject({ basis: 0 });
    expect(byId.get('results-published')?.value).toBeUndefined();

    const csv = await (await fetch(`${central.url}/record/indicators?format=csv`)).text();
    const rows = csv.trim().split('\r\n');
    expect(rows[0]).toBe('indicator,name,target,target_kind,unit,value,basis,record_size');
    expect(rows.find((row) => row.startsWith('awareness,'))).toBe(
      `awareness,Awareness among visitors,60,at-least,percent,66.7,3,${String(json.recordSize)}`,
    );

    const page = await (await fetch(`${central.url}/record/indicators?lang=en`)).text();
    expect(page).toMatch(/data-indicator="awareness">.*?data-value="66.7">66.7%/);
    expect(page).toContain('3 entries + 12 in focus groups');
    expect(page).toContain(`href="/record/processes/survey/${AWARENESS.id}?lang=en"`);
    const story = await (await fetch(`${central.url}/record/processes/survey/${AWARENESS.id}?lang=en`)).text();
    expect(story).toContain('Focus group, 12 participants: New services in Kutaisi');
    expect((await fetch(`${central.url}/record/indicators?format=xml`)).status).toBe(400);
  });

  it('refuse an awareness survey whose question cannot measure it, naming the field', () => {
    const wrong = Survey.safeParse({ ...AWARENESS, measures: { indicator: 'awareness', questionId: 'heard', awareChoices: ['maybe'] } });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0]?.path).toEqual(['measures', 'awareChoices', 0]);
  });
});
