import type { FeedbackFigures, GroupFigures } from '../services/feedbackFigures.js';
import { barChart } from '../web/barChart.js';
import type { ResolvedShares } from '../services/record/resolvedShares.js';
import { resolvedSection } from './resolvedSection.js';
import { csvCell } from '../web/csv.js';
import { publicPage } from './publicPage.js';
import { html, type SafeHtml } from '../web/html.js';
import { publicTexts, type PublicLanguage, type PublicTexts } from './publicTexts.js';
import { tableRegion } from '../web/tableRegion.js';
import type { DisplayNames } from '../services/displayNames.js';

const percent = (share: number | null): string => (share === null ? '—' : `${(share * 100).toFixed(1)}%`);
const hours = (value: number | null): string => (value === null ? '—' : value.toFixed(1));

function groupSection(
  id: string,
  title: string,
  groups: readonly GroupFigures[],
  texts: PublicTexts,
  label: (key: string) => string,
): SafeHtml {
  return html`<section aria-labelledby="${id}">
<h2 id="${id}">${title}</h2>
<div class="chart-pair">
${barChart(
  `${title}: ${texts.shareOnTime}`,
  groups.map((group) => ({ label: label(group.key), value: (group.shareOnTime ?? 0) * 100 })),
  (value) => `${value.toFixed(1)}%`,
  100,
)}
${tableRegion(
  title,
  html`<table>
<caption class="skip">${title}</caption>
<thead><tr><th scope="col">${texts.group}</th><th scope="col" class="num">${texts.shareOnTime}</th><th scope="col" class="num">${texts.receivedCount}</th><th scope="col" class="num">${texts.answeredCount}</th><th scope="col" class="num">${texts.onTimeCount}</th><th scope="col" class="num">${texts.overdueCount}</th><th scope="col" class="num">${texts.notDueCount}</th></tr></thead>
<tbody>${groups.map(
    (group) =>
      html`<tr><th scope="row">${label(group.key)}</th><td class="num">${percent(group.shareOnTime)}</td><td class="num">${group.received}</td><td class="num">${group.answered}</td><td class="num">${group.answeredOnTime}</td><td class="num">${group.openOverdue}</td><td class="num">${group.openNotYetDue}</td></tr>`,
  )}</tbody>
</table>`,
)}
</div>
</section>`;
}

/** The promise's figures: each chart has the same numbers in a table beside it. */
export function figuresPage(lang: PublicLanguage, figures: FeedbackFigures, names: DisplayNames, resolved: ResolvedShares): SafeHtml {
  const texts = publicTexts(lang);
  const kind = (key: string) => texts.kinds[key] ?? key;
  return publicPage({
    lang,
    title: texts.figuresTitle,
    section: 'figures',
    path: '/figures',
    body: html`<p class="big" id="share">${percent(figures.shareOnTime)}</p>
<p>${texts.shareOnTime}. ${texts.figuresIntro}</p>
${tableRegion(
  texts.figuresTitle,
  html`<table>
<caption class="skip">${texts.figuresTitle}</caption>
<thead><tr><th scope="col">${texts.figure}</th><th scope="col" class="num">${texts.value}</th></tr></thead>
<tbody>
<tr><th scope="row">${texts.shareOnTime}</th><td class="num">${percent(figures.shareOnTime)}</td></tr>
<tr><th scope="row">${texts.receivedCount}</th><td class="num">${figures.received}</td></tr>
<tr><th scope="row">${texts.answeredCount}</th><td class="num">${figures.answered}</td></tr>
<tr><th scope="row">${texts.onTimeCount}</th><td class="num">${figures.answeredOnTime}</td></tr>
<tr><th scope="row">${texts.overdueCount}</th><td class="num">${figures.openOverdue}</td></tr>
<tr><th scope="row">${texts.notDueCount}</th><td class="num">${figures.openNotYetDue}</td></tr>
<tr><th scope="row">${texts.medianHours}</th><td class="num">${hours(figures.hoursToAnswer.median)}</td></tr>
<tr><th scope="row">${texts.p90Hours}</th><td class="num">${hours(figures.hoursToAnswer.p90)}</td></tr>
<tr><th scope="row">${texts.offlineMedian}</th><td class="num">${hours(figures.offlineDelayHours.median)}</td></tr>
<tr><th scope="row">${texts.offlineP90}</th><td class="num">${hours(figures.offlineDelayHours.p90)}</td></tr>
<tr><th scope="row">${texts.offlineOver}</th><td class="num">${figures.offlineDelayHours.delayedOverOneHour}</td></tr>
</tbody>
</table>`,
)}
<section aria-labelledby="per-month">
<h2 id="per-month">${texts.perMonth}</h2>
<p>${texts.perMonthExpected}</p>
<div class="chart-pair">
${barChart(
  texts.perMonth,
  figures.perMonth.map((month) => ({ label: month.month, value: month.received })),
)}
${tableRegion(
  texts.perMonth,
  html`<table>
<caption class="skip">${texts.perMonth}</caption>
<thead><tr><th scope="col">${texts.month}</th><th scope="col" class="num">${texts.receivedCount}</th></tr></thead>
<tbody>${figures.perMonth.map((month) => html`<tr><th scope="row">${month.month}</th><td class="num">${month.received}</td></tr>`)}</tbody>
</table>`,
)}
</div>
</section>
${groupSection('by-branch', texts.byBranch, figures.byBranch, texts, names.branch)}
${groupSection('by-service', texts.byService, figures.byService, texts, names.service)}
${groupSection('by-kind', texts.byKind, figures.byKind, texts, kind)}
${groupSection('by-channel', texts.byChannel, figures.byChannel, texts, (key) => texts.channels[key] ?? key)}
${resolvedSection(lang, resolved, names)}
<h2>${texts.downloads}</h2>
<ul><li><a href="/figures.csv">figures.csv</a></li><li><a href="/figures.json">figures.json</a></li></ul>`,
  });
}

/** One CSV: a row per group (total, month, branch, service, kind, channel), the same numbers as the page. */
export function figuresCsv(figures: FeedbackFigures): string {
  const lines = [
    ['dimension', 'group', 'received', 'answered', 'answered_on_time', 'open_overdue', 'open_not_yet_due', 'share_on_time'].join(','),
  ];
  const add = (dimension: string, group: GroupFigures | (FeedbackFigures & { key: string })) =>
    lines.push(
      [
        dimension,
        group.key,
        group.received,
        group.answered,
        group.answeredOnTime,
        group.openOverdue,
        group.openNotYetDue,
        group.shareOnTime,
      ]
        .map(csvCell)
        .join(','),
    );
  add('total', { ...figures, key: 'all' });
  for (const month of figures.perMonth) lines.push(['month', month.month, month.received, '', '', '', '', ''].map(csvCell).join(','));
  figures.byBranch.forEach((group) => add('branch', group));
  figures.byService.forEach((group) => add('service', group));
  figures.byKind.forEach((group) => add('kind', group));
  figures.byChannel.forEach((group) => add('channel', group));
  return `${lines.join('\n')}\n`;
}
