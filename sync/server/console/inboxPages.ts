import { FEEDBACK_KINDS } from '../../protocol/submission.js';
import { csrfField } from './csrf.js';
import { formatTrackingCode } from '../../protocol/trackingCode.js';
import { FEEDBACK_STATUSES, type FeedbackStatus } from '../db/schema.js';
import type { FeedbackNote, FeedbackResponse, FeedbackRow, InboxFilter } from '../services/feedback.js';
import { TEAMS, manualMovesFrom, MAX_NOTE, MAX_RESPONSE, OPEN_STATUSES } from '../services/feedback.js';
import type { StaffSession } from '../services/staffAuth.js';
import { consolePage } from './consolePages.js';
import { html, type SafeHtml } from '../web/html.js';
import { tbilisiTime } from '../public/publicTexts.js';

const DUE_SOON_MS = 4 * 3_600_000;

const duration = (ms: number): string => {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  const hours = Math.floor(minutes / 60);
  return hours > 0 ? `${hours} h ${minutes % 60} min` : `${minutes} min`;
};

/** Overdue, due within 4 hours, or time left; answered items say whether they were on time. */
export function deadlineTag(row: Pick<FeedbackRow, 'current_due_at' | 'status' | 'first_answered_at' | 'due_at'>, now: number): SafeHtml {
  const due = Date.parse(row.current_due_at);
  if (!OPEN_STATUSES.includes(row.status)) {
    if (!row.first_answered_at) return html`<span>closed</span>`;
    const onTime = Date.parse(row.first_answered_at) <= Date.parse(row.due_at);
    return html`<span class="tag ${onTime ? 'on-time' : 'overdue'}">${onTime ? 'answered on time' : 'answered late'}</span>`;
  }
  if (due < now) return html`<span class="tag overdue">Overdue by ${duration(now - due)}</span>`;
  if (due - now <= DUE_SOON_MS) return html`<span class="tag due-soon">Due in ${duration(due - now)}</span>`;
  return html`<span>${duration(due - now)} left</span>`;
}

const offlineNote = (seconds: number): SafeHtml =>
  seconds >= 60 ? html`<br><small>queued offline ${duration(seconds * 1000)}</small>` : html``;

const option = (value: string, label: string, selected: string | undefined) =>
  html`<option value="${value}"${selected === value ? html` selected` : ''}>${label}</option>`;

export interface InboxView {
  readonly session: StaffSession;
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
    'Feedback inbox',
    html`<form class="filters" method="get" action="/console/feedback" aria-label="Filters">
<label>Branch<select name="branch">${option('', 'All branches', filter.branch ?? '')}${view.branches.map((branch) => option(branch, branch, filter.branch))}</select></label>
<label>Service<select name="service">${option('', 'All services', filter.service ?? '')}${view.serviceIds.map((id) => option(id, view.serviceName(id), filter.service))}</select></label>
<label>Kind<select name="kind">${option('', 'All kinds', filter.kind ?? '')}${FEEDBACK_KINDS.map((kind) => option(kind, kind, filter.kind))}</select></label>
<label>Status<select name="status">${option('open', 'Open (needs an answer)', filter.status ?? 'open')}${option('all', 'All', filter.status)}${FEEDBACK_STATUSES.map((status) => option(status, status, filter.status))}</select></label>
<button type="submit">Show</button>
</form>
<p>Soonest deadline first. The 24 hours start when the kiosk recorded the feedback; time queued offline is shown under the deadline.</p>
<table>
<caption class="skip">Feedback, soonest deadline first</caption>
<thead><tr><th scope="col">Code</th><th scope="col">Deadline</th><th scope="col">Kind</th><th scope="col">Service</th><th scope="col">Branch</th><th scope="col">Status</th><th scope="col">Team</th><th scope="col">Message</th></tr></thead>
<tbody>${view.rows.map(
      (row) => html`<tr>
<td><a class="code" href="/console/feedback/${row.code}">${formatTrackingCode(row.code)}</a></td>
<td>${deadlineTag({ ...row, due_at: row.due_at ?? row.current_due_at }, view.now)}${offlineNote(row.offline_delay_sec)}</td>
<td>${row.kind}</td><td>${view.serviceName(row.service_id)}</td><td>${row.branch_id}</td><td>${row.status}</td><td>${row.team ?? '—'}</td>
<td class="message">${row.message ? (row.message.length > 140 ? `${row.message.slice(0, 139)}…` : row.message) : ''}${row.has_voice ? html` <em>(voice message)</em>` : ''}</td>
</tr>`,
    )}</tbody>
</table>
${view.rows.length === 0 ? html`<p class="notice" role="status">No feedback matches these filters.</p>` : ''}
<nav aria-label="Pages"><p>${view.page > 0 ? html`<a href="/console/feedback?${query(view.page - 1)}">Previous page</a> ` : ''}${view.hasMore ? html`<a href="/console/feedback?${query(view.page + 1)}">Next page</a>` : ''}</p></nav>`,
    'inbox',
  );
}

export interface DetailView {
  readonly session: StaffSession;
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
  const canAnswer = OPEN_STATUSES.includes(row.status);
  const moves = manualMovesFrom(row.status);
  const action = (path: string) => `/console/feedback/${row.code}/${path}`;
  return consolePage(
    session,
    `Feedback ${formatTrackingCode(row.code)}`,
    html`${view.flash ? html`<p class="notice" role="status">${view.flash}</p>` : ''}${view.error ? html`<p class="error" role="alert">${view.error}</p>` : ''}
<dl class="facts">
<dt>Deadline</dt><dd>${deadlineTag(row, view.now)} (due ${tbilisiTime(row.current_due_at)} Tbilisi time)</dd>
<dt>Status</dt><dd>${row.status}${row.reopened_count > 0 ? ` (reopened ${row.reopened_count}×)` : ''}</dd>
<dt>Kind</dt><dd>${row.kind}</dd>
<dt>Service</dt><dd>${view.serviceName}</dd>
<dt>Branch</dt><dd>${row.branch_id}</dd>
<dt>Left at the kiosk</dt><dd>${tbilisiTime(row.clock_start_at)}</dd>
<dt>Reached Central</dt><dd>${tbilisiTime(row.received_at)}${row.offline_delay_sec >= 60 ? ` (queued offline ${duration(row.offline_delay_sec * 1000)})` : ''}</dd>
<dt>Language</dt><dd>${row.language}</dd>
<dt>Team</dt><dd>${row.team ?? 'not assigned'}</dd>
<dt>Contact</dt><dd>${view.contact === null ? 'none left' : html`<span class="code">${view.contact}</span> ${row.consent_to_contact ? '(agreed to be contacted)' : '(did not agree to be contacted: do not use)'}`}</dd>
</dl>
<h2>Message</h2>
${row.message ? html`<p class="message">${row.message}</p>` : html`<p>No typed message.</p>`}
${row.has_voice ? html`<h2 id="voice-heading">Voice message</h2><audio controls preload="none" aria-labelledby="voice-heading" src="${action('voice.wav')}"></audio>` : ''}
<h2>Responses (public)</h2>
${view.responses.length === 0 ? html`<p>None yet.</p>` : view.responses.map((response) => html`<article class="notice"><p class="message">${response.text}</p><p><small>${tbilisiTime(response.published_at)} by ${response.author}</small></p></article>`)}
${
  canAnswer
    ? html`<form class="stack" method="post" action="${action('respond')}">${csrfField(session)}
<label for="response">Response to the citizen (published as written; it cannot be edited afterwards)</label>
<textarea id="response" name="text" maxlength="${MAX_RESPONSE}" required></textarea>
<div><button type="submit">Publish response</button></div></form>`
    : ''
}
<h2>Assign to a team</h2>
<form class="stack" method="post" action="${action('assign')}">${csrfField(session)}
<label for="team">Team</label>
<select id="team" name="team">${TEAMS.map((team) => option(team, team, row.team ?? undefined))}</select>
<div><button type="submit">Assign</button></div></form>
${
  moves.length > 0
    ? html`<h2>Status</h2><form class="stack" method="post" action="${action('status')}">${csrfField(session)}
<label for="status">Move to</label>
<select id="status" name="status">${moves.map((status: FeedbackStatus) => option(status, status, undefined))}</select>
<div><button type="submit">Change status</button></div></form>`
    : ''
}
<h2>Internal notes (never public)</h2>
${view.notes.map((note) => html`<article><p class="message">${note.text}</p><p><small>${tbilisiTime(note.created_at)} by ${note.author}</small></p></article>`)}
<form class="stack" method="post" action="${action('note')}">${csrfField(session)}
<label for="note">New internal note</label>
<textarea id="note" name="text" maxlength="${MAX_NOTE}" required></textarea>
<div><button type="submit" class="secondary">Add note</button></div></form>`,
  );
}
