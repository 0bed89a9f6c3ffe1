import { pickText } from '../../protocol/languages.js';
import { tbilisiTime } from '../web/tbilisiTime.js';
import type { Branch } from '../services/desks.js';
import type { FleetEntry } from '../services/fleet.js';
import type { KioskHistory } from '../services/kioskHistory.js';
import { barChart } from '../web/barChart.js';
import { deskQrSvg, textQr } from '../web/deskQr.js';
import { html, trustedHtml, type SafeHtml } from '../web/html.js';
import type { SendingTrouble } from '../services/sendingTrouble.js';
import { sendingTroubleNotice } from './alertPages.js';
import type { ConsoleSession } from './consoleSession.js';
import { consolePage } from './consolePages.js';
import { csrfField } from './csrf.js';

type Flag = 'silent' | 'drifting' | 'unknownDesk' | 'deadLetters' | 'alerts';

/** What needs a technician's eye, worst first: silent, then clock, desk, dead letters, alerts. */
export function attentionOf(entry: FleetEntry): Flag[] {
  const flags: Array<Flag | false> = [
    entry.silent && 'silent',
    entry.clockDrifting && 'drifting',
    entry.deskUnknown && 'unknownDesk',
    (entry.deadLetters ?? 0) > 0 && 'deadLetters',
    entry.openAlerts > 0 && 'alerts',
  ];
  return flags.filter((flag): flag is Flag => flag !== false);
}

/** A kiosk's state in words: OK, or each thing that needs attention. */
function stateWords(words: ConsoleSession['t']['fleet'], entry: FleetEntry): string {
  const flags = attentionOf(entry);
  if (flags.length === 0) return words.ok;
  return flags.map((flag) => (flag === 'alerts' ? words.alerts(entry.openAlerts) : words[flag])).join(' · ');
}

export interface IssuedToken {
  readonly token: string;
  readonly branchId: string;
  readonly expiresAt: string;
}

/**
 * Every kiosk by branch at a glance (admins and technicians): the latest
 * heartbeat's figures, and in words what needs attention (never colour
 * alone); each kiosk links to its page. Below, a one-time enrolment token.
 */
export function fleetPage(
  session: ConsoleSession,
  view: {
    fleet: readonly FleetEntry[];
    branches: readonly Branch[];
    silentAfterMinutes: number;
    /** Central's own messages failing: a technician checks the provider. */
    trouble: SendingTrouble;
    issued?: IssuedToken | undefined;
  },
): SafeHtml {
  const { fleet, branches, silentAfterMinutes, issued } = view;
  const words = session.t.fleet;
  const lang = session.t.lang;
  const branchName = (id: string) => {
    const branch = branches.find((candidate) => candidate.id === id);
    return branch ? `${branch.code} · ${pickText(branch.name, lang)}` : id;
  };
  const state = (entry: FleetEntry) =>
    attentionOf(entry).length === 0
      ? html`<span class="state-ok">${words.ok}</span>`
      : html`<strong class="state-attention">${stateWords(words, entry)}</strong>`;
  const byBranch = [...new Set(fleet.map((entry) => entry.branchId))];
  const attention = fleet.filter((entry) => attentionOf(entry).length > 0).length;
  return consolePage(
    session,
    words.title,
    html`${sendingTroubleNotice(session, view.trouble)}<p>${words.intro} ${words.silentAfter(silentAfterMinutes)}</p>
${fleet.length === 0 ? html`<p>${words.none}</p>` : html`<p role="status"><strong>${words.summary(fleet.length, attention)}</strong></p>`}
${byBranch.map(
  (branchId) => html`<h2>${branchName(branchId)}</h2>
<table class="fleet"><thead><tr>${words.columns.map((column) => html`<th scope="col">${column}</th>`)}</tr></thead><tbody>
${fleet
  .filter((entry) => entry.branchId === branchId)
  .map(
    (entry) =>
      html`<tr><th scope="row"><a href="/console/fleet/${entry.deviceId}">${entry.kioskId}</a></th><td>${entry.lastHeartbeatAt ? tbilisiTime(entry.lastHeartbeatAt) : words.never}</td><td class="num">${entry.queueDepth ?? '—'}</td><td class="num">${entry.deadLetters ?? '—'}</td><td class="num">${entry.clockDriftMs === null ? '—' : words.seconds(Math.round(entry.clockDriftMs / 1000))}</td><td>${entry.deskId ?? '—'}</td><td>${entry.version ?? '—'}</td><td>${state(entry)}</td></tr>`,
  )}</tbody></table>`,
)}
<h2 id="enrol">${words.tokenTitle}</h2>
${
  issued
    ? html`<div class="notice" role="status"><p>${words.tokenShown(tbilisiTime(issued.expiresAt))}</p>
<p class="big code">${issued.token}</p>
${trustedHtml(deskQrSvg(textQr(issued.token), 40, words.tokenQr))}</div>`
    : ''
}
<p>${words.tokenIntro}</p>
<form class="stack" method="post" action="/console/fleet/tokens">${csrfField(session)}
<label for="token-branch">${words.tokenBranch}</label><select id="token-branch" name="branchId">${branches.map(
      (branch) => html`<option value="${branch.id}">${branch.code} · ${pickText(branch.name, lang)}</option>`,
    )}</select>
<div><button type="submit">${words.tokenButton}</button></div></form>`,
  );
}

const PERIOD_HOURS = 6;

/** One kiosk: its latest heartbeat in full, its last 72 hours (a chart and the same numbers as a table), its alerts and technician visits. */
export function kioskPage(session: ConsoleSession, entry: FleetEntry, history: KioskHistory): SafeHtml {
  const words = session.t.fleet;
  const facts = words.facts;
  const latest = history.latest;
  const row = (label: string, value: string | number | null | undefined) =>
    html`<tr><th scope="row">${label}</th><td>${value ?? '—'}</td></tr>`;
  // Six-hour periods (12 over 72 hours): a chart a technician takes in at a glance; an empty period is a silent one.
  const periods = Array.from({ length: Math.ceil(history.hours.length / PERIOD_HOURS) }, (_, index) => {
    const hours = history.hours.slice(index * PERIOD_HOURS, (index + 1) * PERIOD_HOURS);
    return {
      // In Tbilisi time, as every other time on the console.
      label: tbilisiTime(hours[0]?.hour ?? null).slice(5),
      beats: hours.reduce((sum, hour) => sum + hour.beats, 0),
      maxQueueDepth: Math.max(0, ...hours.map((hour) => hour.maxQueueDepth)),
    };
  });
  return consolePage(
    session,
    words.kioskTitle(entry.kioskId),
    html`<p><a href="/console/fleet">${words.backToFleet}</a></p>
<p role="status"><strong>${stateWords(words, entry)}</strong></p>
<h2>${words.latest}</h2>
<table class="facts"><tbody>
${row(facts.device, entry.deviceId)}
${row(facts.branch, entry.branchId)}
${row(facts.desk, entry.deskId)}
${row(facts.lastHeartbeat, entry.lastHeartbeatAt ? tbilisiTime(entry.lastHeartbeatAt) : words.never)}
${row(facts.queue, latest?.queue_depth)}
${row(facts.oldest, latest?.oldest_pending_age_sec === null || latest === undefined ? null : Math.round(latest.oldest_pending_age_sec / 60))}
${row(facts.dead, latest?.dead_letters)}
${row(facts.lastSync, latest?.last_sync_at ? tbilisiTime(latest.last_sync_at) : null)}
${row(facts.disk, latest?.free_disk_bytes === null || latest === undefined ? null : Math.round(latest.free_disk_bytes / 1_048_576))}
${row(facts.clock, entry.clockDriftMs === null ? null : words.seconds(Math.round(entry.clockDriftMs / 1000)))}
${row(facts.version, entry.version)}
</tbody></table>
<h2>${words.historyTitle}</h2>
<p>${words.historyNote}</p>
<div class="chart-pair">
${barChart(
  words.historyTitle,
  periods.map((period) => ({ label: period.label, value: period.beats })),
)}
<table><caption class="skip">${words.historyTitle}</caption><thead><tr><th scope="col">${words.hour}</th><th scope="col" class="num">${words.beats}</th><th scope="col" class="num">${words.worstQueue}</th></tr></thead>
<tbody>${periods.map((period) => html`<tr><th scope="row">${period.label}</th><td class="num">${period.beats}</td><td class="num">${period.maxQueueDepth}</td></tr>`)}</tbody></table>
</div>
<h2>${words.alertsTitle}</h2>
${
  history.alerts.length === 0
    ? html`<p>${words.noAlerts}</p>`
    : html`<table><thead><tr>${words.alertColumns.map((column) => html`<th scope="col">${column}</th>`)}</tr></thead><tbody>${history.alerts.map(
        (alert) => html`<tr><td>${tbilisiTime(alert.createdAt)}</td><td>${alert.kind}</td><td class="code">${alert.detail}</td></tr>`,
      )}</tbody></table>`
}
<h2>${words.visitsTitle}</h2>
${
  history.visits.length === 0
    ? html`<p>${words.noVisits}</p>`
    : html`<table><thead><tr>${words.visitColumns.map((column) => html`<th scope="col">${column}</th>`)}</tr></thead><tbody>${history.visits.map(
        (visit) =>
          html`<tr><td>${tbilisiTime(visit.startedAt)}</td><td>${tbilisiTime(visit.endedAt)}</td><td>${words.visitEnds[visit.endReason as keyof typeof words.visitEnds] ?? visit.endReason}</td><td class="code">${visit.changes.length > 0 ? visit.changes.join(', ') : words.noChanges}</td></tr>`,
      )}</tbody></table>`
}`,
  );
}
