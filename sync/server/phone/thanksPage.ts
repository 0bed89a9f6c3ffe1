import { formatTrackingCode } from '../../protocol/trackingCode.js';
import { html, type SafeHtml } from '../web/html.js';
import type { PhoneContext } from './phoneContext.js';

/**
 * The confirmation (GOV.UK's pattern): what was sent, the reference, what
 * happens next, and the citizen's receipt in the public record. Feedback
 * shows its tracking code and the page that will carry the answer.
 */
export function thanksPage(context: PhoneContext): SafeHtml | undefined {
  const { t } = context;
  const done = context.session.state.done;
  if (!done) return undefined;
  const publicLang = t.lang === 'en' ? '?lang=en' : '';
  const title = done.kind === 'rating' ? t.m.thanks.title : done.kind === 'feedback' ? t.m.feedback.thanksTitle : t.m.survey.thanksTitle;
  const code = done.trackingCode;
  return context.page({
    title,
    body: html`<div class="panel">
<p>${code ? t.m.feedback.codeLabel : t.p.reference}</p>
<p class="big code">${code ? formatTrackingCode(code) : done.confirmationCode}</p>
</div>
<h2>${t.p.whatNext}</h2>
<p>${code ? t.p.feedbackNext : done.kind === 'survey' ? t.p.surveyNext : t.p.ratingNext}</p>
<ul>
${code ? html`<li><a href="/feedback/${code}${publicLang}">${t.p.followLink}</a></li>` : ''}
<li><a href="/record/receipts/${done.receiptCode}${publicLang}">${t.p.receiptLink}</a></li>
</ul>
<p><a class="button" href="${context.home}">${t.p.backToDesk}</a></p>`,
  });
}
