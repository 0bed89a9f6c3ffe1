import type { FastifyReply, FastifyRequest } from 'fastify';
import { trackingCodeParam } from './fields.js';

/** A proposal's tracking code from the path, as the citizen typed it (any case, with or without the dash). */
export const codeOf = (request: FastifyRequest): string | undefined => trackingCodeParam(request.params);

export const proposalNotFound = (reply: FastifyReply) =>
  reply.code(404).send({ error: 'not-found', message: 'No proposal has this code; check the code' });
