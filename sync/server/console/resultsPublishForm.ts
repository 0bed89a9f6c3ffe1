import { LANGUAGES } from '../../protocol/languages.js';
import { csrfField } from './csrf.js';
import type { PublishedResult } from '../../protocol/publishedResult.js';
import type { ContentKind } from '../services/contentAuthoring.js';
import type { StaffSession } from '../services/staffAuth.js';
import { html, type SafeHtml } from '../web/html.js';
import { tbilisiTime } from '../public/publicTexts.js';

const LANGUAGE_NAMES = { ka: 'Georgian', en: 'English', ru: 'Russian', az: 'Azerbaijani', hy: 'Armenian' } as const;
/** The form field of each language's "what happens next": nextKa, nextEn, ... */
export const nextStepsField = (language: string) => `next${language.charAt(0).toUpperCase()}${language.slice(1)}`;

/**
 * Under a live tally: publish it with what happens next (Georgian required).
 * The public pages then list it, and kiosks show it once the survey or ballot
 * has closed. Publishing again replaces the numbers with those of now.
 */
export function resultsPublishForm(
  session: StaffSession,
  kind: ContentKind,
  id: string,
  current: PublishedResult | undefined,
  problem?: string,
): SafeHtml {
  return html`<h2 id="publish-heading">Publish these results</h2>
${current ? html`<p>Published ${tbilisiTime(current.publishedAt)} (Tbilisi time) with ${current.participants} ${kind === 'survey' ? 'responses' : 'votes'}. Publishing again replaces those numbers with the ones above.</p>` : html`<p>Not published yet. Once published, the results page is public and kiosks show the results after the ${kind} closes.</p>`}
${problem ? html`<p class="error" role="alert" id="publish-problem">${problem}</p>` : ''}
<form class="stack" method="post" action="/console/results" aria-labelledby="publish-heading">${csrfField(session)}<input type="hidden" name="kind" value="${kind}"><input type="hidden" name="id" value="${id}">
${LANGUAGES.map((language) => {
  const field = nextStepsField(language);
  const required = language === 'ka';
  return html`<label for="${field}">What happens next (${LANGUAGE_NAMES[language]}${required ? ', required' : ''})</label>
<textarea id="${field}" name="${field}" lang="${language}" rows="3" maxlength="1000"${required ? html` required${problem ? html` aria-invalid="true" aria-describedby="publish-problem"` : ''}` : ''}>${current?.nextSteps[language] ?? ''}</textarea>`;
})}
<div><button type="submit">Publish results</button></div></form>`;
}
