import { DEMO_CONTENT_FILE } from '../../kiosk-config/demo/demoContentFile.js';
import { demoContentPack } from '../../kiosk-config/demo/demoContentPack.js';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSurvey } from '../../kiosk-config/demo/demoSurvey.js';
import { KioskConfig } from '../../kiosk-config/schema.js';
import { createDispatcher } from '../../src-main/api/dispatch.js';
import { createKioskHandlers } from '../../src-main/api/handlers.js';
import { createKioskCore, type KioskCore } from '../../src-main/core/kioskCore.js';
import { createStaffUser } from '../../sync/central/services/staffAuth.js';
import { startCentral } from '../support/testCentral.js';
import type { RunningCentral } from '../../sync/central/startCentral.js';
import { fileCaptureAsoundrc, sineRaw } from '../support/audioAnalysis.js';
import { isSignedIn, signInStaff } from '../support/staffClient.js';
import { makeTempDir } from '../support/tempDir.js';

// Voice messages (feedback, proposals, survey answers): recorded by the real arecord (from ALSA's file plugin: there is no
// microphone on the test machines), sent through tus, and played to a responder, never to the public.
const TOKEN = 'feedback-voice-enrolment-token-00';
const dir = makeTempDir('feedback-voice');
const savedHome = process.env.HOME;
let central: RunningCentral;
let core: KioskCore;
let dispatch: ReturnType<typeof createDispatcher>;

beforeAll(async () => {
  writeFileSync(join(dir.path, 'tone.raw'), sineRaw(440, 3));
  writeFileSync(join(dir.path, '.asoundrc'), fileCaptureAsoundrc('pshtone', join(dir.path, 'tone.raw')));
  process.env.HOME = dir.path; // arecord reads ~/.asoundrc
  central = await startCentral({
    starterContent: demoContentPack,
    dataDir: join(dir.path, 'central'),
    demoToken: { token: TOKEN, branchId: 'kutaisi' },
  });
  await createStaffUser(central.db, 'nino', 'responder-password-1', 'responder');
  await createStaffUser(central.db, 'giorgi', 'editor-password-1', 'editor');
  core = createKioskCore(
    KioskConfig.parse({
      kioskId: 'voice-kiosk',
      branchId: 'kutaisi',
      desk: { id: 'desk-1', services: ['id-passport'] },
      central: { url: central.url, enrolmentToken: TOKEN, syncIntervalMs: 3_600_000 },
      starterContent: DEMO_CONTENT_FILE,
      dataDir: join(dir.path, 'kiosk'),
      audio: { inputDevice: 'pshtone' },
    }),
  );
  dispatch = createDispatcher(createKioskHandlers(core));
  await core.sync.syncNow();
});
afterAll(async () => {
  process.env.HOME = savedHome;
  await core.close();
  await central.close();
  dir.remove();
});

const call = async <T>(name: string, args: unknown): Promise<T> => {
  const result = await dispatch(name, args);
  if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
  return result.value as T;
};

describe('feedback with a voice message', () => {
  it('reaches the responder as playable audio, byte for byte, and stays off the public page', async () => {
    const { sessionId } = await call<{ sessionId: string }>('session.start', { language: 'ka' });
    const start = await call<{ started: boolean; recordingId: string }>('recorder.start', { sessionId });
    expect(start.started).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const end = await call<{ reason: string; recording: { audioPath: string; sha256: string } }>('recorder.stop', {
      recordingId: start.recordingId,
    });
    expect(end.reason).toBe('stopped');
    const recorded = readFileSync(join(dir.path, 'kiosk', end.recording.audioPath));
    const saved = await call<{ trackingCode: string }>('feedback.submit', {
      sessionId,
      kind: 'question',
      serviceId: 'id-passport',
      recordingId: start.recordingId,
      consentToContact: false,
    });
    await core.sync.syncNow();

    const row = await central.db.selectFrom('feedback').selectAll().where('code', '=', saved.trackingCode).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ has_voice: 1, message: null, service_id: 'id-passport', branch_id: 'kutaisi' });
    const staff = await signInStaff(central, 'nino', 'responder-password-1');
    if (!isSignedIn(staff)) throw new Error('sign-in failed');
    expect((await staff.page(`/console/feedback/${saved.trackingCode}`)).text).toContain(
      `src="/console/feedback/${saved.trackingCode}/voice.wav"`,
    );
    const audio = await fetch(`${central.url}/console/feedback/${saved.trackingCode}/voice.wav`, { headers: { cookie: staff.cookie } });
    expect(audio.status).toBe(200);
    expect(audio.headers.get('content-type')).toBe('audio/wav');
    const served = Buffer.from(await audio.arrayBuffer());
    expect(createHash('sha256').update(served).digest('hex')).toBe(createHash('sha256').update(recorded).digest('hex'));

    // Not signed in: no audio, just the way to the sign-in page. The public page says there is a voice message, nothing more.
    const anonymous = await fetch(`${central.url}/console/feedback/${saved.trackingCode}/voice.wav`, { redirect: 'manual' });
    expect(anonymous.status).toBe(303);
    const publicPage = await (await fetch(`${central.url}/feedback/${saved.trackingCode}`)).text();
    expect(publicPage).not.toContain('voice.wav');
    expect(publicPage).not.toContain('<audio');
  });

  it('lets a moderator hear a proposal made by voice, byte for byte, and keeps it off the public page', async () => {
    const { sessionId } = await call<{ sessionId: string }>('session.start', { language: 'ka' });
    const start = await call<{ started: boolean; recordingId: string }>('recorder.start', { sessionId });
    expect(start.started).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 800));
    const end = await call<{ recording: { audioPath: string } }>('recorder.stop', { recordingId: start.recordingId });
    const recorded = readFileSync(join(dir.path, 'kiosk', end.recording.audioPath));
    const saved = await call<{ trackingCode: string }>('proposal.submit', {
      sessionId,
      title: 'ბავშვის რეგისტრაცია ონლაინ',
      recordingId: start.recordingId,
    });
    await core.sync.syncNow();

    const editor = await signInStaff(central, 'giorgi', 'editor-password-1');
    if (!isSignedIn(editor)) throw new Error('sign-in failed');
    expect((await editor.page(`/console/proposals/${saved.trackingCode}`)).text).toContain(
      `src="/console/proposals/${saved.trackingCode}/voice.wav"`,
    );
    const audio = await fetch(`${central.url}/console/proposals/${saved.trackingCode}/voice.wav`, { headers: { cookie: editor.cookie } });
    expect(audio.status).toBe(200);
    expect(
      createHash('sha256')
        .update(Buffer.from(await audio.arrayBuffer()))
        .digest('hex'),
    ).toBe(createHash('sha256').update(recorded).digest('hex'));

    // A responder does not moderate proposals; nobody signed out hears it; the public page does not offer it.
    const responder = await signInStaff(central, 'nino', 'responder-password-1');
    if (!isSignedIn(responder)) throw new Error('sign-in failed');
    expect(
      (await fetch(`${central.url}/console/proposals/${saved.trackingCode}/voice.wav`, { headers: { cookie: responder.cookie } })).status,
    ).toBe(403);
    expect((await fetch(`${central.url}/console/proposals/${saved.trackingCode}/voice.wav`, { redirect: 'manual' })).status).toBe(303);
    expect(await (await fetch(`${central.url}/proposals/${saved.trackingCode}`)).text()).not.toContain('voice.wav');
  });

  it('a survey question answered by voice: queued with its recording, heard by staff byte for byte, counted but never published', async () => {
    const { sessionId } = await call<{ sessionId: string }>('session.start', { language: 'ka' });
    const answers = {
      visits: { choice: 'monthly' },
      online: { choice: 'no' },
      priorities: { order: ['online-queue', 'home-delivery', 'mobile-office', 'sign-language', 'evening-hours'] },
      informed: { choices: ['sms'] },
      comment: { voice: true, text: 'და კიდევ ერთი რამ' },
    };
    // Answered by voice without a recording: refused, naming the field; nothing queued.
    const before = core.outbox.counts();
    expect(await dispatch('survey.submit', { sessionId, surveyId: demoSurvey.id, answers })).toMatchObject({
      ok: false,
      error: { field: 'recordings', message: 'question "comment" is answered by voice but has no recording' },
    });
    expect(core.outbox.counts()).toEqual(before);

    const start = await call<{ recordingId: string }>('recorder.start', { sessionId });
    await new Promise((resolve) => setTimeout(resolve, 800));
    const end = await call<{ recording: { audioPath: string } }>('recorder.stop', { recordingId: start.recordingId });
    const recorded = readFileSync(join(dir.path, 'kiosk', end.recording.audioPath));
    await call('survey.submit', { sessionId, surveyId: demoSurvey.id, answers, recordings: { comment: start.recordingId } });
    await core.sync.syncNow();
    expect(core.sync.status()).toMatchObject({ pending: 0, dead: 0 });

    const editor = await signInStaff(central, 'giorgi', 'editor-password-1');
    if (!isSignedIn(editor)) throw new Error('sign-in failed');
    const page = await editor.page(`/console/tallies/surveys/${demoSurvey.id}/answers`);
    expect(page.text).toContain('და კიდევ ერთი რამ');
    const src = /src="(\/console\/answers\/voice\.wav\?[^"]+)"/.exec(page.text)?.[1]?.replaceAll('&amp;', '&');
    expect(src).toBeDefined();
    const audio = await fetch(`${central.url}${src ?? ''}`, { headers: { cookie: editor.cookie } });
    expect(audio.status).toBe(200);
    expect(
      createHash('sha256')
        .update(Buffer.from(await audio.arrayBuffer()))
        .digest('hex'),
    ).toBe(createHash('sha256').update(recorded).digest('hex'));
    expect((await fetch(`${central.url}${src ?? ''}`, { redirect: 'manual' })).status).toBe(303);

    // Published results count written answers and show none of them.
    await editor.post('/console/results', { kind: 'survey', id: demoSurvey.id, nextKa: 'შემდეგ ეტაპზე.' });
    const published = await (await fetch(`${central.url}/results/surveys/${demoSurvey.id}?lang=en`)).text();
    expect(published).toContain('Written answers: 1');
    expect(published).not.toContain('და კიდევ ერთი რამ');
    expect(published).not.toContain('voice.wav');
  });

  it('refuses an over-long message, naming the field, and queues nothing', async () => {
    const { sessionId } = await call<{ sessionId: string }>('session.start', { language: 'en' });
    const before = core.outbox.counts();
    const refused = await dispatch('feedback.submit', {
      sessionId,
      kind: 'complaint',
      serviceId: 'id-passport',
      message: 'x'.repeat(1001),
      consentToContact: false,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'bad-request', field: 'message', message: 'at most 1000 characters' } });
    const noVoiceFile = await dispatch('feedback.submit', {
      sessionId,
      kind: 'complaint',
      serviceId: 'id-passport',
      recordingId: '0190a0a0-0000-7000-8000-000000000000',
      consentToContact: false,
    });
    expect(noVoiceFile).toMatchObject({ ok: false, error: { code: 'not-found', field: 'recordingId' } });
    expect(core.outbox.counts()).toEqual(before);
  });
});
