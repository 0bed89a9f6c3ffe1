import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { ContentPack } from '../../protocol/contentPack.js';
import { EnrolRequest, EnrolResponse } from '../../protocol/enrolment.js';
import { ErrorBody } from '../../protocol/errors.js';
import { MAX_BATCH_ITEMS, PushRequest, PushResponse } from '../../protocol/push.js';
import type { CentralDatabase } from '../db/schema.js';
import { latestContentPack } from '../services/content.js';
import { enrolDevice } from '../services/enrolment.js';
import { ingestBatch } from '../services/ingest.js';
import { requireDevice } from './deviceAuth.js';

/** The API kiosks talk to: enrol once, then pull content and push submissions. */
export function kioskRoutes(db: Kysely<CentralDatabase>) {
  return (app: FastifyInstance): void => {
    const api = app.withTypeProvider<ZodTypeProvider>();
    const deviceOnly = requireDevice(db);

    api.post('/api/kiosk/enrol', {
      schema: {
        tags: ['kiosk'],
        summary: 'Exchange a one-time enrolment token for a device credential',
        body: EnrolRequest,
        response: { 200: EnrolResponse, 400: ErrorBody, 403: ErrorBody },
      },
      bodyLimit: 4096,
      handler: async (request, reply) => {
        const result = await enrolDevice(db, request.body.token, request.body.kioskId, request.body.publicKey);
        if (typeof result === 'string') {
          const field = result === 'bad-public-key' ? 'publicKey' : 'token';
          return reply.code(result === 'bad-public-key' ? 400 : 403).send({ error: result, message: `Enrolment refused: ${result}`, field });
        }
        return { ...result, maxBatchItems: MAX_BATCH_ITEMS };
      },
    });

    api.get('/api/kiosk/content', {
      schema: {
        tags: ['kiosk'],
        summary: 'The newest content pack; 304 when If-None-Match names it',
        headers: z.object({ 'if-none-match': z.string().optional() }),
        response: { 200: ContentPack, 304: z.null(), 401: ErrorBody, 404: ErrorBody },
      },
      // Authenticate before validating: an unsigned request learns nothing about our schemas.
      preValidation: deviceOnly,
      handler: async (request, reply) => {
        const pack = await latestContentPack(db);
        if (!pack) return reply.code(404).send({ error: 'no-content', message: 'No content pack has been published' });
        const etag = `"v${pack.version}"`;
        void reply.header('etag', etag);
        if (request.headers['if-none-match'] === etag) return reply.code(304).send(null);
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
      // Authenticate before validating: an unsigned request learns nothing about our schemas.
      preValidation: deviceOnly,
      handler: async (request) => {
        const device = request.device;
        if (!device) throw new Error('device auth did not run');
        return { receipts: await ingestBatch(db, device.id, request.body.items) };
      },
    });
  };
}
