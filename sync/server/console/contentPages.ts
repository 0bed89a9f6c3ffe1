import { LANGUAGES, pickText, type Language, type LocalizedText } from '../../protocol/languages.js';
import { csrfField } from './csrf.js';
import type { ContentPack } from '../../protocol/contentPack.js';
import type { Ballot } from '../../protocol/ballot.js';
import type { Survey } from '../../protocol/survey.js';
import { SEGMENT_OF_KIND, type Authored, type ContentKind } from '../services/contentAuthoring.js';
import type { StaffSession } from '../services/staffAuth.js';
import { consolePage } from './consolePages.js';
import { html, type SafeHtml } from '../web/html.js';
import { tbilisiTime } from '../public/publicTexts.js';

/** A text in one language; a text missing there is marked, since visitors then see the Georgian. */
const textIn = (value: LocalizedText, language: Language) =>
  value[language]
    ? html`<span lang="${language}">${value[language]}</span>`
    : html`<span lang="ka">${value.ka}</span> <em>(no ${language} text: shown in Georgian)</em>`;

/** Every question of a survey in every language. */
function surveyPreview(survey: Survey, language: Language): SafeHtml {
  return html`<p><strong>${textIn(survey.title, language)}</strong></p>
<ol>${survey.questions.map(
    (
      question,
    ) => html`<li><p>${textIn(question.text, language)} <small>(${question.type}${question.required ? ', required' : ', optional'}${question.showIf ? `, asked when ${question.showIf.questionId} is ${question.showIf.anyOf.join(' or ')}` : ''})</small></p>
${'choices' in question ? html`<ul>${question.choices.map((choice) => html`<li>${textIn(choice.label, language)}</li>`)}</ul>` : ''}</li>`,
  )}</ol>`;
}

/** A ballot as a visitor sees it, in one language: its initiatives with their descriptions and origin. */
function ballotPreview(ballot: Ballot, language: Language): SafeHtml {
  return html`<p><strong>${textIn(ballot.title, language)}</strong> <small>(${ballot.policy === 'verified' ? 'one vote per person, by personal number' : 'anonymous, one per kiosk session'}; up to ${ballot.maxChoices} ${ballot.maxChoices === 1 ? 'choice' : 'choices'})</small></p>
${ballot.description ? html`<p>${textIn(ballot.description, language)}</p>` : ''}
<ol>${ballot.initiatives.map((initiative) => html`<li><p>${textIn(initiative.title, language)} <small>(from ${initiative.origin})</small></p><p>${textIn(initiative.description, language)}</p></li>`)}</ol>`;
}

/** The checked survey or ballot in every language, so staff see what each visitor will see. */
export function authoredPreview(authored: Authored): SafeHtml {
  return html`<h2 id="preview">Preview in every language</h2>${LANGUAGES.map(
    (language) => html`<section aria-labelledby="preview-${language}"><h3 id="preview-${language}">Preview: ${language}</h3>
${authored.kind === 'survey' ? surveyPreview(authored.item, language) : ballotPreview(authored.item, language)}</section>`,
  )}`;
}

/** Close now (while open), edit, and the live tally (where results are published): the same for surveys and ballots. */
function itemActions(session: StaffSession, kind: ContentKind, item: { id: string; closesAt: string }): SafeHtml {
  const segment = SEGMENT_OF_KIND[kind];
  return html`<td>${Date.parse(item.closesAt) > Date.now() ? html`<form class="inline" method="post" action="/console/content/${segment}/${item.id}/close">${csrfField(session)}<button type="submit" class="secondary" aria-label="Close ${item.id} now">Close now</button></form>` : 'closed'}</td>
<td><a href="/console/content/${segment}/${item.id}/edit" aria-label="Edit ${item.id}">Edit</a></td>
<td><a href="/console/tallies/${segment}/${item.id}" aria-label="Live tally and results of ${item.id}">Tally, publish results</a></td>`;
}

/** The JSON form of one kind: "Check and preview" or "Publish". */
function authoringForm(session: StaffSession, kind: ContentKind, view: ContentView): SafeHtml {
  const mine = view.draft?.kind === kind;
  const invalid = mine && (view.problems?.length ?? 0) > 0;
  const segment = SEGMENT_OF_KIND[kind];
  return html`<form class="stack" method="post" action="/console/content/${segment}" id="${kind}-form">${csrfField(session)}
<label for="${kind}-json">${kind === 'survey' ? 'Survey' : 'Ballot'} JSON</label>
<textarea id="${kind}-json" name="${kind}" rows="${mine ? 20 : 6}"${invalid ? html` aria-describedby="content-problems" aria-invalid="true"` : ''}>${mine ? (view.draft?.text ?? '') : ''}</textarea>
<div><button type="submit" name="action" value="check" class="secondary">Check and preview</button> <button type="submit" name="action" value="publish">Publish</button></div>
</form>`;
}

export interface ContentView {
  readonly session: StaffSession;
  readonly pack: ContentPack;
  readonly draft?: { readonly kind: ContentKind; readonly text: string };
  readonly problems?: readonly string[];
  readonly preview?: Authored;
  readonly flash?: string;
}

export function contentPage(view: ContentView): SafeHtml {
  const { session, pack } = view;
  const what = view.draft?.kind ?? 'survey';
  return consolePage(
    session,
    'Surveys, ballots and content',
    html`${view.flash ? html`<p class="notice" role="status">${view.flash}</p>` : ''}
${
  view.problems && view.problems.length > 0
    ? html`<div class="error" role="alert" id="content-problems"><p>This ${what} cannot be published:</p><ul>${view.problems.map((problem) => html`<li>${problem}</li>`)}</ul></div>`
    : ''
}
${view.preview ? authoredPreview(view.preview) : ''}
<p>Content pack version <strong>${pack.version}</strong>, published ${tbilisiTime(pack.publishedAt)} (Tbilisi time). <a href="/console/content/export.json">Export surveys and ballots as JSON</a></p>
<h2>Surveys</h2>
<table><caption class="skip">Surveys in the current content pack</caption>
<thead><tr><th scope="col">Id</th><th scope="col">Title</th><th scope="col">Opens</th><th scope="col">Closes</th><th scope="col">Questions</th><th scope="col">Close</th><th scope="col">Edit</th><th scope="col">Results</th></tr></thead>
<tbody>${pack.surveys.map(
      (survey) =>
        html`<tr><td>${survey.id}</td><td>${pickText(survey.title, 'en')}</td><td>${tbilisiTime(survey.opensAt)}</td><td>${tbilisiTime(survey.closesAt)}</td><td class="num">${survey.questions.length}</td>${itemActions(session, 'survey', survey)}</tr>`,
    )}</tbody></table>
<h2>Ballots</h2>
<table><caption class="skip">Ballots in the current content pack</caption>
<thead><tr><th scope="col">Id</th><th scope="col">Title</th><th scope="col">Policy</th><th scope="col">Closes</th><th scope="col">Initiatives</th><th scope="col">Close</th><th scope="col">Edit</th><th scope="col">Results</th></tr></thead>
<tbody>${pack.ballots.map(
      (ballot) =>
        html`<tr><td>${ballot.id}</td><td>${pickText(ballot.title, 'en')}</td><td>${ballot.policy}</td><td>${tbilisiTime(ballot.closesAt)}</td><td class="num">${ballot.initiatives.length}</td>${itemActions(session, 'ballot', ballot)}</tr>`,
    )}</tbody></table>
<h2>Import or edit a survey (JSON)</h2>
<p>Paste a survey (the same shape as the export), or choose “Edit” above. “Check and preview” shows it in every language; “Publish” makes a new content pack version. A broken survey is refused, with every problem named.</p>
${authoringForm(session, 'survey', view)}
<h2>Import or edit a ballot (JSON)</h2>
<p>A ballot lists initiatives (title, description, origin: feedback, study or proposal) and its policy: <code>session</code> (anonymous) or <code>verified</code> (one vote per person). Once votes are cast, its initiatives with votes and its policy stay.</p>
${authoringForm(session, 'ballot', view)}`,
  );
}
