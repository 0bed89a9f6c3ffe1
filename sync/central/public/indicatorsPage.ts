import { pickReadable } from '../../protocol/languages.js';
import type { Indicator } from '../services/record/indicators.js';
import { barChart } from '../web/barChart.js';
import { csvCell } from '../web/csv.js';
import { html, type SafeHtml } from '../web/html.js';
import { indicatorTexts } from './indicatorTexts.js';
import type { ResolvedShares } from '../services/record/resolvedShares.js';
import { resolvedSection } from './resolvedSection.js';
import { withLang } from './processPage.js';
import { publicPage } from './publicPage.js';
import type { PublicLanguage } from './publicTexts.js';
import { tableRegion } from '../web/tableRegion.js';
import type { DisplayNames } from '../services/displayNames.js';

const figure = (value: number, unit: Indicator['unit']): string =>
  unit === 'percent' ? `${String(value)}%` : value.toLocaleString('en-US');

/** How far an indicator is towards its target, 0-100 (a chart bar); an "about" target counts as reached at it. */
const reached = (indicator: Indicator): number =>
  indicator.value === undefined ? 0 : Math.min(100, Math.round((100 * indicator.value) / indicator.target));

/** `/record/indicators`: each GE0067 indicator, its target and the platform's measure, as a chart with the table beside it. */
export function indicatorsPage(
  lang: PublicLanguage,
  indicators: readonly Indicator[],
  size: number,
  resolved: { shares: ResolvedShares; names: DisplayNames },
): SafeHtml {
  const words = indicatorTexts(lang);
  const target = (indicator: Indicator) =>
    (indicator.targetKind === 'at-least' ? words.atLeast : words.about)(figure(indicator.target, indicator.unit));
  return publicPage({
    lang,
    title: words.title,
    section: 'record',
    path: '/record/indicators',
    body: html`<p class="message">${words.intro}</p><p>${words.asOf(size)}</p>
<div class="chart-pair">
<p class="chart-title" aria-hidden="true">${words.chartTitle}</p>
${barChart(
  words.chartTitle,
  indicators
    .filter((indicator) => indicator.value !== undefined)
    .map((indicator) => ({ label: words.short[indicator.id], value: reached(indicator) })),
  (value) => `${String(value)}%`,
  100,
)}
${indicators.some((indicator) => indicator.value === undefined) ? html`<p>${words.chartNote}</p>` : ''}
${tableRegion(
  words.title,
  html`<table class="indicators"><caption>${words.title}</caption><thead><tr>${words.columns.map((column) => html`<th scope="col">${column}</th>`)}</tr></thead>
<tbody>${indicators.map(
    (indicator) =>
      html`<tr data-indicator="${indicator.id}"><th scope="row">${words.names[indicator.id]}</th><td>${target(indicator)}</td><td class="num" data-value="${indicator.value === undefined ? '' : String(indicator.value)}">${indicator.value === undefined ? words.notMeasured : figure(indicator.value, indicator.unit)}</td><td>${indicator.parts ? words.parts(indicator.parts.submissions, indicator.parts.focusGroups) : words.basis(indicator.id, indicator.basis)}</td><td>${indicator.sources.length === 0 ? '—' : html`<ul class="sources">${indicator.sources.map((source) => html`<li><a href="${withLang(lang, source.href)}">${pickReadable(source.label, lang)}</a></li>`)}</ul>`}</td></tr>`,
  )}</tbody></table>`,
)}</div>
${resolvedSection(lang, resolved.shares, resolved.names)}
<p>${words.downloads}: <a href="/record/indicators?format=csv">${words.csv}</a> · <a href="/record/indicators?format=json">${words.json}</a></p>
<h2>${words.howTitle}</h2><ul>${words.how.map((line) => html`<li>${line}</li>`)}</ul>`,
  });
}

/** The same figures as CSV, one indicator a row, for a spreadsheet. */
export function indicatorsCsv(indicators: readonly Indicator[], size: number): string {
  const header = ['indicator', 'name', 'target', 'target_kind', 'unit', 'value', 'basis', 'record_size'];
  const rows = indicators.map((indicator) =>
    [
      indicator.id,
      indicatorTexts('en').names[indicator.id],
      indicator.target,
      indicator.targetKind,
      indicator.unit,
      indicator.value ?? null,
      indicator.basis,
      size,
    ]
      .map((cell) => csvCell(cell))
      .join(','),
  );
  return `${[header.join(','), ...rows].join('\r\n')}\r\n`;
}
