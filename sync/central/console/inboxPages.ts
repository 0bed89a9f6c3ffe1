import { FEEDBACK_KINDS } from '../../protocol/submission.js';
import { csrfField } from './csrf.js';
import { formatTrackingCode } from '../../protocol/trackingCode.js';
import { FEEDBACK_STATUSES, type FeedbackStatus } from '../db/schema.js';
import type { FeedbackNote, FeedbackResponse, FeedbackRow, InboxFilter } from '../services/feedback.js';
import { TEAMS, manualMovesFrom, MAX_NOTE, MAX_RESPONSE, OPEN_STATUSES } from '../services/feedback.js';
import type { ConsoleSession } from './consoleSession.js';
import { named, type ConsoleTexts } from './consoleTexts.js';
import { consolePage } from './consolePages.js';
import { html, type SafeHtml } from '../web/html.js';
import { tbilisiTime } from '../web/tbilisiTime.js';

const DUE_SOON_MS = 4 * 3_600_000;

const duration = (t: ConsoleTexts, ms: number): string => {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  const hours = Math.floor(minutes / 60);
  return t.duration(hours, hours > 0 ? minutes % 60 : minutes);
};

/** Overdue, due within 4 hours, or time left; answered items say whether they were on time. */
export function deadlineTag(
  t: ConsoleTexts,
  row: Pick<FeedbackRow, 'current_due_at' | 'status' | 'first_answered_at' | 'due_at'>,
  now: number,
): SafeHtml {
  const words = t.deadline;
  const due = Date.parse(row.current_due_at);
  if (!OPEN_STATUSES.includes(row.status)) {
    if (!row.first_answered_at) return html`<span>${words.closed}</span>`;
    const onTime = Date.parse(row.first_answered_at) <= Date.parse(row.due_at);
    return html`<span class="tag ${onTime ? 'on-time' : 'overdue'}">${onTime ? words.onTime : words.late}</span>`;
  }
  if (due < now) return html`<span class="tag overdue">${words.overdue(duration(t, now - due))}</span>`;
  if (due - now <= DUE_SOON_MS) return html`<span class="tag due-soon">${words.dueIn(duration(t, due - now))}</span>`;
  return html`<span>${words.left(duration(t, due - now))}</span>`;
}

const offlineNote = (t: ConsoleTexts, seconds: number): SafeHtml =>
  seconds >= 60 ? html`<br><small>${t.deadline.queuedOffline(duration(t, seconds * 1000))}</small>` : html``;

const option = (value: string, label: string, selected: string | undefined) =>
  html`<option value="${value}"${selected === value ? html` selected` : ''}>${label}</option>`;

export interface InboxView {
  readonly session: ConsoleSession;
  readonly filter: InboxFilter;
  readonly rows: ReadonlyArray<
    Pick<
      FeedbackRow,
      | 'code'
      | 'branch_id'
      | 'service_id'
      | 'kind'
      | 'status'
      | 'team'
      | 'message'
      | 'has_voice'
      | 'offline_delay_sec'
      | 'current_due_at'
      | 'first_answered_at'
    > & { due_at?: string }
  >;
  readonly hasMore: boolean;
  readonly page: number;
  readonly branches: readonly string[];
  readonly serviceName: (id: string) => string;
  readonly serviceIds: readonly string[];
  readonly now: number;
}

export function inboxPage(view: InboxView): SafeHtml {
  const { filter, session } = view;
  const { t } = session;
  const words = t.inbox;
  const query = (page: number) =>
    new URLSearchParams({
      ...(filter.branch ? { branch: filter.branch } : {}),
      ...(filter.service ? { service: filter.service } : {}),
      ...(filter.kind ? { kind: filter.kind } : {}),
      status: filter.status ?? 'open',
      page: String(page),
    }).toString();
  return consolePage(
    session,
    words.title,
    html`<form class="filters" method="get" action="/console/feedback" aria-label="${words.filters}">
<label>${words.branch}<select name="branch">${option('', words.allBranches, filter.branch ?? '')}${view.branches.map((branch) => option(branch, branch, filter.branch))}</select></label>
<label>${words.service}<select name="service">${option('', words.allServices, filter.service ?? '')}${view.serviceIds.map((id) => option(id, view.serviceName(id), filter.service))}</select></label>
<label>${words.kind}<select name="kind">${option('', words.allKinds, filter.kind ?? '')}${FEEDBACK_KINDS.map((kind) => option(kind, named(t.kinds, kind), filter.kind))}</select></label>
<label>${words.status}<select name="status">${option('open', words.open, filter.status ?? 'open')}${option('all', words.all, filter.status)}${FEEDBACK_STATUSES.map((status) => option(status, named(t.statuses, status), filter.status))}</select></label>
<button type="submit">${words.show}</button>
</form>
<p>${words.intro}</p>
<table>
<caption class="skip">${words.caption}</caption>
<thead><tr>${words.columns.map((column) => html`<th scope="col">${column}</th>`)}</tr></thead>
<tbody>${view.rows.map(
      (row) => html`<tr>
<td><a class="code" href="/console/feedback/${row.code}">${formatTrackingCode(row.code)}</a></td>
<td>${deadlineTag(t, { ...row, due_at: row.due_at ?? row.current_due_at }, view.now)}${offlineNote(t, row.offline_delay_sec)}</td>
<td>${named(t.kinds, row.kind)}</td><td>${view.serviceName(row.service_id)}</td><td>${row.branch_id}</td><td>${named(t.statuses, row.status)}</td><td>${row.team ? named(t.teams, row.team) : '—'}</td>
<td class="message">${row.message ? (row.message.length > 140 ? `${row.message.slice(0, 139)}…` : row.message) : ''}${row.has_voice ? html` <em>${words.voice}</em>` : ''}</td>
</tr>`,
    )}</tbody>
</table>
${view.rows.length === 0 ? html`<p class="notice" role="status">${words.none}</p>` : ''}
<nav aria-label="${words.pages}"><p>${view.page > 0 ? html`<a href="/console/feedback?${query(view.page - 1)}">${words.previous}</a> ` : ''}${view.hasMore ? html`<a href="/console/feedback?${query(view.page + 1)}">${words.next}</a>` : ''}</p></nav>`,
    'inbox',
  );
}

export interface DetailView {
  readonly session: ConsoleSession;
  readonly row: FeedbackRow;
  readonly responses: readonly FeedbackResponse[];
  readonly notes: readonly FeedbackNote[];
  /** The opened contact details, only for roles that may contact the citizen; null when none were left. */
  readonly contact: string | null;
  readonly serviceName: string;
  readonly now: number;
  readonly flash?: string | undefined;
  readonly error?: string | undefined;
}

export function feedbackDetailPage(view: DetailView): SafeHtml {
  const { row, session } = view;
  const { t } = session;
  const words = t.detail;
  const canAnswer = OPEN_STATUSES.includes(row.status);
  const moves = manualMovesFrom(row.status);
  const action = (path: string) => `/console/feedback/${row.code}/${path}`;
  return consolePage(
    session,
    words.title(formatTrackingCode(row.code)),
    html`${view.flash ? html`<p class="notice" role="status">${view.flash}</p>` : ''}${view.error ? html`<p class="error" role="alert">${view.error}</p>` : ''}
<dl class="facts">
<dt>${words.deadline}</dt><dd>${deadlineTag(t, row, view.now)} ${words.due(tbilisiTime(row.current_due_at))}</dd>
<dt>${words.status}</dt><dd>${named(t.statuses, row.status)}${row.reopened_count > 0 ? words.reopened(row.reopened_count) : ''}</dd>
<dt>${words.kind}</dt><dd>${named(t.kinds, row.kind)}</dd>
<dt>${words.service}</dt><dd>${view.serviceName}</dd>
<dt>${words.branch}</dt><dd>${row.branch_id}</dd>
<dt>${words.left}</dt><dd>${tbilisiTime(row.clock_start_at)}</dd>
<dt>${words.reached}</dt><dd>${tbilisiTime(row.received_at)}${row.offline_delay_sec >= 60 ? words.queuedOffline(duration(t, row.offline_delay_sec * 1000)) : ''}</dd>
<dt>${words.language}</dt><dd>${named(t.languages, row.language)}</dd>
<dt>${words.team}</dt><dd>${row.team ? named(t.teams, row.team) : words.notAssigned}</dd>
<dt>${words.contact}</dt><dd>${view.contact === null ? words.noContact : html`<span class="code">${view.contact}</span> ${row.consent_to_contact ? words.consented : words.notConsented}`}</dd>
</dl>
<h2>${words.message}</h2>
${row.message ? html`<p class="message">${row.message}</p>` : html`<p>${words.noMessage}</p>`}
${row.has_voice ? html`<h2 id="voice-heading">${words.voice}</h2><audio controls preload="none" aria-labelledby="voice-heading" src="${action('voice.wav')}"></audio>` : ''}
<h2>${words.responses}</h2>
${view.responses.length === 0 ? html`<p>${words.noResponses}</p>` : view.responses.map((response) => html`<article class="notice"><p class="message">${response.text}</p><p><small>${words.by(tbilisiTime(response.published_at), response.author)}</small></p></article>`)}
${
  canAnswer
    ? html`<form class="stack" method="post" action="${action('respond')}">${csrfField(session)}
<label for="response">${words.responseLabel}</label>
<textarea id="response" name="text" maxlength="${MAX_RESPONSE}" required></textarea>
<div><button type="submit">${words.publish}</button></div></form>`
    : ''
}
<h2>${words.assignHeading}</h2>
<form class="stack" method="post" action="${action('assign')}">${csrfField(session)}
<label for="team">${words.team}</label>
<select id="team" name="team">${TEAMS.map((team) => option(team, named(t.teams, team), row.team ?? undefined))}</select>
<div><button type="submit">${words.assign}</button></div></form>
${
  moves.length > 0
    ? html`<h2>${words.statusHeading}</h2><form class="stack" method="post" action="${action('status')}">${csrfField(session)}
<label for="status">${words.moveTo}</label>
<select id="status" name="status">${moves.map((status: FeedbackStatus) => option(status, named(t.statuses, status), undefined))}</select>
<div><button type="submit">${words.changeStatus}</button></div></form>`
    : ''
}
<h2>${words.notesHeading}</h2>
${view.notes.map((note) => html`<article><p class="message">${note.text}</p><p><small>${words.by(tbilisiTime(note.created_at), note.author)}</small></p></article>`)}
<form class="stack" method="post" action="${action('note')}">${csrfField(session)}
<label for="note">${words.newNote}</label>
<textarea id="note" name="text" maxlength="${MAX_NOTE}" required></textarea>
<div><button type="submit" class="secondary">${words.addNote}</button></div></form>`,
  );
}
