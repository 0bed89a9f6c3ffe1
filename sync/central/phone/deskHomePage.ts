import { pickText } from '../../protocol/languages.js';
import { html, type SafeHtml } from '../web/html.js';
import type { PhoneContext } from './phoneContext.js';

/** The page a desk's QR code opens (or the web site's /take-part): what a visitor can do here, as large links. */
export function deskHomePage(context: PhoneContext, open: { readonly surveys: number; readonly ballots: number }): SafeHtml {
  const { t, desk, home } = context;
  const publicLang = t.lang === 'en' ? '?lang=en' : '';
  const web = context.channel === 'web';
  const tiles: Array<[string, string, string?]> = [
    // Rating is of a desk's service: only where a desk's QR code was opened.
    ...(web ? [] : [[`${home}/rate`, t.m.home.rate] as [string, string]]),
    [`${home}/surveys`, t.m.home.survey, open.surveys > 0 ? `(${open.surveys})` : undefined],
    [`${home}/votes`, t.m.home.vote, open.ballots > 0 ? `(${open.ballots})` : undefined],
    [`${home}/feedback`, t.m.home.feedback],
    [`${home}/propose`, t.m.home.propose],
    [`${home}/track`, t.m.home.track],
    [`/results${publicLang}`, t.m.home.results],
  ];
  return context.page({
    title: web ? t.p.webTitle : t.p.desk(desk.code, pickText(desk.branchName, t.lang)),
    body: html`<p>${web ? t.p.webIntro : t.p.deskIntro}</p>
<ul class="tiles">${tiles.map(([href, label, note]) => html`<li><a class="tile" href="${href}">${label}${note ? html` <span class="count">${note}</span>` : ''}</a></li>`)}</ul>`,
  });
}
