import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { parseTrackingCode } from '../../protocol/trackingCode.js';
import { ErrorBody } from '../../protocol/errors.js';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { CentralDatabase } from '../db/schema.js';
import { reopen } from '../services/feedback.js';
import { answerResolved, citizenLoopOf, stopMessages } from '../services/citizenLoop.js';
import { PublicFeedback, publicFeedback } from '../services/feedbackPublic.js';
import { serviceNames } from '../services/serviceNames.js';
import { feedbackLookupPage, feedbackStatusPage, type LoopView } from './feedbackStatusPage.js';
import { sendPage } from '../web/layout.js';
import { publicLanguageOf, publicTexts } from './publicTexts.js';
import { fieldOf } from '../http/fields.js';
import { isSameOriginPost } from '../http/sameOrigin.js';

/** Public endpoints are read-mostly and limited per address: guessing codes stays slow. */
export const PUBLIC_RATE_LIMIT = { rateLimit: { max: 300, timeWindow: '1 minute' } };

const stringField = (value: unknown, name: string): string => fieldOf(value, name) ?? '';

/** Feedback status by tracking code: an HTML page for people, JSON for kiosks and tools. */
export function publicFeedbackRoutes(db: Kysely<CentralDatabase>) {
  return (app: FastifyInstance): void => {
    const problemText = (request: FastifyRequest, problem: 'length' | 'characters' | 'check' | 'not-found') => {
      const texts = publicTexts(publicLanguageOf(request.query));
      if (problem === 'length') return texts.wrongLength;
      if (problem === 'check' || problem === 'characters') return texts.mistyped;
      return texts.notFound;
    };

    const showStatus = async (request: FastifyRequest, reply: FastifyReply, typed: string, notice?: string) => {
      const lang = publicLanguageOf(request.query);
      const parsed = parseTrackingCode(typed);
      if ('problem' in parsed) return sendPage(reply, feedbackLookupPage(lang, typed, problemText(request, parsed.problem)), 404);
      const feedback = await publicFeedback(db, parsed.code);
      if (!feedback) return sendPage(reply, feedbackLookupPage(lang, typed, problemText(request, 'not-found')), 404);
      const names = await serviceNames(db, lang);
      const chosen = fieldOf(request.query, 'resolved');
      const loop: LoopView = {
        ...(await citizenLoopOf(db, parsed.code)),
        chosen: chosen === 'yes' || chosen === 'no' ? chosen : undefined,
      };
      return sendPage(reply, feedbackStatusPage(lang, feedback, names(feedback.serviceId), notice, loop));
    };

    /** A citizen's form on their status page: same-origin only, for a code that exists; the page again, with what happened. */
    const citizenAction =
      (act: (code: string, request: FastifyRequest) => Promise<string | undefined>) =>
      async (request: FastifyRequest, reply: FastifyReply) => {
        if (!isSameOriginPost(request))
          return reply.code(403).send({ error: 'cross-site', message: 'Form posts must come from this site' });
        const typed = stringField(request.params, 'code').slice(0, 40);
        const parsed = parseTrackingCode(typed);
        const notice = 'code' in parsed ? await act(parsed.code, request) : undefined;
        return showStatus(request, reply, typed, notice);
      };

    app.get('/feedback', { config: PUBLIC_RATE_LIMIT, schema: { hide: true } }, async (request, reply) => {
      const typed = stringField(request.query, 'code').slice(0, 40);
      if (!typed) return sendPage(reply, feedbackLookupPage(publicLanguageOf(request.query)));
      return showStatus(request, reply, typed);
    });

    app.get('/feedback/:code', { config: PUBLIC_RATE_LIMIT, schema: { hide: true } }, async (request, reply) =>
      showStatus(request, reply, stringField(request.params, 'code').slice(0, 40)),
    );

    const textsOf = (request: FastifyRequest) => publicTexts(publicLanguageOf(request.query));
    const form = { config: PUBLIC_RATE_LIMIT, schema: { hide: true } };
    app.post(
      '/feedback/:code/reopen',
      form,
      citizenAction(async (code, request) => ((await reopen(db, code, 'web')).ok ? textsOf(request).reopened : undefined)),
    );
    app.post(
      '/feedback/:code/stop-messages',
      form,
      citizenAction(async (code, request) => ((await stopMessages(db, code)) ? textsOf(request).messagesStopped : undefined)),
    );
    // Answered once, and only while asked: a second press, or a press on feedback never asked, changes nothing.
    app.post(
      '/feedback/:code/resolved',
      form,
      citizenAction(async (code, request) => {
        const answer = fieldOf(request.body, 'answer');
        if ((answer !== 'yes' && answer !== 'no') || !(await citizenLoopOf(db, code)).askResolved) return undefined;
        await answerResolved(db, code, { resolved: answer === 'yes', via: 'web' });
        return answer === 'yes' ? textsOf(request).resolvedThanks : textsOf(request).reopened;
      }),
    );

    const api = app.withTypeProvider<ZodTypeProvider>();
    api.get('/api/public/feedback/:code', {
      config: PUBLIC_RATE_LIMIT,
      schema: {
        tags: ['public'],
        summary: 'Public status of one feedback by its tracking code',
        response: { 200: PublicFeedback, 404: ErrorBody },
      },
      handler: async (request, reply) => {
        const parsed = parseTrackingCode(stringField(request.params, 'code').slice(0, 40));
        if ('problem' in parsed) return reply.code(404).send({ error: 'not-found', message: 'No feedback has this code; check the code' });
        const feedback = await publicFeedback(db, parsed.code);
        if (!feedback) return reply.code(404).send({ error: 'not-found', message: 'No feedback has this code; check the code' });
        return feedback;
      },
    });
  };
}
