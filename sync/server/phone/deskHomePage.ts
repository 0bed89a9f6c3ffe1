import { pickText } from '../../protocol/languages.js';
import { html, type SafeHtml } from '../web/html.js';
import type { PhoneContext } from './phoneContext.js';

/** The page a desk's QR code opens: what a visitor can do here, as large links. */
export function deskHomePage(context: PhoneContext, open: { readonly surveys: number; readonly ballots: number }): SafeHtml {
  const { t, desk, home } = context;
  const publicLang = t.lang === 'en' ? '?lang=en' : '';
  const tiles: Array<[string, string, string?]> = [
    [`${home}/rate`, t.m.home.rate],
    [`${home}/surveys`, t.m.home.survey, open.surveys > 0 ? `(${open.surveys})` : undefined],
    [`${home}/votes`, t.m.home.vote, open.ballots > 0 ? `(${open.ballots})` : undefined],
    [`${home}/feedback`, t.m.home.feedback],
    [`${home}/propose`, t.m.home.propose],
    [`/feedback${publicLang}`, t.m.home.track],
    [`/results${publicLang}`, t.m.home.results],
  ];
  return context.page({
    title: t.p.desk(desk.code, pickText(desk.branchName, t.lang)),
    body: html`<p>${t.p.deskIntro}</p>
<ul class="tiles">${tiles.map(([href, label, note]) => html`<li><a class="tile" href="${href}">${label}${note ? html` <span class="count">${note}</span>` : ''}</a></li>`)}</ul>`,
  });
}
