import type { FastifyInstance } from 'fastify';
import { checkContact, isNotifiable, MAX_CONTACT } from '../../protocol/contact.js';
import { MAX_FEEDBACK_MESSAGE } from '../../protocol/feedbackKinds.js';
import { proposalProblem, typedText } from '../../protocol/messageLogic.js';
import { MAX_PROPOSAL_TITLE, type ProposalPayload } from '../../protocol/submission.js';
import { newTrackingCode } from '../../protocol/trackingCode.js';
import { fieldOf } from '../http/fields.js';
import { latestContentPack } from '../services/content.js';
import { html } from '../web/html.js';
import { sendPage } from '../web/layout.js';
import { phoneHandler, type PhoneDeps } from './phoneContext.js';
import { checkbox, submitButton, textArea, textInput } from './phoneForms.js';
import type { FieldProblem } from './phoneLayout.js';
import { PHONE_PAGE_LIMIT, PHONE_POST_LIMIT } from './phoneLimits.js';
import { sendFromPhone } from './phoneSend.js';
import { fill } from './phoneTexts.js';

/** A citizen's proposal of a new service, from a phone: a name and a description, then its tracking code (the kiosk's rules). */
export function phoneProposalRoutes(deps: PhoneDeps) {
  const { db } = deps;
  return (app: FastifyInstance): void => {
    const proposePage = phoneHandler(deps, async (context, request, reply) => {
      const { t } = context;
      const pack = await latestContentPack(db);
      if (!pack) return reply.redirect(context.home, 303);
      const title = fieldOf(request.body, 'title') ?? '';
      const description = fieldOf(request.body, 'description') ?? '';
      const contact = fieldOf(request.body, 'contact') ?? '';
      const notifyMe = fieldOf(request.body, 'notify') === 'yes';
      const problems: FieldProblem[] = [];
      if (request.method === 'POST') {
        if (proposalProblem({ title })) problems.push({ field: 'title', message: t.m.propose.titleRequired });
        else if (title.trim().length > MAX_PROPOSAL_TITLE)
          problems.push({ field: 'title', message: fill(t.m.feedback.limitReached, { max: MAX_PROPOSAL_TITLE }) });
        if (description.trim().length > MAX_FEEDBACK_MESSAGE)
          problems.push({ field: 'description', message: fill(t.m.feedback.limitReached, { max: MAX_FEEDBACK_MESSAGE }) });
        // The contact is only for hearing the decision: kept when the box is ticked, and checked then.
        const checked = notifyMe && typedText(contact) !== undefined ? checkContact(contact) : undefined;
        if (checked && 'problem' in checked)
          problems.push({ field: 'contact', message: checked.problem === 'email' ? t.m.feedback.invalidEmail : t.m.feedback.invalidPhone });
        else if (notifyMe && checked === undefined) problems.push({ field: 'notify', message: t.m.feedback.notifyNeedsContact });
        else if (checked && !isNotifiable(checked)) problems.push({ field: 'notify', message: t.m.feedback.notifyNeedsMobile });
        if (problems.length === 0) {
          const trackingCode = newTrackingCode();
          const text = typedText(description);
          const told = checked && !('problem' in checked) ? checked.value : undefined;
          const payload: ProposalPayload = {
            type: 'proposal',
            trackingCode,
            title: title.trim(),
            ...(text ? { description: text } : {}),
            language: t.lang,
            ...(told ? { notifyMe: true } : {}),
          };
          const submission = { contentVersion: pack.version, payload, contact: told };
          return sendFromPhone(deps, context, reply, submission, { kind: 'proposal', trackingCode }, (state) => state);
        }
      }
      const errorOf = (field: string) => problems.find((problem) => problem.field === field)?.message;
      return sendPage(
        reply,
        context.page({
          title: t.m.propose.titleTitle,
          back: context.home,
          problems,
          body: html`<form method="post" action="${context.home}/propose" novalidate>${context.csrf}
${textInput({ name: 'title', label: t.m.propose.titleLabel, value: title, error: errorOf('title'), maxLength: MAX_PROPOSAL_TITLE })}
${textArea({ name: 'description', label: `${t.m.propose.descriptionTitle} ${t.p.optional}`, value: description, error: errorOf('description'), maxLength: MAX_FEEDBACK_MESSAGE })}
<h2>${t.m.propose.contactTitle}</h2>
${textInput({ name: 'contact', label: t.m.propose.contactLabel, value: contact, error: errorOf('contact'), maxLength: MAX_CONTACT, autocomplete: 'email' })}
${checkbox({ name: 'notify', label: t.m.propose.notifyMe, checked: notifyMe, error: errorOf('notify') })}
${submitButton(t.m.propose.send)}
</form>`,
        }),
        problems.length > 0 ? 400 : 200,
      );
    });
    app.get('/D/:code/propose', { config: PHONE_PAGE_LIMIT }, proposePage);
    app.post('/D/:code/propose', { config: PHONE_POST_LIMIT }, proposePage);
  };
}
