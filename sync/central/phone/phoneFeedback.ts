import type { FastifyInstance } from 'fastify';
import { checkContact, isNotifiable, MAX_CONTACT } from '../../protocol/contact.js';
import { FEEDBACK_KINDS, MAX_FEEDBACK_MESSAGE, type FeedbackKindName } from '../../protocol/feedbackKinds.js';
import { feedbackProblem, typedText } from '../../protocol/messageLogic.js';
import type { FeedbackPayload } from '../../protocol/submission.js';
import { newTrackingCode } from '../../protocol/trackingCode.js';
import { fieldOf } from '../http/fields.js';
import { latestContentPack } from '../services/content.js';
import { serviceNames } from '../services/serviceNames.js';
import { html } from '../web/html.js';
import { sendPage } from '../web/layout.js';
import { phoneHandler, type PhoneDeps } from './phoneContext.js';
import { deskServiceField } from './deskServiceField.js';
import { checkbox, radios, submitButton, textArea, textInput } from './phoneForms.js';
import type { FieldProblem } from './phoneLayout.js';
import { PHONE_PAGE_LIMIT, PHONE_POST_LIMIT } from './phoneLimits.js';
import { sendFromPhone } from './phoneSend.js';
import { fill } from './phoneTexts.js';
import { RECORDER_CSP, recorderScript, voiceRecorder } from './voiceRecorder.js';

const isKind = (value: string | undefined): value is FeedbackKindName => FEEDBACK_KINDS.includes(value as FeedbackKindName);

/**
 * Feedback from a phone, on one page (kind, service, message, optional
 * contact): the 24-hour promise and the tracking code are the kiosk's, the
 * contact is sealed to Central's key before it is stored, as a kiosk seals it.
 */
export function phoneFeedbackRoutes(deps: PhoneDeps) {
  const { db } = deps;
  return (app: FastifyInstance): void => {
    const feedbackPage = phoneHandler(deps, async (context, request, reply) => {
      const { t, desk } = context;
      const pack = await latestContentPack(db);
      if (!pack) return reply.redirect(context.home, 303);
      const body = request.body;
      const kind = fieldOf(body, 'kind');
      const service = fieldOf(body, 'service') ?? (desk.services.length === 1 ? desk.services[0] : undefined);
      const message = fieldOf(body, 'message') ?? '';
      const contact = fieldOf(body, 'contact') ?? '';
      const consent = fieldOf(body, 'consent') === 'yes';
      const notifyMe = fieldOf(body, 'notify') === 'yes';
      // A voice message counts only when the form names the upload this session finished (the recorder script fills it in).
      const kept = context.session.state.voice;
      const voice = kept && fieldOf(body, 'voiceUpload') === kept.uploadId ? kept : undefined;
      const problems: FieldProblem[] = [];
      if (request.method === 'POST') {
        if (!isKind(kind)) problems.push({ field: 'kind', message: t.p.chooseKind });
        if (service === undefined || !desk.services.includes(service)) problems.push({ field: 'service', message: t.p.chooseService });
        if (feedbackProblem({ message, hasVoice: voice !== undefined })) problems.push({ field: 'message', message: t.p.writeMessage });
        else if (message.trim().length > MAX_FEEDBACK_MESSAGE)
          problems.push({ field: 'message', message: fill(t.m.feedback.limitReached, { max: MAX_FEEDBACK_MESSAGE }) });
        const checked = typedText(contact) === undefined ? undefined : checkContact(contact);
        if (checked && 'problem' in checked)
          problems.push({ field: 'contact', message: checked.problem === 'email' ? t.m.feedback.invalidEmail : t.m.feedback.invalidPhone });
        if (checked && !('problem' in checked) && !consent) problems.push({ field: 'consent', message: t.p.contactConsent });
        if (notifyMe && checked === undefined) problems.push({ field: 'notify', message: t.m.feedback.notifyNeedsContact });
        else if (notifyMe && checked && !('problem' in checked) && !isNotifiable(checked))
          problems.push({ field: 'notify', message: t.m.feedback.notifyNeedsMobile });
        if (problems.length === 0 && isKind(kind) && service !== undefined) {
          const trackingCode = newTrackingCode();
          const text = typedText(message);
          const payload: FeedbackPayload = {
            type: 'feedback',
            trackingCode,
            kind,
            serviceId: service,
            deskId: desk.id,
            ...(text ? { message: text } : {}),
            language: t.lang,
            consentToContact: checked !== undefined && consent,
            ...(notifyMe ? { notifyMe: true } : {}),
          };
          const contact = checked && !('problem' in checked) ? checked.value : undefined;
          const submission = { contentVersion: pack.version, payload, contact, voice };
          return sendFromPhone(deps, context, reply, submission, { kind: 'feedback', trackingCode }, (state) => ({
            ...state,
            voice: undefined,
          }));
        }
      }
      const errorOf = (field: string) => problems.find((problem) => problem.field === field)?.message;
      const names = await serviceNames(db, t.lang);
      return sendPage(
        reply,
        context.page({
          title: t.m.home.feedback,
          back: context.home,
          problems,
          ...(recorderScript ? { script: recorderScript } : {}),
          body: html`<form method="post" action="${context.home}/feedback" novalidate>${context.csrf}
${radios({ name: 'kind', legend: t.m.feedback.kindTitle, options: FEEDBACK_KINDS.map((value) => ({ value, label: t.m.feedback.kinds[value] })), checked: kind, error: errorOf('kind') })}
${deskServiceField(context, names, service, errorOf('service'))}
${textArea({ name: 'message', label: t.m.feedback.messageLabel, value: message, error: errorOf('message'), maxLength: MAX_FEEDBACK_MESSAGE })}
${recorderScript ? voiceRecorder(context) : ''}
<h2>${t.m.feedback.contactTitle}</h2>
${textInput({ name: 'contact', label: t.m.feedback.contactLabel, value: contact, error: errorOf('contact'), hint: t.p.contactHelp, maxLength: MAX_CONTACT, autocomplete: 'email' })}
${checkbox({ name: 'consent', label: t.m.feedback.consent, checked: consent, error: errorOf('consent') })}
${checkbox({ name: 'notify', label: t.m.feedback.notifyMe, checked: notifyMe, error: errorOf('notify') })}
${submitButton(t.m.feedback.send)}
</form>`,
        }),
        problems.length > 0 ? 400 : 200,
        recorderScript ? RECORDER_CSP : undefined,
      );
    });
    app.get('/D/:code/feedback', { config: PHONE_PAGE_LIMIT }, feedbackPage);
    app.post('/D/:code/feedback', { config: PHONE_POST_LIMIT }, feedbackPage);
  };
}
