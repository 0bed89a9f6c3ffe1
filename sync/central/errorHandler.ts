import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorBody } from '../protocol/errors.js';
import { sendPage } from './web/layout.js';
import { tooManyRequestsPage } from './web/tooManyRequestsPage.js';

/** "/items/0/payload/score" -> "items.0.payload.score"; the body itself is "(body)". */
const fieldFromPath = (path: string, context: string): string => {
  const dotted = path.split('/').filter(Boolean).join('.');
  return dotted || `(${context})`;
};

/**
 * Every failure becomes a JSON ErrorBody (but a 429 to a browser, which gets
 * a page). A bad request is a 400 naming the field, never a 500; unexpected
 * errors are logged and answered without detail.
 */
export function centralErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const first = error.validation[0];
    const body: ErrorBody = {
      error: 'bad-request',
      message: first?.message ?? 'invalid request',
      field: fieldFromPath(first?.instancePath ?? '', error.validationContext ?? 'body'),
    };
    void reply.code(400).send(body);
    return;
  }
  const status = error.statusCode ?? 500;
  // A person's browser (a phone behind a shared address) gets a page it can read; kiosks and scripts keep JSON.
  if (status === 429 && request.headers.accept?.includes('text/html')) {
    void sendPage(reply, tooManyRequestsPage(Number(reply.getHeader('retry-after') ?? 60)), 429);
    return;
  }
  if (status < 500) {
    void reply.code(status).send({ error: error.code ?? 'bad-request', message: error.message, field: '(body)' } satisfies ErrorBody);
    return;
  }
  request.log.error({ err: error }, 'unhandled error');
  void reply.code(500).send({ error: 'internal', message: 'Internal error' } satisfies ErrorBody);
}
