import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { ContentPack } from '../protocol/contentPack.js';
import { buildCentralApp, type CentralOptions } from './centralApp.js';
import type { KioskRouteFaults } from './kiosk-api/kioskRoutes.js';
import { openCentralDb, sqliteHandleOf } from './db/openCentralDb.js';
import { isPostgres } from './db/dialect.js';
import { startWalCheckpointer } from './db/walCheckpointer.js';
import type { CentralDatabase } from './db/schema.js';
import { latestContentPack, publishContentPack } from './services/content.js';
import { createEnrolmentToken } from './services/enrolment.js';
import { openRecordSigner } from './services/record/recordSigner.js';
import { appendScheduledEvents, SCHEDULED_EVERY_MS } from './services/record/scheduledEvents.js';
import { loadSealingKey } from './services/sealingKey.js';
import { loadVoterKey } from './services/voterKey.js';
import { loadContactKey } from './notify/contactKey.js';
import { evaluateRatingAlerts } from './services/ratingAlerts.js';
import { startNotifier, type Notifier } from './notify/notifier.js';
import type { NotifySettings } from './notify/notifySettings.js';

export interface StartCentralOptions {
  /** Keys and uploads; also the embedded SQLite database unless `database` names a PostgreSQL one. */
  readonly dataDir: string;
  /** `--db` / PSH_CENTRAL_DB: a postgres:// URL puts Central's database on that PostgreSQL. */
  readonly database?: string;
  readonly host?: string;
  readonly port?: number;
  readonly logger?: CentralOptions['logger'];
  readonly minProtocolVersion?: number;
  readonly faults?: KioskRouteFaults;
  /** Published as the first content pack when the database holds none (`serve --content FILE`; the demo's is kiosk-config/demo/demoContent.json). */
  readonly starterContent?: ContentPack;
  /** `npm start`: demo staff accounts and a few hundred feedback items, so the console and figures mean something. */
  readonly demoData?: boolean;
  /** Staff session cookies marked Secure: set when Central is reached over HTTPS (behind a TLS proxy). */
  readonly secureCookies?: boolean;
  /** The reverse proxy in front of Central (its address or CIDR): see CentralOptions.trustProxy. */
  readonly trustProxy?: string;
  /** Where the public reaches Central (`--public-url`): names the public record's origin, which never changes after. */
  readonly publicUrl?: string;
  /** A demo enrolment token to (re)issue, for `npm start` and tests. */
  readonly demoToken?: { token: string; branchId: string };
  /** SMTP and SMPP: Central tells citizens who asked (notify/). Without it Central sends nothing. */
  readonly notify?: NotifySettings;
}

export interface RunningCentral {
  readonly app: FastifyInstance;
  /** The sender of citizens' messages, when SMTP or SMPP is configured. */
  readonly notifier: Notifier | undefined;
  readonly db: Kysely<CentralDatabase>;
  readonly url: string;
  close(): Promise<void>;
}

/** Opens the db, publishes the starter content on an empty one, and listens (127.0.0.1 by default). */
export async function startCentral(options: StartCentralOptions): Promise<RunningCentral> {
  const db = await openCentralDb(options.dataDir, options.database);
  const sealingKey = loadSealingKey(options.dataDir);
  const voterKeyOf = loadVoterKey(options.dataDir);
  // Loaded only for a demo: a production Central never holds the demo module in memory.
  const demo = options.demoData ? await import('./demo/seedDemoData.js') : undefined;
  // The demo's past comes before its starter content, so the public record's times run forward to now.
  if (demo) await demo.seedDemoHistory(db, { sealingKey, voterKeyOf }, options.starterContent);
  if (options.starterContent && !(await latestContentPack(db))) await publishContentPack(db, options.starterContent);
  if (options.demoToken) {
    // A demo token is for a demo: it lives a day and is re-armed at every start.
    await createEnrolmentToken(db, options.demoToken.branchId, 24, options.demoToken.token);
  }
  if (demo) await demo.seedDemoData(db);
  const uploadDir = join(options.dataDir, 'uploads');
  mkdirSync(uploadDir, { recursive: true });
  // Refuses to start when the stored record disagrees with the last checkpoint signed (see recordSigner.ts).
  const recordSigner = await openRecordSigner(db, options.dataDir, options.publicUrl).catch(async (error: unknown) => {
    await db.destroy();
    throw error;
  });
  const app = await buildCentralApp({
    recordSigner,
    ...(options.notify ? { ratingAlerts: options.notify.ratingAlerts } : {}),
    db,
    uploadDir,
    sealingKey,
    voterKeyOf,
    secureCookies: options.secureCookies ?? false,
    ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}),
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
    logger: options.logger ?? false,
    ...(options.minProtocolVersion ? { minProtocolVersion: options.minProtocolVersion } : {}),
    ...(options.faults ? { faults: options.faults } : {}),
  });
  // On SQLite, the WAL is folded back into the database by another thread, not inside a request's commit.
  const checkpointer = isPostgres(db) ? undefined : startWalCheckpointer(sqliteHandleOf(db), (line) => app.log.warn(line));
  // Events a time triggers (a closing, a 24-hour deadline passed unanswered): at start, then every minute.
  await appendScheduledEvents(db);
  const scheduled = setInterval(() => {
    appendScheduledEvents(db).catch((error: unknown) => app.log.error({ err: error }, 'public record: scheduled events failed'));
    // A branch's ratings turning bad opens an alert within the minute (and a recovered one closes).
    evaluateRatingAlerts(db, options.notify?.ratingAlerts).catch((error: unknown) => app.log.error({ err: error }, 'rating alerts failed'));
  }, SCHEDULED_EVERY_MS);
  scheduled.unref();
  await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://127.0.0.1:${String(port)}`;
  const notifier =
    options.notify && (options.notify.smtp || options.notify.smpp)
      ? startNotifier({
          db,
          sealingKey,
          settings: options.notify,
          publicUrl: (options.publicUrl ?? url).replace(/\/$/, ''),
          contactKeyOf: loadContactKey(options.dataDir),
          log: (line) => app.log.warn(line),
        })
      : undefined;
  return {
    app,
    db,
    url,
    notifier,
    async close() {
      clearInterval(scheduled);
      await notifier?.stop();
      await app.close();
      await checkpointer?.stop();
      await db.destroy();
    },
  };
}
