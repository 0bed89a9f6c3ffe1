import { LANGUAGES, pickText, type Language } from '../../protocol/languages.js';
import type { ContentPack } from '../../protocol/contentPack.js';
import type { Survey } from '../../protocol/survey.js';
import type { StaffSession } from '../services/staffAuth.js';
import { consolePage } from './consolePages.js';
import { html, type SafeHtml } from './html.js';
import { tbilisiTime } from './publicTexts.js';

const csrf = (session: StaffSession) => html`<input type="hidden" name="_csrf" value="${session.csrfToken}">`;

/** Every question of a survey in every language; a text missing in a language is marked, since it falls back to Georgian. */
export function surveyPreview(survey: Survey): SafeHtml {
  const text = (value: { ka: string } & Partial<Record<Language, string>>, language: Language) =>
    value[language] ? html`<span lang="${language}">${value[language]}</span>` : html`<span lang="ka">${value.ka}</span> <em>(no ${language} text: shown in Georgian)</em>`;
  return html`${LANGUAGES.map(
    (language) => html`<section aria-labelledby="preview-${language}"><h3 id="preview-${language}">Preview: ${language}</h3>
<p><strong>${text(survey.title, language)}</strong></p>
<ol>${survey.questions.map(
      (question) => html`<li><p>${text(question.text, language)} <small>(${question.type}${question.required ? ', required' : ', optional'}${question.showIf ? `, asked when ${question.showIf.questionId} is ${question.showIf.anyOf.join(' or ')}` : ''})</small></p>
${'choices' in question ? html`<ul>${question.choices.map((choice) => html`<li>${text(choice.label, language)}</li>`)}</ul>` : ''}</li>`,
    )}</ol></section>`,
  )}`;
}

const publishResults = (session: StaffSession, kind: 'survey' | 'ballot', id: string) =>
  html`<form class="inline" method="post" action="/console/results">${csrf(session)}<input type="hidden" name="kind" value="${kind}"><input type="hidden" name="id" value="${id}"><button type="submit" class="secondary" aria-label="Publish the results of ${id}">Publish results</button></form>`;

export interface ContentView {
  readonly session: StaffSession;
  readonly pack: ContentPack;
  readonly draft?: string;
  readonly problems?: readonly string[];
  readonly preview?: Survey;
  readonly flash?: string;
}

export function contentPage(view: ContentView): SafeHtml {
  const { session, pack } = view;
  return consolePage(
    session,
    'Surveys and content',
    html`${view.flash ? html`<p class="notice" role="status">${view.flash}</p>` : ''}
${view.problems && view.problems.length > 0
  ? html`<div class="error" role="alert" id="survey-problems"><p>This survey cannot be published:</p><ul>${view.problems.map((problem) => html`<li>${problem}</li>`)}</ul></div>`
  : ''}
<p>Content pack version <strong>${pack.version}</strong>, published ${tbilisiTime(pack.publishedAt)} (Tbilisi time). <a href="/console/content/export.json">Export surveys and ballots as JSON</a></p>
<h2>Surveys</h2>
<table><caption class="skip">Surveys in the current content pack</caption>
<thead><tr><th scope="col">Id</th><th scope="col">Title</th><th scope="col">Opens</th><th scope="col">Closes</th><th scope="col">Questions</th><th scope="col">Close</th><th scope="col">Results</th></tr></thead>
<tbody>${pack.surveys.map(
      (survey) => html`<tr><td>${survey.id}</td><td>${pickText(survey.title, 'en')}</td><td>${tbilisiTime(survey.opensAt)}</td><td>${tbilisiTime(survey.closesAt)}</td><td class="num">${survey.questions.length}</td>
<td>${Date.parse(survey.closesAt) > Date.now() ? html`<form class="inline" method="post" action="/console/content/surveys/${survey.id}/close">${csrf(session)}<button type="submit" class="secondary">Close now</button></form>` : 'closed'}</td>
<td><a href="/console/tallies/surveys/${survey.id}">Live tally</a> ${publishResults(session, 'survey', survey.id)}</td></tr>`,
    )}</tbody></table>
<h2>Ballots</h2>
<table><caption class="skip">Ballots in the current content pack</caption>
<thead><tr><th scope="col">Id</th><th scope="col">Title</th><th scope="col">Policy</th><th scope="col">Closes</th><th scope="col">Initiatives</th><th scope="col">Results</th></tr></thead>
<tbody>${pack.ballots.map(
      (ballot) => html`<tr><td>${ballot.id}</td><td>${pickText(ballot.title, 'en')}</td><td>${ballot.policy}</td><td>${tbilisiTime(ballot.closesAt)}</td><td class="num">${ballot.initiatives.length}</td><td><a href="/console/tallies/ballots/${ballot.id}">Live tally</a> ${publishResults(session, 'ballot', ballot.id)}</td></tr>`,
    )}</tbody></table>
<h2>Import or edit a survey (JSON)</h2>
<p>Paste a survey (the same shape as the export). “Check and preview” shows it in every language; “Publish” makes a new content pack version. A broken survey is refused, with every problem named.</p>
<form class="stack" method="post" action="/console/content/surveys">${csrf(session)}
<label for="survey-json">Survey JSON</label>
<textarea id="survey-json" name="survey" rows="16"${view.problems?.length ? html` aria-describedby="survey-problems" aria-invalid="true"` : ''}>${view.draft ?? ''}</textarea>
<div><button type="submit" name="action" value="check" class="secondary">Check and preview</button> <button type="submit" name="action" value="publish">Publish</button></div>
</form>
${view.preview ? surveyPreview(view.preview) : ''}`,
  );
}
