import type { FastifyInstance } from 'fastify';
import { typedText } from '../../protocol/messageLogic.js';
import type { RatingPayload } from '../../protocol/submission.js';
import { pickText } from '../../protocol/languages.js';
import { fieldOf } from '../http/fields.js';
import { latestContentPack } from '../services/content.js';
import { serviceNames } from '../services/serviceNames.js';
import { html } from '../web/html.js';
import { sendPage } from '../web/layout.js';
import { phoneHandler, type PhoneDeps } from './phoneContext.js';
import { deskServiceField } from './deskServiceField.js';
import { fill } from './phoneTexts.js';
import { radios, submitButton, textArea, type Option } from './phoneForms.js';
import { PHONE_PAGE_LIMIT, PHONE_POST_LIMIT } from './phoneLimits.js';
import { sendFromPhone } from './phoneSend.js';

const MAX_COMMENT = 2000;

/** Rate the desk's service: the kiosk's smiley question on one page, then an optional comment, then sent. */
export function phoneRatingRoutes(deps: PhoneDeps) {
  const { db } = deps;
  return (app: FastifyInstance): void => {
    const scorePage = phoneHandler(deps, async (context, request, reply) => {
      const { t } = context;
      const pack = await latestContentPack(db);
      // The web entry has no desk to rate.
      if (!pack || context.channel === 'web') return reply.redirect(context.home, 303);
      const posted = request.method === 'POST' ? fieldOf(request.body, 'score') : undefined;
      const score = Number(posted);
      if (request.method === 'POST' && Number.isInteger(score) && score >= 1 && score <= 5) {
        await context.save({ ...context.session.state, rating: { deskCode: context.desk.code, score } });
        return reply.redirect(`${context.home}/rate/comment`, 303);
      }
      const error = request.method === 'POST' ? t.m.rating.chooseFirst : undefined;
      const kept = context.session.state.rating?.deskCode === context.desk.code ? context.session.state.rating.score : undefined;
      // From very good to very bad, as the kiosk shows them left to right.
      const options: Option[] = pack.rating.labels
        .map((label, index) => ({ value: String(index + 1), label: pickText(label, t.lang) }))
        .reverse();
      return sendPage(
        reply,
        context.page({
          title: pickText(pack.rating.question, t.lang),
          back: context.home,
          headingInBody: true,
          listen: await context.listen([pickText(pack.rating.question, t.lang), ...options.map((option) => option.label)]),
          problems: error ? [{ field: 'score', message: error }] : [],
          body: html`<form method="post" action="${context.home}/rate" novalidate>${context.csrf}
${radios({ name: 'score', legend: pickText(pack.rating.question, t.lang), options, checked: kept === undefined ? undefined : String(kept), error, asHeading: true })}
${submitButton(t.p.continue)}
</form>`,
        }),
        error ? 400 : 200,
      );
    });
    app.get('/D/:code/rate', { config: PHONE_PAGE_LIMIT }, scorePage);
    app.post('/D/:code/rate', { config: PHONE_POST_LIMIT }, scorePage);

    const commentPage = phoneHandler(deps, async (context, request, reply) => {
      const { t, desk } = context;
      const rating = context.session.state.rating;
      const pack = await latestContentPack(db);
      if (!pack || context.channel === 'web' || rating?.deskCode !== desk.code) return reply.redirect(`${context.home}/rate`, 303);
      const comment = fieldOf(request.body, 'comment') ?? '';
      const service = fieldOf(request.body, 'service') ?? desk.services[0] ?? '';
      const tooLong = comment.length > MAX_COMMENT;
      const unknownService = !desk.services.includes(service);
      if (request.method === 'POST' && !tooLong && !unknownService) {
        const text = typedText(comment);
        const payload: RatingPayload = {
          type: 'rating',
          serviceId: service,
          deskId: desk.id,
          score: rating.score,
          ...(text ? { comment: text } : {}),
          language: t.lang,
        };
        return sendFromPhone(deps, context, reply, { contentVersion: pack.version, payload }, { kind: 'rating' }, (state) => ({
          ...state,
          rating: undefined,
        }));
      }
      const names = await serviceNames(db, t.lang);
      const commentError = request.method === 'POST' && tooLong ? fill(t.m.feedback.limitReached, { max: MAX_COMMENT }) : undefined;
      const serviceError = request.method === 'POST' && unknownService ? t.p.chooseService : undefined;
      return sendPage(
        reply,
        context.page({
          title: pickText(pack.rating.commentPrompt, t.lang),
          back: `${context.home}/rate`,
          headingInBody: true,
          problems: [
            ...(commentError ? [{ field: 'comment', message: commentError }] : []),
            ...(serviceError ? [{ field: 'service', message: serviceError }] : []),
          ],
          body: html`<form method="post" action="${context.home}/rate/comment" novalidate>${context.csrf}
${textArea({ name: 'comment', label: `${pickText(pack.rating.commentPrompt, t.lang)} ${t.p.optional}`, value: comment, error: commentError, maxLength: MAX_COMMENT, asHeading: true })}
${deskServiceField(context, names, service, serviceError)}
${submitButton(t.m.comment.send)}
</form>`,
        }),
        commentError || serviceError ? 400 : 200,
      );
    });
    app.get('/D/:code/rate/comment', { config: PHONE_PAGE_LIMIT }, commentPage);
    app.post('/D/:code/rate/comment', { config: PHONE_POST_LIMIT }, commentPage);
  };
}
