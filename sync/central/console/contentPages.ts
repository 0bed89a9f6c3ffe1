import { LANGUAGES, pickText, type Language, type LocalizedText } from '../../protocol/languages.js';
import { csrfField } from './csrf.js';
import type { ContentPack } from '../../protocol/contentPack.js';
import type { Ballot } from '../../protocol/ballot.js';
import type { Survey } from '../../protocol/survey.js';
import { SEGMENT_OF_KIND, type Authored, type ContentKind } from '../services/contentAuthoring.js';
import { TITLE_SPEECH_GOAL_S, type LongTitle } from '../services/titleSpeech.js';
import type { ConsoleSession } from './consoleSession.js';
import type { ConsoleTexts } from './consoleTexts.js';
import { consolePage } from './consolePages.js';
import { html, type SafeHtml } from '../web/html.js';
import { tbilisiTime } from '../web/tbilisiTime.js';

/** A text in one language; a text missing there is marked, since visitors then see the Georgian. */
const textIn = (t: ConsoleTexts, value: LocalizedText, language: Language) =>
  value[language]
    ? html`<span lang="${language}">${value[language]}</span>`
    : html`<span lang="ka">${value.ka}</span> <em>${t.content.missingText(language)}</em>`;

/** Every question of a survey in every language. */
function surveyPreview(t: ConsoleTexts, survey: Survey, language: Language): SafeHtml {
  return html`<p><strong>${textIn(t, survey.title, language)}</strong></p>
<ol>${survey.questions.map(
    (
      question,
    ) => html`<li><p>${textIn(t, question.text, language)} <small>${t.content.questionFacts(question.type, question.required, question.showIf && t.content.showIf(question.showIf.questionId, question.showIf.anyOf))}</small></p>
${'choices' in question ? html`<ul>${question.choices.map((choice) => html`<li>${textIn(t, choice.label, language)}</li>`)}</ul>` : ''}</li>`,
  )}</ol>`;
}

/** A ballot as a visitor sees it, in one language: its initiatives with their descriptions and origin. */
function ballotPreview(t: ConsoleTexts, ballot: Ballot, language: Language): SafeHtml {
  return html`<p><strong>${textIn(t, ballot.title, language)}</strong> <small>${t.content.ballotFacts(ballot.policy === 'verified', ballot.maxChoices)}</small></p>
${ballot.description ? html`<p>${textIn(t, ballot.description, language)}</p>` : ''}
<ol>${ballot.initiatives.map((initiative) => html`<li><p>${textIn(t, initiative.title, language)} <small>${t.content.from(initiative.origin)}</small></p><p>${textIn(t, initiative.description, language)}</p></li>`)}</ol>`;
}

/** The checked survey or ballot in every language, so staff see what each visitor will see. */
export function authoredPreview(t: ConsoleTexts, authored: Authored): SafeHtml {
  return html`<h2 id="preview">${t.content.previewHeading}</h2>${LANGUAGES.map(
    (language) => html`<section aria-labelledby="preview-${language}"><h3 id="preview-${language}">${t.content.previewIn(language)}</h3>
${authored.kind === 'survey' ? surveyPreview(t, authored.item, language) : ballotPreview(t, authored.item, language)}</section>`,
  )}`;
}

/** The titles a blind visitor waits through longest before a choice, or why they could not be timed: advice, never a refusal. */
function slowToHear(t: ConsoleTexts, heard: TitleSpeechCheck): SafeHtml {
  if ('failed' in heard) return html`<p class="notice" role="status">${t.content.notMeasured(heard.failed)}</p>`;
  if (heard.long.length === 0) return html``;
  return html`<div class="notice" role="status" id="slow-to-hear"><p>${t.content.slowToHear(TITLE_SPEECH_GOAL_S)}</p>
<ul>${heard.long.map((title) => html`<li>${t.content.titlePlace(title.place)}: <span lang="ka">${title.text}</span> (${t.content.seconds(title.seconds)})</li>`)}</ul></div>`;
}

/** Close now (while open), edit, and the live tally (where results are published): the same for surveys and ballots. */
function itemActions(session: ConsoleSession, kind: ContentKind, item: { id: string; closesAt: string }): SafeHtml {
  const segment = SEGMENT_OF_KIND[kind];
  const words = session.t.content;
  return html`<td>${Date.parse(item.closesAt) > Date.now() ? html`<form class="inline" method="post" action="/console/content/${segment}/${item.id}/close">${csrfField(session)}<button type="submit" class="secondary" aria-label="${words.closeLabel(item.id)}">${words.closeNow}</button></form>` : words.closed}</td>
<td><a href="/console/content/${segment}/${item.id}/edit" aria-label="${words.editLabel(item.id)}">${words.edit}</a></td>
<td><a href="/console/tallies/${segment}/${item.id}" aria-label="${words.tallyLabel(item.id)}">${words.tally}</a></td>`;
}

/** The JSON form of one kind: "Check and preview" or "Publish". */
function authoringForm(session: ConsoleSession, kind: ContentKind, view: ContentView): SafeHtml {
  const words = session.t.content;
  const mine = view.draft?.kind === kind;
  const invalid = mine && (view.problems?.length ?? 0) > 0;
  const segment = SEGMENT_OF_KIND[kind];
  return html`<form class="stack" method="post" action="/console/content/${segment}" id="${kind}-form">${csrfField(session)}
<label for="${kind}-json">${words.json(kind)}</label>
<textarea id="${kind}-json" name="${kind}" rows="${mine ? 20 : 6}"${invalid ? html` aria-describedby="content-problems" aria-invalid="true"` : ''}>${mine ? (view.draft?.text ?? '') : ''}</textarea>
<div><button type="submit" name="action" value="check" class="secondary">${words.check}</button> <button type="submit" name="action" value="publish">${words.publish}</button></div>
</form>`;
}

export interface ContentView {
  readonly session: ConsoleSession;
  readonly pack: ContentPack;
  readonly draft?: { readonly kind: ContentKind; readonly text: string };
  readonly problems?: readonly string[];
  readonly preview?: Authored;
  readonly flash?: string;
  /** How long the checked or published item's titles take to say on a kiosk. */
  readonly titleSpeech?: TitleSpeechCheck;
}

/** The titles over the goal, or why they could not be timed. */
export type TitleSpeechCheck = { readonly long: readonly LongTitle[] } | { readonly failed: string };

export function contentPage(view: ContentView): SafeHtml {
  const { session, pack } = view;
  const words = session.t.content;
  const what = words.kindName[view.draft?.kind ?? 'survey'] ?? 'survey';
  return consolePage(
    session,
    words.title,
    html`${view.flash ? html`<p class="notice" role="status">${view.flash}</p>` : ''}
${
  view.problems && view.problems.length > 0
    ? html`<div class="error" role="alert" id="content-problems"><p>${words.cannotPublish(what)}</p><ul>${view.problems.map((problem) => html`<li>${problem}</li>`)}</ul></div>`
    : ''
}
${view.titleSpeech ? slowToHear(session.t, view.titleSpeech) : ''}
${view.preview ? authoredPreview(session.t, view.preview) : ''}
<p>${words.packLine(pack.version, tbilisiTime(pack.publishedAt))} <a href="/console/content/export.json">${words.export}</a></p>
<h2>${words.surveys}</h2>
<table><caption class="skip">${words.surveysCaption}</caption>
<thead><tr>${words.surveyColumns.map((column) => html`<th scope="col">${column}</th>`)}</tr></thead>
<tbody>${pack.surveys.map(
      (survey) =>
        html`<tr><td>${survey.id}</td><td>${pickText(survey.title, session.t.lang)}</td><td>${tbilisiTime(survey.opensAt)}</td><td>${tbilisiTime(survey.closesAt)}</td><td class="num">${survey.questions.length}</td>${itemActions(session, 'survey', survey)}</tr>`,
    )}</tbody></table>
<h2>${words.ballots}</h2>
<table><caption class="skip">${words.ballotsCaption}</caption>
<thead><tr>${words.ballotColumns.map((column) => html`<th scope="col">${column}</th>`)}</tr></thead>
<tbody>${pack.ballots.map(
      (ballot) =>
        html`<tr><td>${ballot.id}</td><td>${pickText(ballot.title, session.t.lang)}</td><td>${ballot.policy}</td><td>${tbilisiTime(ballot.closesAt)}</td><td class="num">${ballot.initiatives.length}</td>${itemActions(session, 'ballot', ballot)}</tr>`,
    )}</tbody></table>
<h2>${words.importSurvey}</h2>
<p>${words.importSurveyHelp}</p>
${authoringForm(session, 'survey', view)}
<h2>${words.importBallot}</h2>
<p>${words.importBallotHelp[0]}<code>session</code>${words.importBallotHelp[1]}<code>verified</code>${words.importBallotHelp[2]}</p>
${authoringForm(session, 'ballot', view)}`,
  );
}
