import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { ErrorBody } from '../../protocol/errors.js';
import { CosignRequest, CosignResponse } from '../../protocol/witness.js';
import type { CentralDatabase } from '../db/schema.js';
import { acceptCosignature } from '../services/record/cosignatures.js';
import type { RecordSigner } from '../services/record/recordSigner.js';
import { requireDevice } from './deviceAuth.js';

/** Kiosks as witnesses: a signed request carrying the kiosk's cosignature of a checkpoint it checked. */
export function witnessRoutes(db: Kysely<CentralDatabase>, signer: RecordSigner) {
  return (app: FastifyInstance): void => {
    const api = app.withTypeProvider<ZodTypeProvider>();
    api.post('/api/kiosk/record/cosignature', {
      schema: {
        tags: ['kiosk'],
        summary: "A kiosk's C2SP cosignature/v1 of a checkpoint it found consistent with the last one it saw",
        body: CosignRequest,
        response: { 200: CosignResponse, 400: ErrorBody, 401: ErrorBody },
      },
      bodyLimit: 4096,
      preValidation: requireDevice(db),
      handler: async (request, reply) => {
        if (!request.device) throw new Error('device auth did not run');
        const outcome = await acceptCosignature(db, signer.origin, request.device.id, request.body.checkpoint, request.body.cosignature);
        if ('problem' in outcome) return reply.code(400).send({ error: 'bad-request', message: outcome.problem, field: outcome.field });
        return outcome;
      },
    });
  };
}
