import type { CentralDatabase } from '../db/schema.js';
import type { SendingTrouble } from '../services/sendingTrouble.js';
import type { RatingAlertSettings } from '../services/ratingAlerts.js';
import { html, type SafeHtml } from '../web/html.js';
import { tbilisiTime } from '../web/tbilisiTime.js';
import type { ConsoleSession } from './consoleSession.js';
import { consolePage } from './consolePages.js';
import { csrfField } from './csrf.js';

type RatingAlert = CentralDatabase['rating_alerts'];

/** Central's messages failing: said at the top of the alerts and fleet pages, where the supervisors and technicians look. */
export const sendingTroubleNotice = (session: ConsoleSession, trouble: SendingTrouble): SafeHtml | '' =>
  trouble.failing > 0
    ? html`<p class="error" role="alert">${session.t.alerts.sendingTrouble(trouble.failing, trouble.lastError ?? '—')}</p>`
    : '';

/** The rating alerts, open ones first: each with where, how bad, and, while open, the form to mark it seen with a comment (shown in it). */
export function alertsPage(
  session: ConsoleSession,
  { alerts, rule, trouble }: { alerts: readonly RatingAlert[]; rule: RatingAlertSettings; trouble: SendingTrouble },
): SafeHtml {
  const words = session.t.alerts;
  const row = (alert: RatingAlert) => {
    const where = alert.scope === 'desk' ? words.desk(alert.subject) : words.service(alert.subject);
    const seen =
      alert.acknowledged_by && alert.acknowledged_at ? words.acknowledged(alert.acknowledged_by, tbilisiTime(alert.acknowledged_at)) : '';
    const state = alert.closed_at ? words.closed(tbilisiTime(alert.closed_at)) : words.open;
    const form = alert.closed_at
      ? ''
      : html`<form class="stack" method="post" action="/console/alerts/acknowledge">${csrfField(session)}<input type="hidden" name="id" value="${alert.id}">
<label for="comment-${alert.opened_at}">${words.comment}</label><textarea id="comment-${alert.opened_at}" name="comment" maxlength="1000">${alert.comment ?? ''}</textarea>
<div><button type="submit">${words.acknowledge}</button></div></form>`;
    return html`<tr><td>${alert.branch_id}</td><td>${where}</td><td>${words.shareOf(Math.round(alert.low_share * 100), alert.ratings)}</td><td>${tbilisiTime(alert.opened_at)}</td>
<td>${state}${seen ? html`<br>${seen}` : ''}${alert.closed_at && alert.comment ? html`<br>${alert.comment}` : ''}${form}</td></tr>`;
  };
  return consolePage(
    session,
    words.title,
    html`${sendingTroubleNotice(session, trouble)}<p>${words.intro({
      percent: Math.round(rule.lowShare * 100),
      minRatings: rule.minRatings,
      windowMinutes: rule.windowMinutes,
      pressSec: rule.minPressIntervalSec,
    })}</p>
${
  alerts.length === 0
    ? html`<p>${words.none}</p>`
    : html`<table><thead><tr><th scope="col">${words.branch}</th><th scope="col">${words.where}</th><th scope="col">${words.share}</th><th scope="col">${words.opened}</th><th scope="col">${words.state}</th></tr></thead>
<tbody>${alerts.map(row)}</tbody></table>`
}`,
  );
}
