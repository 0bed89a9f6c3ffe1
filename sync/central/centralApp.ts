import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import { sharedLimitStore } from './http/sharedRateLimits.js';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { CentralDatabase } from './db/schema.js';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../protocol/version.js';
import { centralErrorHandler } from './errorHandler.js';
import { healthRoutes } from './kiosk-api/healthRoutes.js';
import { readinessRoutes } from './kiosk-api/readinessRoutes.js';
import { kioskRoutes, type KioskRouteFaults } from './kiosk-api/kioskRoutes.js';
import { uploadRoutes } from './kiosk-api/uploadRoutes.js';
import { consoleRoutes } from './console/consoleRoutes.js';
import { consoleContentRoutes } from './console/consoleContentRoutes.js';
import { resultsRoutes } from './public/resultsRoutes.js';
import { proposalRoutes } from './console/proposalRoutes.js';
import { figuresRoutes } from './public/figuresRoutes.js';
import { publicRecordRoutes } from './public/recordRoutes.js';
import { processRoutes } from './public/processRoutes.js';
import { recordConsoleRoutes } from './console/recordConsoleRoutes.js';
import { createProcessIndex } from './services/record/processIndex.js';
import { cosignedCheckpoint } from './services/record/cosignatures.js';
import { receiptRoutes } from './public/receiptRoutes.js';
import { witnessRoutes } from './kiosk-api/witnessRoutes.js';
import type { RecordSigner } from './services/record/recordSigner.js';
import { open311Routes } from './public/open311Routes.js';
import { publicFeedbackRoutes } from './public/publicFeedbackRoutes.js';
import { proposalStatusRoutes } from './public/proposalStatusRoutes.js';
import { tallyRoutes } from './console/tallyRoutes.js';
import { siteRoutes } from './public/siteRoutes.js';
import { createFiguresCache } from './services/feedbackFigures.js';
import type { SealingKey } from './services/sealingKey.js';
import type { VoterKeyOf } from './services/voterKey.js';
import { recordRoutes } from './routeTable.js';
import { phoneRoutes } from './phone/phoneRoutes.js';
import { createSpokenPages } from './services/spokenPages.js';
import { deskConsoleRoutes } from './console/deskConsoleRoutes.js';
import { fleetRoutes } from './console/fleetRoutes.js';
import { alertRoutes } from './console/alertRoutes.js';
import { accountRoutes } from './console/accountRoutes.js';
import { DEFAULT_RATING_ALERTS, type RatingAlertSettings } from './services/ratingAlerts.js';

export type CentralLogLevel = 'error' | 'warn' | 'info' | 'debug';

export interface CentralOptions {
  readonly db: Kysely<CentralDatabase>;
  /** Where finished and partial uploads are kept (tus file store). */
  readonly uploadDir: string;
  /** Where the phone pages' Listen audio is cached; next to uploadDir unless given. */
  readonly speechCacheDir?: string;
  /** Off, or the lowest level logged (`true` = warn). */
  readonly logger?: boolean | CentralLogLevel;
  /** Oldest kiosk protocol still accepted; older kiosks get 426 and keep their queue. */
  readonly minProtocolVersion?: number;
  readonly faults?: KioskRouteFaults;
  /** Central's key pair for personal data sealed on kiosks (contact details). */
  readonly sealingKey: SealingKey;
  /** Derives verified votes' voter keys (HMAC with a secret kept in Central's keys folder). */
  readonly voterKeyOf: VoterKeyOf;
  /** Staff session cookies only over HTTPS (set when Central is served behind TLS). */
  readonly secureCookies?: boolean;
  /**
   * The reverse proxy in front of Central (an address or CIDR, e.g. 127.0.0.1): only then is its
   * X-Forwarded-For believed, so per-address limits (public pages, phone votes) see each phone's
   * address rather than the proxy's. Never set it when Central faces the network directly.
   */
  readonly trustProxy?: string;
  /** Where citizens reach Central (printed on desk cards' QR codes); without it, the address the console was opened at. */
  readonly publicUrl?: string;
  /** The public record's signer and reader (issue #15): served under /record/. */
  readonly recordSigner: RecordSigner;
  /** The rating-alert rule as configured: the alerts page explains it in these numbers. */
  readonly ratingAlerts?: RatingAlertSettings;
}

/** Central's HTTP app over an open database. Listening is the caller's choice. */
export async function buildCentralApp({
  db,
  uploadDir,
  speechCacheDir = join(dirname(uploadDir), 'speech-cache'),
  sealingKey,
  voterKeyOf,
  secureCookies = false,
  trustProxy,
  publicUrl,
  recordSigner,
  ratingAlerts = DEFAULT_RATING_ALERTS,
  logger = false,
  minProtocolVersion = PROTOCOL_VERSION,
  faults = {},
}: CentralOptions): Promise<FastifyInstance> {
  // Uploads (kiosks' and phones') arrive here; their tus servers are made on the first upload and expect it.
  mkdirSync(uploadDir, { recursive: true });
  const app = Fastify({
    // Kiosks poll every few seconds: per-request lines (level info) would drown the warnings and errors that matter,
    // so warn unless asked (PSH_CENTRAL_LOG_LEVEL=info, e.g. to follow requests, or in tests that grep every line).
    logger: logger && { level: logger === true ? 'warn' : logger, redact: ['req.headers.authorization'] },
    bodyLimit: 256 * 1024,
    trustProxy: trustProxy ?? false,
  });
  recordRoutes(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(centralErrorHandler);
  // Keep the exact bytes: request signatures cover them, not a re-serialisation.
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const raw = body as Buffer;
    request.rawBody = raw;
    if (raw.length === 0) return done(null, undefined);
    try {
      done(null, JSON.parse(raw.toString('utf8')));
    } catch {
      done(Object.assign(new Error('Body is not valid JSON'), { statusCode: 400, code: 'bad-json' }), undefined);
    }
  });
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/kiosk/')) return;
    const spoken = Number(request.headers[PROTOCOL_HEADER] ?? 1);
    if (!(spoken >= minProtocolVersion)) {
      await reply.code(426).send({
        error: 'protocol-unsupported',
        message: `Central accepts kiosk protocol ${minProtocolVersion} to ${PROTOCOL_VERSION}; this kiosk speaks ${String(spoken)}. Update the kiosk software.`,
      });
    }
  });
  app.addHook('onSend', async (_request, reply) => {
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('referrer-policy', 'no-referrer');
  });
  await app.register(swagger, {
    openapi: { info: { title: 'PSH Central API', version: '0.1.0' } },
    transform: jsonSchemaTransform,
  });
  // Pages, stylesheets, JSON and CSV travel compressed (br or gzip, as the client accepts) to phones on weak
  // mobile data; small answers (under 1 kB) and audio are sent as they are. Not the kiosk API: its answers are
  // receipts, and compressing them cost a fifth of ingest throughput (central.ingest_per_s 24,300/s against
  // 30,200/s without, same run conditions). This hook runs before the plugin's, which reads `compress` per route.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/kiosk/')) route.compress = false;
  });
  await app.register(compress, { global: true, encodings: ['br', 'gzip'] });
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: 64 * 1024 });
  // Only routes that ask for it (public pages, sign-in) are limited: kiosks sign every request instead.
  await app.register(rateLimit, { global: false, store: sharedLimitStore(db) });
  const figures = createFiguresCache(db);
  app.register(healthRoutes);
  app.register(readinessRoutes(db));
  app.register(kioskRoutes(db, sealingKey, voterKeyOf, faults));
  app.register(uploadRoutes(db, uploadDir));
  app.register(siteRoutes);
  app.register(publicFeedbackRoutes(db));
  const processIndex = createProcessIndex(recordSigner);
  // Read the log into the index now, in the background, so the first visitor after a restart does not wait
  // for it (about 9 s a million entries here). A failure (Central closing meanwhile) leaves it to the first page.
  // Up to the last checkpoint already signed: starting signs nothing new.
  void db
    .selectFrom('record_checkpoints')
    .select((eb) => eb.fn.max('size').as('size'))
    .executeTakeFirst()
    .then((last) => processIndex.upTo(Number(last?.size ?? 0)))
    .catch(() => undefined);
  app.register(publicRecordRoutes(db, recordSigner, processIndex));
  app.register(processRoutes(db, recordSigner, processIndex));
  app.register(figuresRoutes(db, figures, async () => processIndex.upTo((await cosignedCheckpoint(db, recordSigner)).size)));
  app.register(witnessRoutes(db, recordSigner));
  app.register(receiptRoutes(db, recordSigner));
  app.register(open311Routes(db));
  app.register(consoleRoutes({ db, uploadDir, sealingKey, figures, secureCookies }));
  const spoken = createSpokenPages(db, speechCacheDir);
  app.addHook('onClose', () => spoken.close());
  app.register(consoleContentRoutes(db, (text) => spoken.secondsToSay('ka', text)));
  app.register(resultsRoutes(db));
  app.register(tallyRoutes(db, uploadDir));
  app.register(proposalRoutes(db, uploadDir));
  app.register(recordConsoleRoutes(db));
  app.register(deskConsoleRoutes(db, publicUrl));
  app.register(fleetRoutes(db));
  app.register(alertRoutes(db, ratingAlerts));
  app.register(accountRoutes(db));
  app.register(proposalStatusRoutes(db));
  app.register(phoneRoutes({ db, keys: { sealingKey, voterKeyOf }, secureCookies, spoken, uploadDir }));
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());
  await app.ready();
  return app;
}
