import type { Ballot } from '../../protocol/ballot.js';
import { pickText, type LocalizedText } from '../../protocol/languages.js';
import type { Survey } from '../../protocol/survey.js';
import type { BallotTally } from '../services/ballotTally.js';
import type { SurveyTally } from '../services/surveyTally.js';
import { barChart } from '../web/barChart.js';
import { publicPage } from './publicPage.js';
import { html, type SafeHtml } from '../web/html.js';
import { tbilisiTime, type PublicLanguage } from './publicTexts.js';

const shell = (lang: PublicLanguage, title: string, body: SafeHtml): SafeHtml => publicPage({ lang, title, section: 'results', body });

/** A chart and the same numbers as a table beside it. */
function pair(title: string, rows: ReadonlyArray<{ label: string; value: number }>, labelHeader: string, unit: string): SafeHtml {
  return html`<div class="chart-pair">
${barChart(title, rows)}
<table><caption class="skip">${title}</caption><thead><tr><th scope="col">${labelHeader}</th><th scope="col" class="num">${unit}</th></tr></thead>
<tbody>${rows.map((row) => html`<tr><th scope="row">${row.label}</th><td class="num">${row.value}</td></tr>`)}</tbody></table>
</div>`;
}

export function resultsIndexPage(language: PublicLanguage, surveys: readonly Survey[], ballots: readonly Ballot[]): SafeHtml {
  const suffix = language === 'en' ? '?lang=en' : '';
  return shell(
    language,
    language === 'en' ? 'Published results' : 'გამოქვეყნებული შედეგები',
    html`<h2>${language === 'en' ? 'Surveys' : 'გამოკითხვები'}</h2>
<ul>${surveys.map((survey) => html`<li><a href="/results/surveys/${survey.id}${suffix}">${pickText(survey.title, language)}</a></li>`)}</ul>
<h2>${language === 'en' ? 'Votes' : 'კენჭისყრები'}</h2>
<ul>${ballots.map((ballot) => html`<li><a href="/results/ballots/${ballot.id}${suffix}">${pickText(ballot.title, language)}</a></li>`)}</ul>`,
  );
}

/** Staff's words on what happens now, above the numbers. */
function nextStepsSection(language: PublicLanguage, nextSteps: LocalizedText | undefined): SafeHtml {
  return nextSteps
    ? html`<section aria-labelledby="next-steps"><h2 id="next-steps">${language === 'en' ? 'What happens next' : 'რა მოხდება შემდეგ'}</h2><p class="message">${pickText(nextSteps, language)}</p></section>`
    : html``;
}

export function surveyResultsPage(
  language: PublicLanguage,
  survey: Survey,
  tally: SurveyTally,
  smileyLabels: readonly LocalizedText[],
  nextSteps?: LocalizedText,
): SafeHtml {
  return shell(
    language,
    pickText(survey.title, language),
    html`${nextStepsSection(language, nextSteps)}${surveyResultsBody(language, survey, tally, smileyLabels)}`,
  );
}

/** The body of a survey's results: also the staff's live tally in the console. */
export function surveyResultsBody(
  language: PublicLanguage,
  survey: Survey,
  tally: SurveyTally,
  smileyLabels: readonly LocalizedText[],
): SafeHtml {
  const en = language === 'en';
  return html`<p>${en ? 'Responses' : 'პასუხები'}: <strong>${tally.responses}</strong>. ${en ? 'Closes' : 'იხურება'}: ${tbilisiTime(survey.closesAt)}. <a href="/results/surveys/${survey.id}.json">JSON</a> · <a href="/results/surveys/${survey.id}.csv">CSV</a></p>
${survey.questions.map((question) => {
  const result = tally.questions.find((candidate) => candidate.questionId === question.id);
  const title = pickText(question.text, language);
  const label = (id: string) => {
    if (question.type === 'yesno') return id === 'yes' ? (en ? 'Yes' : 'დიახ') : en ? 'No' : 'არა';
    // Smileys are named as the kiosk names them ("Very bad" … "Very good"), not 1 to 5.
    const face = question.type === 'smiley' ? smileyLabels[Number(id) - 1] : undefined;
    if (face) return pickText(face, language);
    const choice = 'choices' in question ? question.choices.find((candidate) => candidate.id === id) : undefined;
    return choice ? pickText(choice.label, language) : id;
  };
  const body = !result
    ? html``
    : result.type === 'ranking'
      ? html`<p>${en ? 'Borda count: first place gets n−1 points, last 0; mean rank: 1 is first.' : 'ბორდას ქულა: პირველი ადგილი n−1 ქულა, ბოლო 0; საშუალო ადგილი: 1 პირველია.'}</p>
<div class="chart-pair">${barChart(
          title,
          result.ranking.map((row) => ({ label: label(row.id), value: row.borda })),
        )}
<table><caption class="skip">${title}</caption><thead><tr><th scope="col">${en ? 'Service' : 'სერვისი'}</th><th scope="col" class="num">Borda</th><th scope="col" class="num">${en ? 'Mean rank' : 'საშუალო ადგილი'}</th></tr></thead>
<tbody>${result.ranking.map((row) => html`<tr><th scope="row">${label(row.id)}</th><td class="num">${row.borda}</td><td class="num">${row.meanRank.toFixed(2)}</td></tr>`)}</tbody></table></div>`
      : result.type === 'text'
        ? html`<p>${en ? 'Written answers' : 'წერილობითი პასუხები'}: ${result.answered} ${en ? '(read by staff; not published, as they may hold personal details)' : '(კითხულობენ თანამშრომლები; არ ქვეყნდება)'}</p>`
        : pair(
            title,
            result.counts.map((count) => ({ label: label(count.id), value: count.count })),
            en ? 'Answer' : 'პასუხი',
            en ? 'Answers' : 'რაოდენობა',
          );
  return html`<section><h2>${title}</h2>${body}</section>`;
})}`;
}

export function ballotResultsPage(language: PublicLanguage, ballot: Ballot, tally: BallotTally, nextSteps?: LocalizedText): SafeHtml {
  return shell(
    language,
    pickText(ballot.title, language),
    html`${nextStepsSection(language, nextSteps)}${ballotResultsBody(language, ballot, tally)}`,
  );
}

/** The body of a ballot's results: also the staff's live tally (with bursts flagged) in the console. */
export function ballotResultsBody(language: PublicLanguage, ballot: Ballot, tally: BallotTally, staff = false): SafeHtml {
  const en = language === 'en';
  const title = (id: string) => {
    const initiative = ballot.initiatives.find((candidate) => candidate.id === id);
    return initiative ? pickText(initiative.title, language) : id;
  };
  return html`${staff && tally.bursts.length > 0 ? html`<div class="error" role="alert"><p>Unusual bursts of anonymous votes (more than 20 in a minute from one kiosk):</p><ul>${tally.bursts.map((burst) => html`<li>${burst.deviceId}: ${burst.votesInOneMinute} in one minute</li>`)}</ul></div>` : ''}<p>${en ? 'Votes counted' : 'დათვლილი ხმები'}: <strong>${tally.votes}</strong>. ${en ? 'Repeat votes by the same person (not counted)' : 'იმავე პირის განმეორებითი ხმები (არ ითვლება)'}: <strong>${tally.duplicates}</strong>. <a href="/results/ballots/${ballot.id}.json">JSON</a> · <a href="/results/ballots/${ballot.id}.csv">CSV</a></p>
${pair(
  pickText(ballot.title, language),
  tally.initiatives.map((row) => ({ label: title(row.id), value: row.votes })),
  en ? 'Initiative' : 'ინიციატივა',
  en ? 'Votes' : 'ხმები',
)}`;
}

/** An initiative's own page: what it is, where it came from, and its support now (for sharing and lobbying). */
export function initiativePage(language: PublicLanguage, ballot: Ballot, initiativeId: string, tally: BallotTally): SafeHtml | undefined {
  const initiative = ballot.initiatives.find((candidate) => candidate.id === initiativeId);
  if (!initiative) return undefined;
  const en = language === 'en';
  const votes = tally.initiatives.find((row) => row.id === initiativeId)?.votes ?? 0;
  const rank = tally.initiatives.findIndex((row) => row.id === initiativeId) + 1;
  return shell(
    language,
    pickText(initiative.title, language),
    html`<p class="message">${pickText(initiative.description, language)}</p>
<p class="big">${votes}</p>
<p>${en ? `votes so far: place ${rank} of ${ballot.initiatives.length} in “${pickText(ballot.title, 'en')}”.` : `ხმა ამ დროისთვის: ${rank} ადგილი ${ballot.initiatives.length}-დან („${pickText(ballot.title, 'ka')}“).`} ${en ? 'Vote at any Public Service Hall kiosk.' : 'ხმის მიცემა შეგიძლიათ იუსტიციის სახლის ნებისმიერ კიოსკზე.'}</p>`,
  );
}
