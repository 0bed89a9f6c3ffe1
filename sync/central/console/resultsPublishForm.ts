import { LANGUAGES } from '../../protocol/languages.js';
import { csrfField } from './csrf.js';
import type { PublishedResult } from '../../protocol/publishedResult.js';
import type { ContentKind } from '../services/contentAuthoring.js';
import type { ConsoleSession } from './consoleSession.js';
import { nextStepsKey } from './consoleForms.js';
import { html, type SafeHtml } from '../web/html.js';
import { tbilisiTime } from '../web/tbilisiTime.js';

/**
 * Under a live tally: publish it with what happens next (Georgian required).
 * The public pages then list it, and kiosks show it once the survey or ballot
 * has closed. Publishing again replaces the numbers with those of now.
 */
export function resultsPublishForm(
  session: ConsoleSession,
  kind: ContentKind,
  id: string,
  current: PublishedResult | undefined,
  problem?: string,
): SafeHtml {
  const { t } = session;
  return html`<h2 id="publish-heading">${t.tally.publishHeading}</h2>
${current ? html`<p>${t.tally.publishedAt(tbilisiTime(current.publishedAt), current.participants, kind)}</p>` : html`<p>${t.tally.notYet(kind)}</p>`}
${problem ? html`<p class="error" role="alert" id="publish-problem">${problem}</p>` : ''}
<form class="stack" method="post" action="/console/results" aria-labelledby="publish-heading">${csrfField(session)}<input type="hidden" name="kind" value="${kind}"><input type="hidden" name="id" value="${id}">
${LANGUAGES.map((language) => {
  const field = nextStepsKey(language);
  const required = language === 'ka';
  return html`<label for="${field}">${t.tally.nextSteps(t.languages[language] ?? language, required)}</label>
<textarea id="${field}" name="${field}" lang="${language}" rows="3" maxlength="1000"${required ? html` required${problem ? html` aria-invalid="true" aria-describedby="publish-problem"` : ''}` : ''}>${current?.nextSteps[language] ?? ''}</textarea>`;
})}
<div><button type="submit">${t.tally.publish}</button></div></form>`;
}
