import { DEMO_CONTENT_FILE } from '../../kiosk-config/demo/demoContentFile.js';
import { demoContentPack } from '../../kiosk-config/demo/demoContentPack.js';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KioskConfig } from '../../kiosk-config/schema.js';
import { readDeviceIdentity } from '../../src-main/core/device/deviceIdentity.js';
import { loadOrCreateDeviceKey } from '../../src-main/core/device/deviceKey.js';
import { createKioskCore, type KioskCore } from '../../src-main/core/kioskCore.js';
import { createRequestSigner, UNSIGNED_BODY } from '../../src-main/core/sync-client/requestSigner.js';
import { startCentral } from '../support/testCentral.js';
import type { RunningCentral } from '../../sync/central/startCentral.js';
import { makeTempDir } from '../support/tempDir.js';

// Voice-message files from a real kiosk core to a real Central over tus, on loopback.
const TOKEN = 'attachments-test-enrolment-token';
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup() {
  const dir = makeTempDir('attachments');
  cleanups.push(dir.remove);
  const central: RunningCentral = await startCentral({
    starterContent: demoContentPack,
    dataDir: join(dir.path, 'central'),
    demoToken: { token: TOKEN, branchId: 'b' },
  });
  cleanups.push(() => central.close());
  const core: KioskCore = createKioskCore(
    KioskConfig.parse({
      kioskId: 'k',
      branchId: 'b',
      desk: { id: 'd', services: ['civil-registry'] },
      central: { url: central.url, enrolmentToken: TOKEN },
      starterContent: DEMO_CONTENT_FILE,
      dataDir: join(dir.path, 'kiosk'),
    }),
  );
  cleanups.push(() => core.close());
  await core.sync.syncNow(); // enrolled
  const recording = (bytes: Buffer, declaredSha = createHash('sha256').update(bytes).digest('hex')) => {
    const folder = join(core.config.dataDir, 'recordings');
    mkdirSync(folder, { recursive: true });
    const path = join(folder, `${randomBytes(4).toString('hex')}.wav`);
    writeFileSync(path, bytes);
    return core.enqueue({
      payload: { type: 'rating', serviceId: 'civil-registry', deskId: 'd', score: 3, language: 'ka' },
      sessionId: null,
      contentVersion: 1,
      attachments: [{ name: 'voice.wav', path, size: bytes.length, sha256: declaredSha, contentType: 'audio/wav' }],
    });
  };
  const centralFile = async (submissionId: string) =>
    central.db
      .selectFrom('submission_attachments')
      .innerJoin('submissions', 'submissions.id', 'submission_attachments.submission_id')
      .select(['submission_attachments.upload_id', 'submission_attachments.received_at', 'submissions.attachments_pending'])
      .where('submission_id', '=', submissionId)
      .executeTakeFirstOrThrow();
  return { core, central, recording, centralFile, uploadDir: join(dir.path, 'central', 'uploads') };
}

describe('attachments over tus', () => {
  it('uploads a declared file; Central completes the submission only when the sha256 matches', async () => {
    const { core, recording, centralFile, uploadDir } = await setup();
    const bytes = randomBytes(2_500_000); // several 1 MiB chunks
    const saved = recording(bytes);
    await core.sync.syncNow();
    const row = await centralFile(saved.id);
    expect(row.attachments_pending).toBe(0);
    expect(row.received_at).not.toBeNull();
    const stored = readFileSync(join(uploadDir, row.upload_id ?? ''));
    expect(createHash('sha256').update(stored).digest('hex')).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(core.db.prepare('SELECT uploaded_at FROM attachments WHERE submission_id = ?').pluck().get(saved.id)).not.toBeNull();
  });

  it('refuses a file whose bytes do not match the declared sha256, and keeps the submission incomplete', async () => {
    const { core, recording, centralFile } = await setup();
    const saved = recording(randomBytes(10_000), '0'.repeat(64));
    await core.sync.syncNow();
    expect(core.sync.status().state).toBe('offline');
    expect(core.sync.status().lastError).toMatch(/Upload interrupted/);
    const row = await centralFile(saved.id);
    expect(row.attachments_pending).toBe(1);
    expect(row.received_at).toBeNull();
    expect(core.db.prepare('SELECT upload_url FROM attachments WHERE submission_id = ?').pluck().get(saved.id)).toBeNull();
  });

  it('resumes a cut upload from the offset Central holds, in the same upload', async () => {
    const { core, central, recording, centralFile } = await setup();
    const bytes = randomBytes(300_000);
    const saved = recording(bytes);
    // Push the submission but cut its file after the first half, the way a dropped link would.
    core.db.prepare("UPDATE attachments SET uploaded_at = 'hold' WHERE submission_id = ?").run(saved.id);
    await core.sync.syncNow();
    const identity = readDeviceIdentity(core.config.dataDir);
    const sign = createRequestSigner(identity?.deviceId ?? '', loadOrCreateDeviceKey(core.config.dataDir));
    const meta = (pairs: Record<string, string>) =>
      Object.entries(pairs)
        .map(([k, v]) => `${k} ${Buffer.from(v).toString('base64')}`)
        .join(',');
    const created = await fetch(`${central.url}/api/kiosk/uploads`, {
      method: 'POST',
      headers: {
        'tus-resumable': '1.0.0',
        'upload-length': String(bytes.length),
        'upload-metadata': meta({
          submissionId: saved.id,
          name: 'voice.wav',
          sha256: createHash('sha256').update(bytes).digest('hex'),
          contentType: 'audio/wav',
        }),
        ...sign('POST', '/api/kiosk/uploads', UNSIGNED_BODY),
      },
    });
    expect(created.status).toBe(201);
    const location = created.headers.get('location') ?? '';
    const path = new URL(location).pathname;
    const half = await fetch(location, {
      method: 'PATCH',
      headers: {
        'tus-resumable': '1.0.0',
        'upload-offset': '0',
        'content-type': 'application/offset+octet-stream',
        ...sign('PATCH', path, UNSIGNED_BODY),
      },
      body: bytes.subarray(0, 150_000),
    });
    expect(half.status).toBe(204);
    core.db.prepare('UPDATE attachments SET uploaded_at = NULL, upload_url = ? WHERE submission_id = ?').run(location, saved.id);

    await core.sync.syncNow();
    const row = await centralFile(saved.id);
    expect(row.attachments_pending).toBe(0);
    expect(location.endsWith(row.upload_id ?? 'none')).toBe(true);
  });
});
