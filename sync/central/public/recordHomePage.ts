import type { RecordOverview } from '../services/record/recordOverview.js';
import type { ProcessView } from '../services/record/processView.js';
import { processTitle, withLang } from './processPage.js';
import { processPath } from '../services/record/processView.js';
import { processTexts } from './processTexts.js';
import { html, type SafeHtml } from '../web/html.js';
import { publicPage } from './publicPage.js';
import { type PublicLanguage } from './publicTexts.js';
import { publicTime, tbilisiTime } from '../web/tbilisiTime.js';
import { recordTexts } from './recordTexts.js';
import { tableRegion } from '../web/tableRegion.js';
import { ID_NAMES, type DisplayNames } from '../services/displayNames.js';

function status(lang: PublicLanguage, view: ProcessView, now: string): string {
  const words = recordTexts(lang);
  const day = (iso: string) => tbilisiTime(iso).slice(0, 10);
  if (view.kind === 'proposal') {
    const decided = view.steps.find((step) => step.kind.startsWith('proposal.'));
    return decided?.kind === 'proposal.accepted' ? words.accepted : decided ? words.rejected : words.pending;
  }
  if (view.kind === 'feedback') {
    const count = (measure: string) => view.totals.find((total) => total.measure === measure)?.count ?? 0;
    return words.answeredInTime(count('answered-in-time'), count('answered-in-time') + count('overdue'));
  }
  if (!view.opensAt || !view.closesAt) return view.resultsPublished ? words.resultsPublished : '';
  const state =
    now < view.opensAt
      ? words.upcoming(day(view.opensAt))
      : now < view.closesAt
        ? words.open(day(view.closesAt))
        : words.closed(day(view.closesAt));
  return view.resultsPublished ? `${state}; ${words.resultsPublished}` : state;
}

/** `/record`: what the public record is, the log's state and its witnesses, how to check it, and the processes it follows. */
export function recordHomePage(lang: PublicLanguage, overview: RecordOverview, siteUrl: string, names: DisplayNames = ID_NAMES): SafeHtml {
  const words = recordTexts(lang);
  const now = new Date().toISOString();
  return publicPage({
    lang,
    title: words.title,
    section: 'record',
    path: '/record',
    body: html`<p class="message">${words.intro}</p>
<h2>${words.logTitle}</h2>
<dl class="facts"><dt>${words.entries}</dt><dd data-record-size="${String(overview.size)}">${String(overview.size)}</dd>
<dt>${words.signedAt}</dt><dd>${overview.signedAt ? publicTime(overview.signedAt, lang) : '—'}</dd>
<dt>${words.witnesses}</dt><dd data-witnesses="${String(overview.witnesses)}">${String(overview.witnesses)}</dd></dl>
${overview.lastWitnessed ? html`<p>${words.lastWitnessed(overview.lastWitnessed.size, overview.lastWitnessed.count)}</p>` : ''}
<p class="message">${words.witnessNote}</p>
<p><a href="${withLang(lang, '/record/indicators')}">${words.indicators}</a></p>
<h2>${words.processesTitle}</h2>
${
  overview.processes.length === 0
    ? html`<p>${words.none}</p>`
    : html`${tableRegion(
        words.processesTitle,
        html`<table><thead><tr><th scope="col">${words.process}</th><th scope="col">${words.kind}</th><th scope="col">${words.status}</th><th scope="col" class="num">${words.participation}</th></tr></thead>
<tbody>${overview.processes.map(
          (process) =>
            html`<tr><th scope="row"><a href="${withLang(lang, processPath(process.view.kind, process.view.id))}">${processTitle(lang, process.view, names.branch)}</a></th><td>${processTexts(lang).kinds[process.view.kind] ?? process.view.kind}</td><td>${status(lang, process.view, now)}</td><td class="num">${process.participation === 0 ? '0' : html`<a href="${withLang(lang, `/record/entries?process=${encodeURIComponent(`${process.view.kind}:${process.view.id}`)}&measure=participation`)}">${String(process.participation)}</a>`}</td></tr>`,
        )}</tbody></table>`,
      )}`
}
<h2>${words.checkTitle}</h2><p>${words.checkIntro}</p><pre class="proof">npm run verify-record -- ${siteUrl}</pre>
<h2>${words.files}</h2><ul><li><a href="/record/checkpoint">${words.checkpoint}</a></li><li><a href="/record/key">${words.key}</a></li></ul>`,
  });
}
