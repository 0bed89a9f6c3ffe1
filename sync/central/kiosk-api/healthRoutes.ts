import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { HealthResponse } from '../../protocol/errors.js';
import { PROTOCOL_VERSION } from '../../protocol/version.js';

export function healthRoutes(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/health', {
    schema: { tags: ['ops'], summary: 'Liveness and protocol version', response: { 200: HealthResponse } },
    handler: () => ({ status: 'ok' as const, protocolVersion: PROTOCOL_VERSION, time: new Date().toISOString() }),
  });
}
