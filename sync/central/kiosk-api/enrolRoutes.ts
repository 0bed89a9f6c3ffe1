import { ContentPack } from '../../protocol/contentPack.js';
import { EnrolRequest, EnrolResponse } from '../../protocol/enrolment.js';
import { ErrorBody } from '../../protocol/errors.js';
import { MAX_BATCH_ITEMS } from '../../protocol/push.js';
import { z } from 'zod';
import { latestContentPack } from '../services/content.js';
import { enrolDevice } from '../services/enrolment.js';
import { requireDevice } from './deviceAuth.js';
import type { KioskApi, KioskApiDeps } from './kioskApi.js';

/** A kiosk's start: enrol once with a one-time token, then pull the newest content. */
export function enrolRoutes(api: KioskApi, { db, sealingKey }: KioskApiDeps): void {
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
        return reply.code(result === 'bad-public-key' ? 400 : 403).send({ error: result, message: `Enrolment refused: ${result}`, field });
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
    preValidation: requireDevice(db),
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
}
