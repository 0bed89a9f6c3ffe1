import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../db/schema.js';
import { authenticateDevice } from '../services/enrolment.js';

declare module 'fastify' {
  interface FastifyRequest {
    device?: { id: string; branchId: string };
  }
}

/** preHandler for kiosk routes: a valid, unrevoked device credential or 401 with a reason code. */
export function requireDevice(db: Kysely<CentralDatabase>) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const header = request.headers.authorization ?? '';
    const credential = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
    const device = credential ? await authenticateDevice(db, credential) : 'missing-credential';
    if (typeof device === 'string') {
      await reply.code(401).send({ error: device, message: 'This kiosk is not enrolled with Central or was revoked' });
      return;
    }
    request.device = device;
  };
}
