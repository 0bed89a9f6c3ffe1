import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previousVersionOf } from '../../kiosk-config/writeConfig.js';
import type { AppInfo, AudioInput, RecordingEnd, RecordingStart, TechnicianEntry } from '../../src-main/api/contract.js';
import { TECHNICIAN_IDLE_MS } from '../../src-main/core/technician/technicianVisits.js';
import { createEnrolmentToken, revokeDevice } from '../../sync/central/services/enrolment.js';
import { fileCaptureAsoundrc, sineRaw } from '../support/audioAnalysis.js';
import { startKioskWithCentral, type KioskWithCentral } from '../support/kioskWithCentral.js';
import { makeTempDir } from '../support/tempDir.js';

// Technician mode through the kiosk's API (issue #17), as the technician screens call it: a real kiosk core
// loaded from its config file, enrolled with a real Central. The USB stick is real in the way that matters:
// the kiosk knows a stick by its folder being on another filesystem than the mount root, and here the
// "stick" is a folder on /dev/shm (tmpfs) linked under the test's mount root. Time passing (the lockout,
// three idle minutes) is simulated by moving the stored times back; a test cannot wait for them.
const dir = makeTempDir('technician-mode');
const PIN = '735104';
const mediaRoot = join(dir.path, 'media');
const stick = `/dev/shm/psh-technician-test-${String(process.pid)}`;
let kiosk: KioskWithCentral;

beforeAll(async () => {
  mkdirSync(mediaRoot, { recursive: true });
  mkdirSync(stick, { recursive: true });
  symlinkSync(stick, join(mediaRoot, 'PSH-STICK'));
  kiosk = await startKioskWithCentral(dir.path, { kioskId: 'tech-kiosk', branchId: 'rustavi', technicianPin: PIN, mediaDirs: [mediaRoot] });
});
afterAll(async () => {
  await kiosk.close();
  rmSync(stick, { recursive: true, force: true });
  dir.remove();
});

const enter = async (pin = PIN) => kiosk.value<TechnicianEntry>(await kiosk.call('technician.enter', { pin }));
const opened = async () => {
  const entry = await enter();
  if (!entry.entered) throw new Error(`technician mode refused: ${entry.reason}`);
  return entry.technicianId;
};
const visitAlerts = () =>
  kiosk.core.db
    .prepare<[], { detail_json: string; sent_at: string | null }>("SELECT detail_json, sent_at FROM alerts WHERE kind = 'technician-visit'")
    .all()
    .map((row) => ({ ...(JSON.parse(row.detail_json) as { endReason: string; changes: string[] }), sent: row.sent_at !== null }));
const deviceIdAtCentral = async () =>
  (
    await kiosk.central.db
      .selectFrom('devices')
      .select('id')
      .where('kiosk_id', '=', 'tech-kiosk')
      .where('revoked_at', 'is', null)
      .orderBy('enrolled_at', 'desc')
      .executeTakeFirstOrThrow()
  ).id;

describe('technician mode', () => {
  it('refuses a wrong PIN four times, locks on the fifth, and then does not even check the right one until the lockout ends', async () => {
    const answers = [];
    for (let attempt = 0; attempt < 5; attempt += 1) answers.push(await enter('000000'));
    expect(answers.slice(0, 4)).toEqual([4, 3, 2, 1].map((triesLeft) => ({ entered: false, reason: 'refused', triesLeft })));
    expect(answers[4]).toMatchObject({ entered: false, reason: 'locked' });
    expect(await enter()).toMatchObject({ entered: false, reason: 'locked' });
    // The minute passes.
    kiosk.core.db.prepare('UPDATE technician_lockout SET locked_until = ?').run(new Date(Date.now() - 1000).toISOString());
    expect(await enter()).toMatchObject({ entered: true, idleSec: TECHNICIAN_IDLE_MS / 1000 });
  });

  it('answers technician calls only within the open visit: not another id, not after leaving, not after three idle minutes', async () => {
    const stranger = await kiosk.call('technician.diagnostics', { technicianId: '00000000-0000-4000-8000-000000000000' });
    expect(stranger).toMatchObject({ ok: false, error: { code: 'not-found', field: 'technicianId' } });

    const left = await opened();
    await kiosk.call('technician.leave', { technicianId: left, reason: 'left' });
    expect(await kiosk.call('technician.settings', { technicianId: left })).toMatchObject({ ok: false, error: { field: 'technicianId' } });

    const idle = await opened();
    kiosk.core.db
      .prepare('UPDATE technician_visits SET last_active_at = ? WHERE id = ?')
      .run(new Date(Date.now() - TECHNICIAN_IDLE_MS - 1000).toISOString(), idle);
    const afterIdle = await kiosk.call('technician.settings', { technicianId: idle });
    expect(afterIdle).toMatchObject({ ok: false, error: { code: 'not-found', field: 'technicianId' } });
    expect(afterIdle.ok ? '' : afterIdle.error.message).toMatch(/idle/);
    expect(visitAlerts().map((visit) => visit.endReason)).toEqual(expect.arrayContaining(['replaced', 'left', 'idle']));
  });

  it('saves settings to the config file and applies them at once: a visitor’s open session and queued submission go on', async () => {
    const visitor = await kiosk.session();
    kiosk.value(await kiosk.call('rating.submit', { sessionId: visitor, serviceId: 'civil-registry', score: 5 }));
    const before = readFileSync(join(dir.path, 'kiosk.json'), 'utf8');
    const technicianId = await opened();

    const saved = kiosk.value<{ changed: string[]; info: AppInfo }>(
      await kiosk.call('technician.saveSettings', {
        technicianId,
        change: { idleTimeoutSec: 120, languages: ['ka', 'en'], deskId: 'desk-9', inputDevice: 'pshtone' },
      }),
    );
    expect(saved.changed.sort()).toEqual(['deskId', 'idleTimeoutSec', 'inputDevice', 'languages']);
    expect(saved.info).toMatchObject({ idleTimeoutSec: 120, languages: ['ka', 'en'], deskId: 'desk-9' });
    expect(kiosk.value<AppInfo>(await kiosk.call('app.info', undefined))).toMatchObject({ idleTimeoutSec: 120, deskId: 'desk-9' });
    const file = JSON.parse(readFileSync(join(dir.path, 'kiosk.json'), 'utf8')) as { idleTimeoutSec: number; desk: { id: string } };
    expect(file).toMatchObject({ idleTimeoutSec: 120, desk: { id: 'desk-9' } });
    expect(readFileSync(previousVersionOf(join(dir.path, 'kiosk.json')), 'utf8')).toBe(before);

    // The same visitor goes on, and their next rating is from the new desk.
    kiosk.value(await kiosk.call('rating.submit', { sessionId: visitor, serviceId: 'civil-registry', score: 4 }));
    await kiosk.core.sync.syncNow();
    const stored = await kiosk.central.db
      .selectFrom('submissions')
      .select(['payload_json'])
      .where('device_id', '=', await deviceIdAtCentral())
      .execute();
    const desks = stored.map((row) => (JSON.parse(row.payload_json) as { deskId?: string }).deskId);
    expect(desks.sort()).toEqual(['desk-1', 'desk-9']);
    await kiosk.call('technician.leave', { technicianId, reason: 'left' });
  });

  it('refuses a wrong value naming the setting, and writes nothing', async () => {
    const technicianId = await opened();
    const before = readFileSync(join(dir.path, 'kiosk.json'), 'utf8');
    expect(await kiosk.call('technician.saveSettings', { technicianId, change: { idleTimeoutSec: 5 } })).toMatchObject({
      ok: false,
      error: { code: 'bad-request', field: 'idleTimeoutSec' },
    });
    expect(await kiosk.call('technician.saveSettings', { technicianId, change: { defaultLanguage: 'ru' } })).toMatchObject({
      ok: false,
      error: { code: 'bad-request', field: 'defaultLanguage' },
    });
    expect(await kiosk.call('technician.saveSettings', { technicianId, change: { speechRate: 'fast' } })).toMatchObject({
      ok: false,
      error: { code: 'bad-request', field: 'change.speechRate' },
    });
    expect(readFileSync(join(dir.path, 'kiosk.json'), 'utf8')).toBe(before);
    expect(kiosk.value<AppInfo>(await kiosk.call('app.info', undefined)).idleTimeoutSec).toBe(120);
    await kiosk.call('technician.leave', { technicianId, reason: 'left' });
  });

  it('lists the microphones ALSA knows and records from the chosen one; leaving deletes the test recording', async () => {
    // No microphone here: ALSA's file device reads a 440 Hz tone, as a microphone would be read.
    writeFileSync(join(dir.path, 'tone.raw'), sineRaw(440, 3));
    writeFileSync(
      join(dir.path, '.asoundrc'),
      fileCaptureAsoundrc('pshtone', join(dir.path, 'tone.raw')).replace(/\}\n$/, '  hint { show on description "Test tone" }\n}\n'),
    );
    const home = process.env.HOME;
    process.env.HOME = dir.path;
    try {
      const technicianId = await opened();
      const inputs = kiosk.value<AudioInput[]>(await kiosk.call('technician.audioInputs', { technicianId }));
      expect(inputs).toContainEqual({ name: 'pshtone', description: 'Test tone' });
      expect(inputs.map((input) => input.name)).not.toContain('null');

      const start = kiosk.value<RecordingStart>(await kiosk.call('technician.microphoneTest', { technicianId }));
      if (!start.started) throw new Error(start.message);
      await new Promise((resolve) => setTimeout(resolve, 1200));
      const end = kiosk.value<RecordingEnd>(await kiosk.call('recorder.stop', { recordingId: start.recordingId }));
      if (end.reason === 'failed') throw new Error(end.message);
      expect(end.recording.durationMs).toBeGreaterThan(800);
      const file = join(kiosk.core.config.dataDir, end.recording.audioPath);
      expect(readFileSync(file).length).toBeGreaterThan(20_000);
      await kiosk.call('technician.leave', { technicianId, reason: 'left' });
      expect(() => readFileSync(file)).toThrow(/ENOENT/);
    } finally {
      process.env.HOME = home;
    }
  });

  it('re-enrols a revoked kiosk from a token on a USB stick, keeping its queue, and exports dead letters to the stick', async () => {
    await revokeDevice(kiosk.central.db, await deviceIdAtCentral());
    const visitor = await kiosk.session();
    kiosk.value(await kiosk.call('rating.submit', { sessionId: visitor, serviceId: 'civil-registry', score: 2 }));
    await kiosk.core.sync.syncNow();
    expect(kiosk.core.sync.status()).toMatchObject({ state: 'needs-enrolment', pending: 1 });

    const { token } = await createEnrolmentToken(kiosk.central.db, 'rustavi', 1);
    writeFileSync(join(stick, 'psh-enrolment-token.txt'), `${token}\n`);
    const technicianId = await opened();
    const media = kiosk.value<{ media: { label: string }[]; tokens: { medium: string; token: string }[] }>(
      await kiosk.call('technician.media', { technicianId }),
    );
    expect(media.media.map((medium) => medium.label)).toEqual(['PSH-STICK']);
    expect(media.tokens).toEqual([{ medium: 'PSH-STICK', token }]);

    const before = kiosk.value<{ deviceId: string | null }>(await kiosk.call('technician.enrolment', { technicianId }));
    const enrolled = kiosk.value<{ status: { state: string; pending: number }; deviceId: string | null }>(
      await kiosk.call('technician.enrol', { technicianId, token }),
    );
    expect(enrolled.status).toMatchObject({ state: 'idle', pending: 0 });
    // The screen shows the new device id, the one Central now knows this kiosk by.
    expect(enrolled.deviceId).toBe(await deviceIdAtCentral());
    expect(enrolled.deviceId).not.toBe(before.deviceId);
    const delivered = await kiosk.central.db
      .selectFrom('submissions')
      .select('payload_json')
      .where('device_id', '=', await deviceIdAtCentral())
      .execute();
    expect(delivered).toHaveLength(1);

    kiosk.core.db.prepare("UPDATE outbox SET state = 'dead', last_error = 'rejected: test'").run();
    const exported = kiosk.value<{ file: string; count: number }>(
      await kiosk.call('technician.exportDeadLetters', { technicianId, medium: 'PSH-STICK' }),
    );
    expect(exported.file.startsWith(join(mediaRoot, 'PSH-STICK'))).toBe(true);
    expect((JSON.parse(readFileSync(exported.file, 'utf8')) as unknown[]).length).toBe(exported.count);
    expect(exported.count).toBeGreaterThan(0);
    // Not a stick: a plain folder under the mount root (an unplugged stick's leftover) is never written to.
    mkdirSync(join(mediaRoot, 'EMPTY'));
    expect(await kiosk.call('technician.exportDeadLetters', { technicianId, medium: 'EMPTY' })).toMatchObject({
      ok: false,
      error: { code: 'not-found', field: 'medium' },
    });
    await kiosk.call('technician.leave', { technicianId, reason: 'left' });
  });

  it('sends each finished visit to Central once: on the kiosk’s fleet page and in the public record as "kiosk serviced"', async () => {
    await kiosk.core.sync.syncNow();
    await kiosk.core.sync.syncNow();
    expect(visitAlerts().every((visit) => visit.sent)).toBe(true);
    const deviceId = await deviceIdAtCentral();
    const serviced = async () =>
      (await kiosk.central.db.selectFrom('record_entries').select('entry').execute())
        .map(
          (row) => JSON.parse(Buffer.from(row.entry).toString('utf8')) as { kind: string; subject: string; detail: { changes: string[] } },
        )
        .filter((entry) => entry.kind === 'kiosk.serviced');
    // Every visit of this test, each once.
    expect(await serviced()).toHaveLength(visitAlerts().length);
    // Central's answer to those heartbeats was lost: the kiosk sends every visit again, and the record stays as it was.
    kiosk.core.db.prepare("UPDATE alerts SET sent_at = NULL WHERE kind = 'technician-visit'").run();
    await kiosk.core.sync.syncNow();
    expect(await serviced()).toHaveLength(visitAlerts().length);
    const last = (await serviced()).at(-1);
    expect(last?.subject).toBe(deviceId);
    expect(last?.detail.changes).toEqual(['enrolment', 'dead-letters:exported']);

    const admin = await kiosk.signedInAdmin('fleet-admin');
    const page = await admin.page(`/console/fleet/${deviceId}`);
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/Technician visits|ტექნიკოსის ვიზიტები/);
    expect(page.text).toContain('enrolment, dead-letters:exported');
  });

  it('reads a token only from a regular file on the stick: not through a symlink, not from a FIFO, not from a huge file', async () => {
    const technicianId = await opened();
    const tokenFile = join(stick, 'psh-enrolment-token.txt');
    const tokensNow = async () =>
      kiosk.value<{ tokens: { medium: string; token: string }[] }>(await kiosk.call('technician.media', { technicianId })).tokens;
    // A file outside the stick, holding what looks like a token, linked from the stick.
    const outside = join(dir.path, 'outside-secret.txt');
    writeFileSync(outside, 'secret-line-that-looks-like-a-token\n');
    rmSync(tokenFile, { force: true });
    symlinkSync(outside, tokenFile);
    expect(await tokensNow()).toEqual([]);
    rmSync(tokenFile);
    // A FIFO would block a plain read forever: the call must answer at once, with no token.
    execFileSync('mkfifo', [tokenFile]);
    expect(await tokensNow()).toEqual([]);
    rmSync(tokenFile);
    writeFileSync(tokenFile, `${'x'.repeat(40)}\n${'y'.repeat(10_000)}`);
    expect(await tokensNow()).toEqual([]);
    // The same token as a plain small file is offered.
    writeFileSync(tokenFile, `${'z'.repeat(40)}\n`);
    expect(await tokensNow()).toEqual([{ medium: 'PSH-STICK', token: 'z'.repeat(40) }]);
    await kiosk.call('technician.leave', { technicianId, reason: 'left' });
  });

  it('keeps its enrolment through every refused token and says why: unknown, used, expired, another branch, Central unreachable', async () => {
    const technicianId = await opened();
    const deviceBefore = await deviceIdAtCentral();
    const keyFile = join(dir.path, 'kiosk', 'device-key.pem');
    const keyBefore = readFileSync(keyFile, 'utf8');
    const used = (await createEnrolmentToken(kiosk.central.db, 'rustavi', 1)).token;
    await kiosk.central.db.updateTable('enrolment_tokens').set({ used_at: new Date().toISOString() }).execute();
    const tries: Array<{ token: string; refusal: string }> = [
      { token: 'not-a-token-anyone-issued-0000', refusal: 'unknown-token' },
      { token: used, refusal: 'token-used' },
      { token: (await createEnrolmentToken(kiosk.central.db, 'rustavi', -1)).token, refusal: 'token-expired' },
      { token: (await createEnrolmentToken(kiosk.central.db, 'batumi', 1)).token, refusal: 'wrong-branch' },
    ];
    const enrolWith = async (token: string) =>
      kiosk.value<{ status: { state: string }; deviceId: string | null; refusal: string | null }>(
        await kiosk.call('technician.enrol', { technicianId, token }),
      );
    const deliversARating = async () => {
      const visitor = await kiosk.session();
      kiosk.value(await kiosk.call('rating.submit', { sessionId: visitor, serviceId: 'civil-registry', score: 4 }));
      await kiosk.core.sync.syncNow();
      return kiosk.core.sync.status();
    };
    for (const attempt of tries) {
      const answer = await enrolWith(attempt.token);
      expect(answer).toMatchObject({ refusal: attempt.refusal, deviceId: deviceBefore });
      expect(await deliversARating()).toMatchObject({ state: 'idle', pending: 0 });
    }
    // The batumi token was not spent by the refusal: Rustavi's kiosk cannot take it, Batumi's still can.
    expect(
      await kiosk.central.db.selectFrom('enrolment_tokens').select('used_at').where('branch_id', '=', 'batumi').executeTakeFirst(),
    ).toEqual({
      used_at: null,
    });
    // Central down for the moment: no answer at all is a refusal too, and nothing changes.
    const server = kiosk.central.app.server;
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    const good = (await createEnrolmentToken(kiosk.central.db, 'rustavi', 1)).token;
    expect(await enrolWith(good)).toMatchObject({ refusal: 'unreachable', deviceId: deviceBefore });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
    expect(await deliversARating()).toMatchObject({ state: 'idle', pending: 0 });
    expect(readFileSync(keyFile, 'utf8')).toBe(keyBefore);
    expect(readdirSync(join(dir.path, 'kiosk')).filter((name) => name.includes('.next'))).toEqual([]);
    // And the same token, once Central answers, switches to a new identity.
    const switched = await enrolWith(good);
    expect(switched).toMatchObject({ refusal: null, status: { state: 'idle' } });
    expect(switched.deviceId).toBe(await deviceIdAtCentral());
    expect(switched.deviceId).not.toBe(deviceBefore);
    expect(readFileSync(keyFile, 'utf8')).not.toBe(keyBefore);
    await kiosk.call('technician.leave', { technicianId, reason: 'left' });
  });
});
