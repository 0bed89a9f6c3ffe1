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
  const titles = {
    rating: t.m.thanks.title,
    feedback: t.m.feedback.thanksTitle,
    survey: t.m.survey.thanksTitle,
    vote: done.notCounted ? t.m.vote.alreadyVoted : t.m.vote.thanksTitle,
    proposal: t.m.propose.thanksTitle,
  };
  const next = {
    rating: t.p.ratingNext,
    feedback: t.p.feedbackNext,
    survey: t.p.surveyNext,
    vote: done.notCounted ? t.p.voteNotCounted : t.p.voteNext,
    proposal: t.p.proposalNext,
  };
  const title = titles[done.kind];
  const code = done.trackingCode;
  // Feedback is followed on the phone's own page, in the visitor's language; proposals on the public site.
  const follow = done.kind === 'proposal' ? `/proposals/${code ?? ''}${publicLang}` : `${context.home}/track?code=${code ?? ''}`;
  return context.page({
    title,
    body: html`<div class="panel">
<p>${code ? t.m.feedback.codeLabel : t.p.reference}</p>
<p class="big code">${code ? formatTrackingCode(code) : done.confirmationCode}</p>
</div>
<h2>${t.p.whatNext}</h2>
<p>${next[done.kind]}</p>
<ul>
${code ? html`<li><a href="${follow}">${done.kind === 'proposal' ? t.p.followProposal : t.p.followLink}</a></li>` : ''}
<li><a href="/record/receipts/${done.receiptCode}${publicLang}">${t.p.receiptLink}</a></li>
</ul>
<p><a class="button" href="${context.home}">${t.p.backToDesk}</a></p>`,
  });
}
