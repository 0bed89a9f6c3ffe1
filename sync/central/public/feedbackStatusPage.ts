import type { PublicFeedback } from '../services/feedbackPublic.js';
import { html, type SafeHtml } from '../web/html.js';
import { publicPage } from './publicPage.js';
import { publicTexts, type PublicLanguage } from './publicTexts.js';
import { tbilisiTime } from '../web/tbilisiTime.js';
import { formatTrackingCode } from '../../protocol/trackingCode.js';

/** The lookup form, with what went wrong last time (never anything about other feedback). */
export function feedbackLookupPage(lang: PublicLanguage, typed = '', problem?: string): SafeHtml {
  const texts = publicTexts(lang);
  return publicPage({
    lang,
    title: texts.lookupTitle,
    section: 'status',
    path: '/feedback',
    body: html`<p>${texts.lookupIntro}</p>
${problem ? html`<p class="error" role="alert" id="code-error">${problem}</p>` : ''}
<form class="stack" method="get" action="/feedback">
${lang === 'en' ? html`<input type="hidden" name="lang" value="en">` : ''}
<label for="code">${texts.codeLabel}</label>
<input id="code" name="code" class="code" value="${typed}" maxlength="20" autocomplete="off" autocapitalize="characters" spellcheck="false" required${problem ? html` aria-invalid="true" aria-describedby="code-error"` : ''}>
<div><button type="submit">${texts.lookupButton}</button></div>
</form>`,
  });
}

export function feedbackStatusPage(lang: PublicLanguage, feedback: PublicFeedback, serviceName: string, notice?: string): SafeHtml {
  const texts = publicTexts(lang);
  const path = `/feedback/${feedback.code}`;
  return publicPage({
    lang,
    title: texts.statusTitle(formatTrackingCode(feedback.code)),
    section: 'status',
    path,
    body: html`${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
<dl class="facts">
<dt>${texts.status}</dt><dd><strong>${texts.statuses[feedback.status]}</strong></dd>
<dt>${texts.kind}</dt><dd>${texts.kinds[feedback.kind] ?? feedback.kind}</dd>
<dt>${texts.service}</dt><dd>${serviceName}</dd>
<dt>${texts.received}</dt><dd>${tbilisiTime(feedback.receivedAt)}</dd>
<dt>${texts.due}</dt><dd>${tbilisiTime(feedback.dueAt)}</dd>
<dt>${texts.answered}</dt><dd>${tbilisiTime(feedback.firstAnsweredAt)}</dd>
</dl>
<h2>${texts.message}</h2>
${feedback.message ? html`<p class="message">${feedback.message}</p>` : ''}
${feedback.hasVoice ? html`<p>${texts.voiceOnly}</p>` : ''}
<h2>${texts.responses}</h2>
${
  feedback.responses.length === 0
    ? html`<p>${texts.noResponse}</p>`
    : feedback.responses.map(
        (response) =>
          html`<article class="notice"><p class="message">${response.text}</p><p><small>${tbilisiTime(response.publishedAt)}</small></p></article>`,
      )
}
${
  feedback.canReopen
    ? html`<form method="post" action="${path}/reopen${lang === 'en' ? '?lang=en' : ''}"><button type="submit" class="secondary">${texts.didNotHelp}</button></form>`
    : ''
}`,
  });
}
