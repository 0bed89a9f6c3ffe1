import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { FEEDBACK_KINDS } from '../../sync/protocol/feedbackKinds.js';
import { newTrackingCode } from '../../sync/protocol/trackingCode.js';
import { buildCentralApp } from '../../sync/central/centralApp.js';
import { openCentralDb, sqliteHandleOf } from '../../sync/central/db/openCentralDb.js';
import { publishContentPack } from '../../sync/central/services/content.js';
import { openRecordSigner } from '../../sync/central/services/record/recordSigner.js';
import { loadSealingKey } from '../../sync/central/services/sealingKey.js';
import { loadVoterKey } from '../../sync/central/services/voterKey.js';
import { createStaffUser, signIn } from '../../sync/central/services/staffAuth.js';
import { demoContentPack } from '../../kiosk-config/demo/demoContentPack.js';
import { makeTempDir } from '../../tests/support/tempDir.js';
import { median, percentile, round, type BenchResult } from './stats.js';

const ITEMS = 100_000;
const RUNS = 30;
const BRANCHES = [
  'tbilisi-central',
  'tbilisi-saburtalo',
  'batumi',
  'kutaisi',
  'rustavi',
  'zugdidi',
  'gori',
  'telavi',
  'poti',
  'akhaltsikhe',
];
const STATUSES = ['received', 'in-review', 'answered', 'closed', 'reopened'] as const;

/**
 * central.inbox_ms_100k: the staff inbox's first page (soonest deadline first,
 * filtered by branch, open items only), rendered by Central for a signed-in
 * responder, over 100,000 feedback items. Timed at the server (Fastify inject:
 * routing, session check, queries and HTML), median of 30 after a warm-up.
 */
export async function benchInbox(): Promise<BenchResult[]> {
  const dir = makeTempDir('bench-inbox');
  const db = await openCentralDb(dir.path);
  try {
    await publishContentPack(db, demoContentPack);
    const services = demoContentPack.services.map((service) => service.id);
    const sqlite = sqliteHandleOf(db);
    const insert = sqlite.prepare(
      `INSERT INTO feedback (code, source, branch_id, service_id, kind, message, language, claimed_at, clock_start_at, received_at, offline_delay_sec, due_at, current_due_at, status, updated_at)
       VALUES (?, 'demo', ?, ?, ?, ?, 'ka', ?, ?, ?, 0, ?, ?, ?, ?)`,
    );
    const now = Date.now();
    sqlite.transaction(() => {
      for (let i = 0; i < ITEMS; i += 1) {
        const start = new Date(now - (i % 4000) * 3_600_000 - i * 1000).toISOString();
        const due = new Date(Date.parse(start) + 86_400_000).toISOString();
        insert.run(
          newTrackingCode(),
          BRANCHES[i % BRANCHES.length],
          services[i % services.length],
          FEEDBACK_KINDS[i % 4],
          `message ${i}`,
          start,
          start,
          start,
          due,
          due,
          STATUSES[Math.floor(i / 10) % 5],
          start,
        );
      }
    })();
    sqlite.pragma('optimize');
    await createStaffUser(db, 'bench', 'bench-password-123', 'responder');
    const session = await signIn(db, 'bench', 'bench-password-123');
    if (!session) throw new Error('bench sign-in failed');
    const app = await buildCentralApp({
      db,
      uploadDir: join(dir.path, 'uploads'),
      sealingKey: loadSealingKey(dir.path),
      voterKeyOf: loadVoterKey(dir.path),
      recordSigner: await openRecordSigner(db, dir.path),
    });
    const page = async () => {
      const started = performance.now();
      const response = await app.inject({
        method: 'GET',
        url: '/console/feedback?branch=batumi&status=open',
        // In English, the words this check reads (the console's default is Georgian).
        cookies: { psh_staff: session.token, psh_console_lang: 'en' },
      });
      const elapsed = performance.now() - started;
      if (response.statusCode !== 200 || !response.body.includes('Overdue')) throw new Error(`inbox answered ${response.statusCode}`);
      return elapsed;
    };
    for (let i = 0; i < 5; i += 1) await page();
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i += 1) samples.push(await page());
    await app.close();
    console.log(
      `central.inbox_ms_100k: median ${round(median(samples), 2)} ms, p95 ${round(percentile(samples, 95), 2)} ms over ${RUNS} requests`,
    );
    return [
      { name: 'central.inbox_ms_100k', value: round(median(samples), 2), unit: 'ms', limit: 50, direction: 'max' },
      { name: 'central.inbox_p95_ms_100k', value: round(percentile(samples, 95), 2), unit: 'ms', limit: 50, direction: 'max' },
    ];
  } finally {
    await db.destroy();
    dir.remove();
  }
}
