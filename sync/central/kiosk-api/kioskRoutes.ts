import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { ContentPack } from '../../protocol/contentPack.js';
import { EnrolRequest, EnrolResponse } from '../../protocol/enrolment.js';
import { ErrorBody } from '../../protocol/errors.js';
import { SIGNATURE_HEADERS } from '../../protocol/signing.js';
import { Heartbeat, HeartbeatResponse, HeldRequest, HeldResponse, ReconcileSummary } from '../../protocol/fleet.js';
import { MAX_BATCH_ITEMS, PushRequest, PushResponse } from '../../protocol/push.js';
import type { CentralDatabase } from '../db/schema.js';
import { latestContentPack } from '../services/content.js';
import { enrolDevice } from '../services/enrolment.js';
import { recordHeartbeat } from '../services/fleet.js';
import { ingestBatch } from '../services/ingest.js';
import { heldIds, reconcileSummary } from '../services/reconcile.js';
import { ReplayedNonceError } from '../services/requestVerification.js';
import { requireDevice } from './deviceAuth.js';
import { reopen } from '../services/feedback.js';
import { PublicFeedback, publicFeedback } from '../services/feedbackPublic.js';
import type { SealingKey } from '../services/sealingKey.js';
import type { VoterKeyOf } from '../services/voterKey.js';
import { TRACKING_CODE_PATTERN } from '../../protocol/trackingCode.js';

/** The API kiosks talk to: enrol once, then pull content and push submissions. */
export interface KioskRouteFaults {
  /** Reliability tests only: the process dies after a batch's commit, before its receipts are sent. */
  readonly killAfterCommit?: boolean;
}

export function kioskRoutes(db: Kysely<CentralDatabase>, sealingKey: SealingKey, voterKeyOf: VoterKeyOf, faults: KioskRouteFaults = {}) {
  return (app: FastifyInstance): void => {
    const api = app.withTypeProvider<ZodTypeProvider>();
    const deviceOnly = requireDevice(db);
    const deviceOnlyNonceInBatch = requireDevice(db, { deferNonce: true });
    const deviceOf = (request: { device?: { id: string } }): string => {
      if (!request.device) throw new Error('device auth did not run');
      return request.device.id;
    };

    api.post('/api/kiosk/enrol', {
      schema: {
        tags: ['kiosk'],
        summary: 'Exchange a one-time enrolment token for a device credential',
        body: EnrolRequest,
        response: { 200: EnrolResponse, 400: ErrorBody, 403: ErrorBody },
      },
      bodyLimit: 4096,
      handler: async (request, reply) => {
        const { token, kioskId, publicKey, branchId } = request.body;
        const result = await enrolDevice(db, token, kioskId, publicKey, branchId);
        if (typeof result === 'string') {
          const field = result === 'bad-public-key' ? 'publicKey' : 'token';
          return reply
            .code(result === 'bad-public-key' ? 400 : 403)
            .send({ error: result, message: `Enrolment refused: ${result}`, field });
        }
        return { ...result, maxBatchItems: MAX_BATCH_ITEMS, sealingKey: sealingKey.publicKeyPem };
      },
    });

    api.get('/api/kiosk/content', {
      schema: {
        tags: ['kiosk'],
        summary: 'The newest content pack; 304 when If-None-Match names it',
        headers: z.object({ 'if-none-match': z.string().optional() }),
        response: {
          200: ContentPack,
          304: z.undefined().describe('Not modified: the kiosk has this version'),
          401: ErrorBody,
          404: ErrorBody,
        },
      },
      // Authenticate before validating: an unsigned request learns nothing about our schemas.
      preValidation: deviceOnly,
      handler: async (request, reply) => {
        const pack = await latestContentPack(db);
        if (!pack) return reply.code(404).send({ error: 'no-content', message: 'No content pack has been published' });
        const etag = `"v${pack.version}"`;
        void reply.header('etag', etag);
        // No body at all on a 304 (a serialised "null" would announce 4 bytes that HTTP forbids here).
        if (request.headers['if-none-match'] === etag) return reply.code(304).removeHeader('content-type').send(undefined);
        return pack;
      },
    });

    api.post('/api/kiosk/submissions', {
      schema: {
        tags: ['kiosk'],
        summary: 'Push a batch of submissions; one receipt per item, sent after commit',
        body: PushRequest,
        response: { 200: PushResponse, 400: ErrorBody, 401: ErrorBody },
      },
      bodyLimit: 2 * 1024 * 1024,
      // Receipts are built by ingestBatch itself, typed as PushResponse: checking every one again
      // with zod on each push cost Central a visible share of its ingest time. The schema stays for the docs.
      serializerCompiler: () => (data) => JSON.stringify(data),
      // Authenticate before validating: an unsigned request learns nothing about our schemas.
      preValidation: deviceOnlyNonceInBatch,
      handler: async (request, reply) => {
        let receipts;
        try {
          receipts = await ingestBatch(db, { sealingKey, voterKeyOf }, deviceOf(request), request.body.items, request.device?.nonce);
        } catch (error) {
          if (error instanceof ReplayedNonceError)
            return reply.code(401).send({ error: 'replayed-nonce', message: 'This signed request was already used' });
          throw error;
        }
        if (faults.killAfterCommit) process.kill(process.pid, 'SIGKILL');
        return { receipts };
      },
    });

    const codeParams = z.object({ code: z.string().regex(TRACKING_CODE_PATTERN, 'eight Crockford base32 characters') });
    const notFound = { error: 'not-found', message: 'No feedback has this code; check the code' } as const;

    api.get('/api/kiosk/feedback/:code', {
      schema: {
        tags: ['kiosk'],
        summary: 'The public status of one feedback, for a visitor checking their code at a kiosk',
        params: codeParams,
        response: { 200: PublicFeedback, 400: ErrorBody, 401: ErrorBody, 404: ErrorBody },
      },
      preValidation: deviceOnly,
      handler: async (request, reply) => (await publicFeedback(db, request.params.code)) ?? reply.code(404).send(notFound),
    });

    api.post('/api/kiosk/feedback/:code/reopen', {
      schema: {
        tags: ['kiosk'],
        summary: 'The visitor says the answer did not help: the feedback is open again, due in 24 hours',
        params: codeParams,
        response: { 200: PublicFeedback, 400: ErrorBody, 401: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
      preValidation: deviceOnly,
      handler: async (request, reply) => {
        const result = await reopen(db, request.params.code, 'kiosk');
        if (result === 'not-found') return reply.code(404).send(notFound);
        if (result === 'not-allowed')
          return reply.code(409).send({ error: 'not-reopenable', message: 'Only answered feedback can be reopened, at most 3 times' });
        return (await publicFeedback(db, request.params.code)) ?? reply.code(404).send(notFound);
      },
    });

    api.post('/api/kiosk/heartbeat', {
      schema: {
        tags: ['kiosk'],
        summary: 'Report queue depth, disk, version and alerts; Central keeps the latest per device',
        body: Heartbeat,
        response: { 200: HeartbeatResponse, 400: ErrorBody, 401: ErrorBody },
      },
      bodyLimit: 256 * 1024,
      preValidation: deviceOnly,
      handler: async (request) => {
        // The signature's timestamp was checked to be within the accepted skew: it is the kiosk's clock now.
        const sentAt = Number(request.headers[SIGNATURE_HEADERS.timestamp]);
        return recordHeartbeat(db, deviceOf(request), request.body, Number.isSafeInteger(sentAt) ? sentAt - Date.now() : null);
      },
    });

    api.get('/api/kiosk/reconcile', {
      schema: {
        tags: ['kiosk'],
        summary: 'How many submissions, and the highest seq, Central holds from this device',
        response: { 200: ReconcileSummary, 401: ErrorBody },
      },
      preValidation: deviceOnly,
      handler: async (request) => reconcileSummary(db, deviceOf(request)),
    });

    api.post('/api/kiosk/reconcile/held', {
      schema: {
        tags: ['kiosk'],
        summary: 'Which of these submission ids Central holds from this device',
        body: HeldRequest,
        response: { 200: HeldResponse, 400: ErrorBody, 401: ErrorBody },
      },
      preValidation: deviceOnly,
      handler: async (request) => ({ held: await heldIds(db, deviceOf(request), request.body.ids) }),
    });
  };
}
