import { pickText } from '../../protocol/languages.js';
import type { ProcessSummary, RecordOverview } from '../services/record/recordOverview.js';
import { html, type SafeHtml } from '../web/html.js';
import { publicPage } from './publicPage.js';
import { tbilisiTime, type PublicLanguage } from './publicTexts.js';
import { recordTexts } from './recordTexts.js';

function status(lang: PublicLanguage, process: ProcessSummary, now: string): string {
  const words = recordTexts(lang);
  const day = (iso: string) => tbilisiTime(iso).slice(0, 10);
  const state =
    now < process.opensAt
      ? words.upcoming(day(process.opensAt))
      : now < process.closesAt
        ? words.open(day(process.closesAt))
        : words.closed(day(process.closesAt));
  return process.resultsPublished ? `${state}; ${words.resultsPublished}` : state;
}

/** `/record`: what the public record is, the log's state and its witnesses, how to check it, and the processes it follows. */
export function recordHomePage(lang: PublicLanguage, overview: RecordOverview, siteUrl: string): SafeHtml {
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
<dt>${words.signedAt}</dt><dd>${overview.signedAt ? tbilisiTime(overview.signedAt) : '—'}</dd>
<dt>${words.witnesses}</dt><dd data-witnesses="${String(overview.witnesses)}">${String(overview.witnesses)}</dd></dl>
${overview.lastWitnessed ? html`<p>${words.lastWitnessed(overview.lastWitnessed.size, overview.lastWitnessed.count)}</p>` : ''}
<p class="message">${words.witnessNote}</p>
<h2>${words.processesTitle}</h2>
${
  overview.processes.length === 0
    ? html`<p>${words.none}</p>`
    : html`<table><thead><tr><th scope="col">${words.process}</th><th scope="col">${words.kind}</th><th scope="col">${words.status}</th><th scope="col" class="num">${words.participation}</th></tr></thead>
<tbody>${overview.processes.map(
        (process) =>
          html`<tr><th scope="row">${pickText(process.title, lang)}</th><td>${process.kind === 'survey' ? words.survey : words.ballot}</td><td>${status(lang, process, now)}</td><td class="num">${String(process.participation)}</td></tr>`,
      )}</tbody></table>`
}
<h2>${words.checkTitle}</h2><p>${words.checkIntro}</p><pre class="proof">npm run verify-record -- ${siteUrl}</pre>
<h2>${words.files}</h2><ul><li><a href="/record/checkpoint">${words.checkpoint}</a></li><li><a href="/record/key">${words.key}</a></li></ul>`,
  });
}
