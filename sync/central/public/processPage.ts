import { pickReadable, type LocalizedText } from '../../protocol/languages.js';
import { formatTrackingCode } from '../../protocol/trackingCode.js';
import type { IndexedEntry } from '../services/record/processIndex.js';
import { processPath, type Count, type ProcessView } from '../services/record/processView.js';
import { html, type SafeHtml } from '../web/html.js';
import { processTexts } from './processTexts.js';
import { publicPage } from './publicPage.js';
import { type PublicLanguage, withLang } from './publicTexts.js';
import { publicTime, tbilisiTime } from '../web/tbilisiTime.js';
import { tableRegion } from '../web/tableRegion.js';
import { ID_NAMES } from '../services/displayNames.js';

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const day = (iso: unknown): string => tbilisiTime(str(iso) || null).slice(0, 10);
const localized = (value: unknown, lang: PublicLanguage): string =>
  typeof value === 'object' && value !== null ? pickReadable(value as LocalizedText, lang) : '';

/** Links keep the reader's language. */
export { withLang };

export const entryLink = (lang: PublicLanguage, idx: number): SafeHtml =>
  html`<a href="${withLang(lang, `/record/entries?index=${String(idx)}`)}">${processTexts(lang).entry(idx)}</a>`;

/** One step of a process in plain words, with what it links to. */
function stepWords(lang: PublicLanguage, view: ProcessView, step: IndexedEntry): SafeHtml {
  const words = processTexts(lang).steps;
  const d = step.detail;
  const action = step.kind.split('.')[1] ?? '';
  switch (step.kind) {
    case 'survey.published':
    case 'ballot.published':
      return html`${words.published(day(d.opensAt), day(d.closesAt))}`;
    case 'survey.changed':
    case 'ballot.changed':
      return html`${words.changed(typeof d.contentVersion === 'number' ? String(d.contentVersion) : '')}`;
    case 'results.published':
      return html`${words.results} <a href="${withLang(lang, `/results/${view.kind === 'survey' ? 'surveys' : 'ballots'}/${view.id}`)}">${words.seeResults}</a>`;
    case 'proposal.accepted': {
      const initiative = withLang(lang, `/initiatives/${str(d.ballotId)}/${str(d.initiativeId)}`);
      return view.kind === 'proposal'
        ? html`${words.accepted} <a href="${withLang(lang, processPath('ballot', str(d.ballotId)))}">${words.seeBallot}</a> · <a href="${initiative}">${words.seeInitiative}</a>`
        : html`${words.acceptedIntoBallot} <a href="${withLang(lang, processPath('proposal', step.subject))}">${words.seeProposal}</a> · <a href="${initiative}">${words.seeInitiative}</a>`;
    }
    case 'proposal.rejected':
      return html`${words.rejected} <q class="message">${str(d.reason)}</q>`;
    case 'milestone.added':
      return html`${words.milestone(processTexts(lang).statuses[str(d.status)] ?? str(d.status), Number(d.progress))} ${localized(d.note, lang)}`;
    case 'focus-group.recorded':
      return html`${words.focusGroup(Number(d.participants))} ${localized(d.topic, lang)}`;
    default:
      return action === 'withdrawn'
        ? html`${words.withdrawn}`
        : action === 'closed'
          ? html`${words.closed}`
          : html`${words.other(step.kind)}`;
  }
}

function whatNext(lang: PublicLanguage, view: ProcessView): string {
  const next = processTexts(lang).next;
  const now = new Date().toISOString();
  if (view.kind === 'feedback') return next.feedback;
  if (view.kind === 'proposal') {
    const decided = view.steps.find((step) => step.kind.startsWith('proposal.'));
    return !decided ? next.proposalPending : decided.kind === 'proposal.accepted' ? next.proposalAccepted : next.proposalRejected;
  }
  if (view.opensAt && now < view.opensAt) return next.upcoming(day(view.opensAt));
  if (view.closesAt && now < view.closesAt) return next.open(day(view.closesAt));
  return view.resultsPublished ? next.closedPublished : next.closedWaiting;
}

/** A process's title; a branch's feedback is named by the branch's name (`branchName`), not its id. */
export function processTitle(
  lang: PublicLanguage,
  view: Pick<ProcessView, 'kind' | 'id' | 'title'>,
  branchName: (id: string) => string = ID_NAMES.branch,
): string {
  const words = processTexts(lang);
  if (view.title) return pickReadable(view.title, lang);
  if (view.kind === 'proposal') return words.proposalTitle(formatTrackingCode(view.id));
  if (view.kind === 'feedback') return words.feedbackTitle(branchName(view.id));
  return view.id;
}

/** A figure's cell: the count, linking to the entries it counted (none: no link). */
function countCell(lang: PublicLanguage, view: ProcessView, count: Count): SafeHtml {
  if (count.count === 0) return html`<td class="num">0</td>`;
  const query = `process=${encodeURIComponent(view.key)}&measure=${count.measure}${count.day ? `&day=${count.day}` : ''}`;
  return html`<td class="num"><a href="${withLang(lang, `/record/entries?${query}`)}" data-measure="${count.measure}">${String(count.count)}</a></td>`;
}

/** One process's page: its story from the log in plain words, its figures by day, its implementation, what happens next. */
export function processPage(lang: PublicLanguage, view: ProcessView, branchName: (id: string) => string = ID_NAMES.branch): SafeHtml {
  const words = processTexts(lang);
  const milestones = view.steps.filter((step) => step.kind === 'milestone.added');
  const story = view.steps.filter((step) => step.kind !== 'milestone.added');
  const decision = view.steps.find((step) => step.kind.startsWith('proposal.'));
  const path = processPath(view.kind, view.id);
  // A branch's feedback service has no steps of its own, only figures: no empty story then.
  const storyHtml =
    story.length === 0 && view.arrival === undefined
      ? ''
      : html`<h2>${words.storyTitle}</h2>
<ol class="timeline" data-steps="${String(story.length + (view.arrival === undefined ? 0 : 1))}">${
          view.arrival === undefined
            ? ''
            : html`<li><span class="when">${publicTime(str(decision?.detail.receivedAt) || null, lang)}</span> ${words.steps.arrived(branchName(str(decision?.detail.branch)))} ${entryLink(lang, view.arrival)}</li>`
        }${story.map(
          (step) =>
            html`<li data-kind="${step.kind}"><span class="when">${publicTime(step.at, lang)}</span> ${stepWords(lang, view, step)} ${entryLink(lang, step.idx)}</li>`,
        )}</ol>`;
  return publicPage({
    lang,
    title: processTitle(lang, view, branchName),
    section: 'record',
    path,
    body: html`<p><span class="tag">${words.kinds[view.kind] ?? view.kind}</span> ${words.asOf(view.size)}</p>
${storyHtml}
${
  view.measures.length === 0
    ? ''
    : html`<h2>${words.participationTitle}</h2><p>${words.participationNote}</p>
${tableRegion(
  words.participationTitle,
  html`<table class="figures"><thead><tr><th scope="col">${view.period === 'month' ? words.month : words.day}</th>${view.measures.map((measure) => html`<th scope="col" class="num">${words.measures[measure] ?? measure}</th>`)}</tr></thead>
<tbody>${view.days.map((row) => html`<tr><th scope="row">${row.day}</th>${row.counts.map((count) => countCell(lang, view, count))}</tr>`)}</tbody>
<tfoot><tr><th scope="row">${words.total}</th>${view.totals.map((count) => countCell(lang, view, count))}</tr></tfoot></table>`,
)}`
}
${
  view.kind === 'feedback'
    ? ''
    : html`<h2>${words.implementationTitle}</h2>${
        milestones.length === 0
          ? html`<p>${words.noMilestones}</p>`
          : html`${tableRegion(
              words.implementationTitle,
              html`<table class="milestones"><thead><tr>${words.milestoneColumns.map((column) => html`<th scope="col">${column}</th>`)}</tr></thead>
<tbody>${milestones.map(
                (step) =>
                  html`<tr><td>${str(step.detail.date)}</td><td>${words.statuses[str(step.detail.status)] ?? str(step.detail.status)}</td><td class="progress"><progress max="100" value="${String(Number(step.detail.progress))}" aria-hidden="true"></progress> ${String(Number(step.detail.progress))}%</td><td class="message">${localized(step.detail.note, lang)}</td><td>${entryLink(lang, step.idx)}</td></tr>`,
              )}</tbody></table>`,
            )}`
      }`
}
<h2>${words.nextTitle}</h2><p>${whatNext(lang, view)}</p>
<p><a href="${withLang(lang, '/record')}">${words.allProcesses}</a></p>`,
  });
}
