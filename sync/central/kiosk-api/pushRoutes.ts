import { ErrorBody } from '../../protocol/errors.js';
import { PushRequest, PushResponse } from '../../protocol/push.js';
import { ingestBatch } from '../services/ingest.js';
import { ReplayedNonceError } from '../services/requestVerification.js';
import { requireDevice } from './deviceAuth.js';
import { deviceIdOf, type KioskApi, type KioskApiDeps } from './kioskApi.js';

/** Submissions in: a signed batch, one receipt per item, sent only after the commit that holds them. */
export function pushRoutes(api: KioskApi, { db, sealingKey, voterKeyOf, faults }: KioskApiDeps): void {
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
    // Authenticate before validating: an unsigned request learns nothing about our schemas. The nonce is
    // recorded in the batch's own commit (deferNonce).
    preValidation: requireDevice(db, { deferNonce: true }),
    handler: async (request, reply) => {
      let receipts;
      try {
        receipts = await ingestBatch(db, { sealingKey, voterKeyOf }, deviceIdOf(request), request.body.items, request.device?.nonce);
      } catch (error) {
        if (error instanceof ReplayedNonceError)
          return reply.code(401).send({ error: 'replayed-nonce', message: 'This signed request was already used' });
        throw error;
      }
      if (faults.killAfterCommit) process.kill(process.pid, 'SIGKILL');
      return { receipts };
    },
  });
}
