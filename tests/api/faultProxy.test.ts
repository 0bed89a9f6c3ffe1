import { DEMO_CONTENT_FILE } from '../../kiosk-config/demo/demoContentFile.js';
import { demoContentPack } from '../../kiosk-config/demo/demoContentPack.js';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KioskConfig } from '../../kiosk-config/schema.js';
import { createKioskCore } from '../../src-main/core/kioskCore.js';
import { payloadSha256 } from '../../src-main/core/outbox/payloadHash.js';
import { startCentral } from '../support/testCentral.js';
import type { RunningCentral } from '../../sync/central/startCentral.js';
import { startFaultProxy, type FaultProxy } from '../support/faultProxy.js';
import { makeTempDir } from '../support/tempDir.js';

// 5,000 submissions, 50 with voice files, through a proxy that injects faults on a seeded
// schedule. All traffic on 127.0.0.1; the delivery loop is bounded in rounds and time.
const SUBMISSIONS = 5000;
const WITH_FILES = 50;
const TOKEN = 'fault-proxy-enrolment-token-000';
const dir = makeTempDir('fault-proxy');
let central: RunningCentral;
let proxy: FaultProxy;
afterAll(async () => {
  await proxy.close();
  await central.close();
  dir.remove();
});

describe('sync through a faulty network', () => {
  it(
    `delivers ${SUBMISSIONS} submissions and ${WITH_FILES} voice files exactly once, hashes matching`,
    { timeout: 10 * 60_000 },
    async () => {
      central = await startCentral({
        starterContent: demoContentPack,
        dataDir: join(dir.path, 'central'),
        demoToken: { token: TOKEN, branchId: 'b' },
      });
      const seed = Number(process.env.FAULT_SEED ?? 7);
      proxy = await startFaultProxy(Number(new URL(central.url).port), { seed, faultRate: 0.25 });
      const core = createKioskCore(
        KioskConfig.parse({
          kioskId: 'k',
          branchId: 'b',
          desk: { id: 'd', services: ['civil-registry'] },
          central: { url: proxy.url, enrolmentToken: TOKEN, backoffBaseMs: 50, backoffCapMs: 200, healthProbeMs: 100 },
          starterContent: DEMO_CONTENT_FILE,
          dataDir: join(dir.path, 'kiosk'),
        }),
      );
      const recordings = join(dir.path, 'kiosk', 'recordings');
      mkdirSync(recordings, { recursive: true });
      const expected = new Map<string, string>();
      const files = new Map<string, string>();
      for (let i = 0; i < SUBMISSIONS; i += 1) {
        const payload = {
          type: 'rating' as const,
          serviceId: 'civil-registry',
          deskId: 'd',
          score: (i % 5) + 1,
          language: 'ka' as const,
          comment: `#${i}`,
        };
        let attachments;
        if (i % (SUBMISSIONS / WITH_FILES) === 0) {
          const bytes = randomBytes(150_000 + (i % 7) * 10_000);
          const path = join(recordings, `${i}.wav`);
          writeFileSync(path, bytes);
          const sha256 = createHash('sha256').update(bytes).digest('hex');
          attachments = [{ name: 'voice.wav', path, size: bytes.length, sha256, contentType: 'audio/wav' as const }];
        }
        const saved = core.enqueue({ payload, sessionId: null, contentVersion: 1, ...(attachments ? { attachments } : {}) });
        expected.set(saved.id, payloadSha256(payload));
        if (attachments?.[0]) files.set(saved.id, attachments[0].sha256);
      }

      const filesLeft = () => core.db.prepare('SELECT count(*) FROM attachments WHERE uploaded_at IS NULL').pluck().get() as number;
      const started = Date.now();
      let rounds = 0;
      while ((core.sync.status().pending > 0 || filesLeft() > 0) && rounds < 2000 && Date.now() - started < 8 * 60_000) {
        await core.sync.syncNow();
        rounds += 1;
      }
      console.log(`fault proxy (seed ${seed}): ${rounds} rounds, faults ${JSON.stringify(proxy.counts)}`);
      expect(core.sync.status()).toMatchObject({ pending: 0, dead: 0 });
      expect(filesLeft()).toBe(0);

      const rows = await central.db.selectFrom('submissions').select(['id', 'payload_sha256', 'attachments_pending']).execute();
      expect(rows).toHaveLength(SUBMISSIONS);
      for (const row of rows) expect(row.payload_sha256).toBe(expected.get(row.id));
      expect(rows.every((row) => row.attachments_pending === 0)).toBe(true);
      const stored = await central.db.selectFrom('submission_attachments').select(['submission_id', 'sha256', 'upload_id']).execute();
      expect(stored).toHaveLength(WITH_FILES);
      for (const file of stored) {
        expect(file.sha256).toBe(files.get(file.submission_id));
        const bytes = readFileSync(join(dir.path, 'central', 'uploads', file.upload_id ?? ''));
        expect(createHash('sha256').update(bytes).digest('hex')).toBe(file.sha256);
      }
      expect(Object.values(proxy.counts).reduce((a, b) => a + b, 0) - proxy.counts.pass).toBeGreaterThan(20);
      await core.close();
    },
  );
});
