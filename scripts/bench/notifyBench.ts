import { join } from 'node:path';
import { demoContentPack } from '../../kiosk-config/demo/demoContentPack.js';
import { sealToCentral } from '../../sync/node/sealToCentral.js';
import { smsText } from '../../sync/central/notify/notificationTexts.js';
import { smsSize } from '../../sync/central/notify/smsSegments.js';
import { respond } from '../../sync/central/services/feedback.js';
import { notifySettingsOf } from '../../sync/central/notify/notifySettings.js';
import { startCentral, type RunningCentral } from '../../sync/central/startCentral.js';
import { startSmsCentre } from '../../tests/support/messagePeers.js';
import { makeTempDir } from '../../tests/support/tempDir.js';
import { percentile, round, type BenchResult } from './stats.js';

const DRAINED = 10_000;
const ANSWERS = 30;
/** Noon in Tbilisi: the bench may run at night, when SMS would wait for the morning. */
const NOON_IN_TBILISI = () => new Date('2026-12-07T08:00:00Z');

/** `count` feedback items whose citizens asked to be told at a Georgian mobile number, sealed as a kiosk seals them. */
async function seedAskingFeedback(central: RunningCentral, dataDir: string, count: number, prefix: string): Promise<string[]> {
  const { loadSealingKey } = await import('../../sync/central/services/sealingKey.js');
  const publicKey = loadSealingKey(dataDir).publicKeyPem;
  const now = new Date().toISOString();
  const codes = Array.from({ length: count }, (_, index) => `${prefix}${String(index).padStart(6, '0')}`.slice(-8));
  for (let start = 0; start < codes.length; start += 500)
    await central.db
      .insertInto('feedback')
      .values(
        codes.slice(start, start + 500).map((code, offset) => ({
          code,
          source: 'demo' as const,
          device_id: null,
          submission_id: null,
          branch_id: 'zugdidi',
          service_id: 'civil-registry',
          kind: 'complaint',
          message: 'bench',
          language: 'ka',
          has_voice: 0,
          contact_sealed: sealToCentral(`+9955${String(10_000_000 + start + offset).slice(-8)}`, publicKey),
          consent_to_contact: 1,
          notify: 1,
          contact_key: null,
          resolved: null,
          claimed_at: now,
          clock_start_at: now,
          received_at: now,
          offline_delay_sec: 0,
          due_at: now,
          current_due_at: now,
          status: 'received' as const,
          team: null,
          first_answered_at: null,
          last_answered_at: null,
          closed_at: null,
          reopened_count: 0,
          updated_at: now,
        })),
      )
      .execute();
  return codes;
}

/**
 * notify.drain_s_10k: 10,000 queued "received" SMS drained through a real
 * SMPP centre on loopback, duplicates counted at the centre (goal 0).
 * notify.delay_p95_s: from a staff answer's commit to the centre's receipt of
 * its SMS, with the sender at its production interval (1 s).
 * notify.segments_answer_ka: the Georgian answer SMS with PSH's link.
 */
export async function benchNotify(): Promise<BenchResult[]> {
  const dir = makeTempDir('bench-notify');
  const centre = await startSmsCentre({ systemId: 'psh', password: 'bench' });
  const dataDir = join(dir.path, 'central');
  const central = await startCentral({
    dataDir,
    starterContent: demoContentPack,
    notify: { ...notifySettingsOf({ smppUrl: centre.url, smsSender: 'PSH', intervalMs: 1_000 }), now: NOON_IN_TBILISI },
  });
  try {
    const notifier = central.notifier;
    if (!notifier) throw new Error('no notifier');
    const drainCodes = await seedAskingFeedback(central, dataDir, DRAINED, 'D');
    const started = performance.now();
    while (centre.messages.length < DRAINED && performance.now() - started < 300_000) await notifier.tick();
    const drainS = (performance.now() - started) / 1000;
    const perCode = new Map<string, number>();
    for (const message of centre.messages) {
      const code = drainCodes.find((candidate) => message.text.includes(candidate));
      if (code) perCode.set(code, (perCode.get(code) ?? 0) + 1);
    }
    const duplicated = [...perCode.values()].filter((n) => n > 1).length;
    const missing = DRAINED - perCode.size;
    console.log(
      `notify: ${String(DRAINED)} SMS drained in ${drainS.toFixed(1)} s, ${String(duplicated)} duplicated, ${String(missing)} missing`,
    );

    const answerCodes = await seedAskingFeedback(central, dataDir, ANSWERS, 'A');
    await notifier.tick();
    const delays: number[] = [];
    for (const code of answerCodes) {
      const before = centre.messages.length;
      await respond(central.db, code, 'Fixed.', 'bench');
      const committed = performance.now();
      while (centre.messages.length === before && performance.now() - committed < 30_000)
        await new Promise((resolve) => setTimeout(resolve, 10));
      delays.push((performance.now() - committed) / 1000);
    }
    const answerKa = smsText({ kind: 'feedback-answered', code: 'ABCD1234', language: 'ka', link: 'https://psh.gov.ge/feedback/ABCD1234' });
    return [
      { name: 'notify.drain_s_10k', value: round(drainS, 1), unit: 's', limit: 60, direction: 'max' },
      { name: 'notify.duplicated', value: duplicated + missing, unit: 'messages', limit: 0, direction: 'max' },
      { name: 'notify.delay_p95_s', value: round(percentile(delays, 95), 2), unit: 's', limit: 5, direction: 'max' },
      { name: 'notify.segments_answer_ka', value: smsSize(answerKa).segments, unit: 'segments', limit: 2, direction: 'max' },
    ];
  } finally {
    await central.close();
    await centre.close();
    dir.remove();
  }
}
