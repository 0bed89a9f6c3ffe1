import type { ResolvedShare, ResolvedShares } from '../services/record/resolvedShares.js';
import { barChart } from '../web/barChart.js';
import { html, type SafeHtml } from '../web/html.js';
import { publicTexts, type PublicLanguage } from './publicTexts.js';
import { tableRegion } from '../web/tableRegion.js';
import type { DisplayNames } from '../services/displayNames.js';

const percent = (share: number | null): string => (share === null ? '—' : `${(share * 100).toFixed(1)}%`);

/** One grouping (branch or service): the chart, and the same numbers in a table beside it. */
function groupTable(lang: PublicLanguage, title: string, groups: readonly ResolvedShare[], label: (key: string) => string): SafeHtml {
  const texts = publicTexts(lang);
  return html`<h3>${title}</h3><div class="chart-pair">
${barChart(
  `${title}: ${texts.resolvedShare}`,
  groups.map((group) => ({ label: label(group.key), value: (group.share ?? 0) * 100 })),
  (value) => `${value.toFixed(1)}%`,
  100,
)}
${tableRegion(
  title,
  html`<table><caption class="skip">${title}</caption>
<thead><tr><th scope="col">${texts.group}</th><th scope="col" class="num">${texts.resolvedShare}</th><th scope="col" class="num">${texts.resolvedYesCount}</th><th scope="col" class="num">${texts.resolvedNoCount}</th></tr></thead>
<tbody>${groups.map((group) => html`<tr><th scope="row">${label(group.key)}</th><td class="num">${percent(group.share)}</td><td class="num">${group.yes}</td><td class="num">${group.no}</td></tr>`)}</tbody></table>`,
)}</div>`;
}

/** "Was it resolved?" as citizens answered it, on /figures and /record/indicators: the share, by branch and by service. */
export function resolvedSection(lang: PublicLanguage, shares: ResolvedShares, names: DisplayNames): SafeHtml {
  const texts = publicTexts(lang);
  return html`<section aria-labelledby="resolved">
<h2 id="resolved">${texts.resolvedTitle}</h2>
<p>${texts.resolvedIntro}</p>
${
  shares.all.share === null
    ? html`<p>${texts.resolvedNone}</p>`
    : html`<p><span class="big" data-resolved-share="${percent(shares.all.share)}">${percent(shares.all.share)}</span> ${texts.resolvedShare} (${texts.resolvedYesCount} ${shares.all.yes}, ${texts.resolvedNoCount} ${shares.all.no})</p>
${groupTable(lang, texts.byBranch, shares.byBranch, names.branch)}
${groupTable(lang, texts.byService, shares.byService, names.service)}`
}
</section>`;
}
