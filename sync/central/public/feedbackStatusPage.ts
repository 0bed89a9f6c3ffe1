import type { PublicFeedback } from '../services/feedbackPublic.js';
import { html, type SafeHtml } from '../web/html.js';
import { publicPage } from './publicPage.js';
import { publicTexts, withLang, type PublicLanguage } from './publicTexts.js';
import { publicTime } from '../web/tbilisiTime.js';
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
${lang === 'ka' ? '' : html`<input type="hidden" name="lang" value="${lang}">`}
<label for="code">${texts.codeLabel}</label>
<input id="code" name="code" class="code" value="${typed}" maxlength="20" autocomplete="off" autocapitalize="characters" spellcheck="false" required${problem ? html` aria-invalid="true" aria-describedby="code-error"` : ''}>
<div><button type="submit">${texts.lookupButton}</button></div>
</form>`,
  });
}

/** Where the citizen's messages stand: shown to whoever holds the code, which only the citizen and their messages carry. */
export interface LoopView {
  readonly messagesOn: boolean;
  readonly askResolved: boolean;
  /** The answer the e-mail's link chose ("yes" or "no"): its button comes first and takes the focus. */
  readonly chosen?: 'yes' | 'no' | undefined;
}

/** "Was it resolved?" with its two answers, and the link every message carries to stop them. */
function loopForms(lang: PublicLanguage, path: string, loop: LoopView): SafeHtml {
  const texts = publicTexts(lang);
  const answer = (value: 'yes' | 'no') =>
    html`<button type="submit" name="answer" value="${value}"${value === 'no' ? html` class="secondary"` : ''}${loop.chosen === value ? html` autofocus` : ''}>${value === 'yes' ? texts.resolvedYes : texts.resolvedNo}</button>`;
  const answers: readonly ('yes' | 'no')[] = loop.chosen === 'no' ? ['no', 'yes'] : ['yes', 'no'];
  return html`${
    loop.askResolved
      ? html`<form class="stack" method="post" action="${withLang(lang, `${path}/resolved`)}" id="resolved"><h2>${texts.resolvedQuestion}</h2><div class="actions">${answers.map(answer)}</div></form>`
      : ''
  }${
    loop.messagesOn
      ? html`<form method="post" action="${withLang(lang, `${path}/stop-messages`)}" id="stop"><p>${texts.messagesOn}</p><button type="submit" class="secondary">${texts.stopMessages}</button></form>`
      : ''
  }`;
}

export function feedbackStatusPage(
  lang: PublicLanguage,
  feedback: PublicFeedback,
  serviceName: string,
  notice?: string,
  loop: LoopView = { messagesOn: false, askResolved: false },
): SafeHtml {
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
<dt>${texts.received}</dt><dd>${publicTime(feedback.receivedAt, lang)}</dd>
<dt>${texts.due}</dt><dd>${publicTime(feedback.dueAt, lang)}</dd>
<dt>${texts.answered}</dt><dd>${publicTime(feedback.firstAnsweredAt, lang)}</dd>
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
          html`<article class="notice"><p class="message">${response.text}</p><p><small>${publicTime(response.publishedAt, lang)}</small></p></article>`,
      )
}
${
  feedback.canReopen && !loop.askResolved
    ? html`<form method="post" action="${withLang(lang, `${path}/reopen`)}"><button type="submit" class="secondary">${texts.didNotHelp}</button></form>`
    : ''
}${loopForms(lang, path, loop)}`,
  });
}
