import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../db/schema.js';
import { verifySignedRequest, type VerifiedDevice } from '../services/requestVerification.js';

declare module 'fastify' {
  interface FastifyRequest {
    device?: VerifiedDevice;
    /** The exact body bytes, kept by the JSON parser: signatures cover them, not a re-serialisation. */
    rawBody?: Buffer;
  }
}

/** preHandler for kiosk routes: a valid signature from an enrolled, unrevoked device, or 401 with a reason code. */
export function requireDevice(db: Kysely<CentralDatabase>, options: { deferNonce?: boolean } = {}) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const result = await verifySignedRequest(
      db,
      {
        method: request.method,
        url: request.url,
        rawBody: request.rawBody,
        header: (name) => {
          const value = request.headers[name];
          return Array.isArray(value) ? value[0] : value;
        },
      },
      Date.now(),
      options,
    );
    if (typeof result === 'string') {
      await reply.code(401).send({ error: result, message: `Request not accepted as coming from an enrolled kiosk: ${result}` });
      return;
    }
    request.device = result;
  };
}
