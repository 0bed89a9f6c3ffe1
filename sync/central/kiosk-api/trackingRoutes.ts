import { z } from 'zod';
import { ErrorBody } from '../../protocol/errors.js';
import { TRACKING_CODE_PATTERN } from '../../protocol/trackingCode.js';
import { isUnknownFeedback, reopen } from '../services/feedback.js';
import { PublicFeedback, publicFeedback } from '../services/feedbackPublic.js';
import { requireDevice } from './deviceAuth.js';
import type { KioskApi, KioskApiDeps } from './kioskApi.js';

const codeParams = z.object({ code: z.string().regex(TRACKING_CODE_PATTERN, 'eight Crockford base32 characters') });
const notFound = { error: 'not-found', message: 'No feedback has this code; check the code' } as const;

/** A visitor checking their tracking code at a kiosk: the feedback's public status, and reopening an answer that did not help. */
export function trackingRoutes(api: KioskApi, { db }: KioskApiDeps): void {
  const deviceOnly = requireDevice(db);
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
      if (isUnknownFeedback(result)) return reply.code(404).send(notFound);
      if (!result.ok)
        return reply.code(409).send({ error: 'not-reopenable', message: 'Only answered feedback can be reopened, at most 3 times' });
      return (await publicFeedback(db, request.params.code)) ?? reply.code(404).send(notFound);
    },
  });
}
