import type { StaffRole } from '../db/schema.js';
import { NOTICES_OF_ROLE, type StaffNotice } from '../services/staffNotices.js';
import { html, type SafeHtml } from '../web/html.js';
import type { ConsoleSession } from './consoleSession.js';
import { consolePage } from './consolePages.js';
import { csrfField } from './csrf.js';

export interface AccountView {
  readonly settings: {
    readonly role: StaffRole;
    readonly email: string | null;
    readonly branch_id: string | null;
    readonly team: string | null;
    readonly chosen: readonly StaffNotice[];
  };
  readonly saved?: boolean;
  /** A refusal, worded for the reader, and what they typed (kept, so nothing is lost). */
  readonly error?: string;
  readonly typedEmail?: string;
}

/** A staff member's notices: their address, what their role may be told of as boxes to tick, and their branch and team. */
export function accountPage(session: ConsoleSession, view: AccountView): SafeHtml {
  const words = session.t.account;
  const offered = NOTICES_OF_ROLE[view.settings.role];
  const teamName = view.settings.team === null ? null : (session.t.teams[view.settings.team] ?? view.settings.team);
  const box = (notice: StaffNotice) =>
    html`<div class="choice"><input type="checkbox" id="notice-${notice}" name="notice-${notice}" value="on"${view.settings.chosen.includes(notice) ? html` checked` : ''}><label for="notice-${notice}">${words.notice[notice] ?? notice}</label></div>`;
  return consolePage(
    session,
    words.title,
    html`${view.saved ? html`<p class="notice" role="status">${words.saved}</p>` : ''}${view.error ? html`<p class="error" role="alert" id="account-error">${view.error}</p>` : ''}
<p>${words.intro}</p>
<p>${words.scope(view.settings.branch_id, teamName)}</p>
<form class="stack" method="post" action="/console/account">${csrfField(session)}
<label for="email">${words.email}</label>
<input id="email" name="email" type="email" autocomplete="email" value="${view.typedEmail ?? view.settings.email ?? ''}"${view.error ? html` aria-invalid="true" aria-describedby="account-error"` : ''}>
${
  offered.length === 0
    ? html`<p>${words.nothingForRole}</p>`
    : html`<fieldset><legend>${words.notices}</legend>${offered.map(box)}</fieldset>`
}
<div><button type="submit">${words.save}</button></div></form>`,
  );
}
