import type { FastifyInstance } from 'fastify';
import { formatTrackingCode, parseTrackingCode } from '../../protocol/trackingCode.js';
import { fieldOf } from '../http/fields.js';
import { reopen } from '../services/feedback.js';
import { publicFeedback, type PublicFeedback } from '../services/feedbackPublic.js';
import { html } from '../web/html.js';
import { sendPage } from '../web/layout.js';
import { phoneHandler, type PhoneContext, type PhoneDeps } from './phoneContext.js';
import { submitButton, textInput } from './phoneForms.js';
import { PHONE_PAGE_LIMIT, PHONE_POST_LIMIT } from './phoneLimits.js';
import { publicTime } from '../web/tbilisiTime.js';

/**
 * "Check your feedback" on a phone, in the visitor's language (the kiosk's
 * own words, sync/texts): the tracking code typed (or followed from the
 * confirmation), the status, the dates, the answer, and "The answer did not
 * help", which reopens it as the public status page does. It shows what
 * anyone holding the code may see (services/feedbackPublic.ts), nothing more.
 */
export function phoneTrackRoutes(deps: PhoneDeps) {
  const { db } = deps;
  return (app: FastifyInstance): void => {
    const trackPage = phoneHandler(deps, async (context, request, reply) => {
      const { t } = context;
      const action = `${context.home}/track`;
      const typed = fieldOf(request.query, 'code') ?? fieldOf(request.body, 'code');
      const form = (error?: string, status = 200) =>
        sendPage(
          reply,
          context.page({
            title: t.m.track.title,
            back: context.home,
            problems: error ? [{ field: 'code', message: error }] : [],
            body: html`<form method="get" action="${action}" novalidate>
${textInput({ name: 'code', label: t.m.track.codeLabel, value: typed ?? '', error, maxLength: 20, autocomplete: 'off' })}
${submitButton(t.m.track.check)}
</form>`,
          }),
          status,
        );
      if (typed === undefined) return form();
      const parsed = parseTrackingCode(typed);
      if ('problem' in parsed) return form(parsed.problem === 'length' ? t.m.track.mistypedLength : t.m.track.mistyped, 400);
      let notice: string | undefined;
      if (request.method === 'POST') {
        const done = await reopen(db, parsed.code, context.channel);
        notice = done.ok ? t.m.track.reopened : t.m.track.notReopenable;
      }
      const feedback = await publicFeedback(db, parsed.code);
      if (!feedback) return form(t.m.track.notFound, 404);
      return sendPage(reply, resultPage(context, feedback, notice));
    });
    app.get('/D/:code/track', { config: PHONE_PAGE_LIMIT }, trackPage);
    app.post('/D/:code/track', { config: PHONE_POST_LIMIT }, trackPage);
  };
}

/** What the kiosk's result screen shows: status, received, answer due, the message, the answers. */
function resultPage(context: PhoneContext, feedback: PublicFeedback, notice?: string) {
  const { t } = context;
  return context.page({
    title: t.m.track.resultTitle,
    back: `${context.home}/track`,
    body: html`${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
<p class="caption">${t.m.feedback.codeLabel}: <strong class="code">${formatTrackingCode(feedback.code)}</strong></p>
<dl class="summary">
<div><dt>${t.m.track.status}</dt><dd><strong>${t.m.track.statuses[feedback.status]}</strong></dd></div>
<div><dt>${t.m.track.received}</dt><dd>${publicTime(feedback.receivedAt, t.lang)}</dd></div>
<div><dt>${t.m.track.due}</dt><dd>${publicTime(feedback.dueAt, t.lang)}</dd></div>
</dl>
${feedback.message ? html`<h2>${t.m.feedback.messageLabel}</h2><p class="message">${feedback.message}</p>` : ''}
<h2>${t.m.track.answer}</h2>
${
  feedback.responses.length === 0
    ? html`<p>${t.m.track.noAnswer}</p>`
    : feedback.responses.map(
        (response) =>
          html`<div class="notice"><p class="message">${response.text}</p><p><small>${publicTime(response.publishedAt, t.lang)}</small></p></div>`,
      )
}
${
  feedback.canReopen
    ? html`<form method="post" action="${context.home}/track" novalidate>${context.csrf}<input type="hidden" name="code" value="${feedback.code}">
<button type="submit" class="secondary">${t.m.track.didNotHelp}</button></form>`
    : ''
}`,
  });
}
