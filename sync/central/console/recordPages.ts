import { html, type SafeHtml } from '../web/html.js';
import { MILESTONE_STATUSES } from '../services/record/milestones.js';
import { processKeyPath } from '../services/record/processView.js';
import type { ConsoleSession } from './consoleSession.js';
import { consolePage } from './consolePages.js';
import { csrfField } from './csrf.js';

export interface ProcessOption {
  readonly key: string;
  readonly label: string;
}

export interface RecordFormOutcome {
  readonly problem?: string;
  readonly added?: { readonly index: number; readonly process?: string | undefined };
}

const processLink = (key: string, lang: string): string => `${processKeyPath(key)}${lang === 'en' ? '?lang=en' : ''}`;

/** Where staff add what the public record tells after a decision: implementation milestones, and focus groups held. */
export function recordConsolePage(session: ConsoleSession, processes: readonly ProcessOption[], outcome: RecordFormOutcome = {}): SafeHtml {
  const words = session.t.record;
  const today = new Date(Date.now() + 4 * 3_600_000).toISOString().slice(0, 10);
  const options = (withNone: boolean) =>
    html`${withNone ? html`<option value="">${words.none}</option>` : ''}${processes.map((process) => html`<option value="${process.key}">${process.label}</option>`)}`;
  return consolePage(
    session,
    words.title,
    html`${outcome.added ? html`<p class="notice" role="status">${words.added(outcome.added.index)}${outcome.added.process ? html` <a href="${processLink(outcome.added.process, session.t.lang)}">${words.seeProcess}</a>` : ''}</p>` : ''}${outcome.problem ? html`<p class="error" role="alert">${outcome.problem}</p>` : ''}
<p>${words.intro}</p>
<h2>${words.milestoneHeading}</h2>
<form class="stack" method="post" action="/console/record/milestones">${csrfField(session)}
<label for="process">${words.process}</label><select id="process" name="process">${options(false)}</select>
<label for="status">${words.status}</label><select id="status" name="status">${MILESTONE_STATUSES.map((status) => html`<option value="${status}">${words.statuses[status] ?? status}</option>`)}</select>
<label for="progress">${words.progress}</label><input id="progress" name="progress" type="number" min="0" max="100" step="1" required inputmode="numeric">
<label for="date">${words.date}</label><input id="date" name="date" type="date" required value="${today}">
<label for="note-ka">${words.noteKa}</label><textarea id="note-ka" name="noteKa" required maxlength="500"></textarea>
<label for="note-en">${words.noteEn}</label><textarea id="note-en" name="noteEn" required maxlength="500"></textarea>
<div><button type="submit">${words.addMilestone}</button></div></form>
<h2>${words.focusHeading}</h2><p>${words.focusIntro}</p>
<form class="stack" method="post" action="/console/record/focus-groups">${csrfField(session)}
<label for="held-on">${words.heldOn}</label><input id="held-on" name="heldOn" type="date" required value="${today}">
<label for="topic-ka">${words.topicKa}</label><input id="topic-ka" name="topicKa" required maxlength="300">
<label for="topic-en">${words.topicEn}</label><input id="topic-en" name="topicEn" required maxlength="300">
<label for="participants">${words.participants}</label><input id="participants" name="participants" type="number" min="1" max="10000" step="1" required inputmode="numeric">
<label for="focus-process">${words.informed}</label><select id="focus-process" name="process">${options(true)}</select>
<div><button type="submit">${words.addFocusGroup}</button></div></form>`,
  );
}
