import type { PublicFeedback } from '../services/feedbackPublic.js';
import { html, type SafeHtml } from './html.js';
import { page } from './layout.js';
import { publicTexts, tbilisiTime, type PublicLanguage } from './publicTexts.js';
import { formatTrackingCode } from '../../protocol/trackingCode.js';

export function publicNav(lang: PublicLanguage, current: 'status' | 'figures') {
  const texts = publicTexts(lang);
  const suffix = lang === 'en' ? '?lang=en' : '';
  return [
    { href: `/feedback${suffix}`, label: texts.navStatus, current: current === 'status' },
    { href: `/figures${suffix}`, label: texts.navFigures, current: current === 'figures' },
  ];
}

const languageSwitch = (lang: PublicLanguage, path: string): SafeHtml => {
  const other = lang === 'en' ? 'ka' : 'en';
  return html`<a href="${path}${other === 'en' ? '?lang=en' : ''}" lang="${other}" hreflang="${other}">${publicTexts(lang).otherLanguage}</a>`;
};

/** The lookup form, with what went wrong last time (never anything about other feedback). */
export function feedbackLookupPage(lang: PublicLanguage, typed = '', problem?: string): SafeHtml {
  const texts = publicTexts(lang);
  return page({
    title: texts.lookupTitle,
    lang,
    siteName: texts.siteName,
    skipLabel: texts.skip,
    nav: publicNav(lang, 'status'),
    aside: languageSwitch(lang, '/feedback'),
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
  return page({
    title: texts.statusTitle(formatTrackingCode(feedback.code)),
    lang,
    siteName: texts.siteName,
    skipLabel: texts.skip,
    nav: publicNav(lang, 'status'),
    aside: languageSwitch(lang, path),
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
