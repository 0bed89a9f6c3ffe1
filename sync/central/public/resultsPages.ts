import type { Ballot } from '../../protocol/ballot.js';
import { pickReadable, type LocalizedText } from '../../protocol/languages.js';
import type { Survey } from '../../protocol/survey.js';
import type { BallotTally } from '../services/ballotTally.js';
import type { SurveyTally } from '../services/surveyTally.js';
import { CHANNELS, type ChannelCounts } from '../services/channels.js';
import { barChart } from '../web/barChart.js';
import { participationTexts } from './participationTexts.js';
import { publicPage } from './publicPage.js';
import { html, type SafeHtml } from '../web/html.js';
import { publicTexts, withLang, type PublicLanguage } from './publicTexts.js';
import { publicTime } from '../web/tbilisiTime.js';
import { tableRegion } from '../web/tableRegion.js';

/** A results page, with the switch to the same page in the other language. */
const shell = (lang: PublicLanguage, path: string, title: string, body: SafeHtml): SafeHtml =>
  publicPage({ lang, title, section: 'results', path, body });

/** How many came by kiosk, by phone (desk QR) and by web: a line, so staff and the public see each channel's share. */
function channelLine(language: PublicLanguage, counts: ChannelCounts | undefined): SafeHtml {
  if (!counts) return html``;
  // The same words as the 24-hour figures' "By channel" table.
  const words = publicTexts(language);
  return html`<p class="channels">${words.byChannel}: ${CHANNELS.map(
    (channel, index) => html`${index > 0 ? ' · ' : ''}${words.channels[channel]} <strong>${counts[channel]}</strong>`,
  )}</p>`;
}

/** A chart and the same numbers as a table beside it. */
function pair(title: string, rows: ReadonlyArray<{ label: string; value: number }>, labelHeader: string, unit: string): SafeHtml {
  return html`<div class="chart-pair">
${barChart(title, rows)}
${tableRegion(
  title,
  html`<table><caption class="skip">${title}</caption><thead><tr><th scope="col">${labelHeader}</th><th scope="col" class="num">${unit}</th></tr></thead>
<tbody>${rows.map((row) => html`<tr><th scope="row">${row.label}</th><td class="num">${row.value}</td></tr>`)}</tbody></table>`,
)}
</div>`;
}

export function resultsIndexPage(language: PublicLanguage, surveys: readonly Survey[], ballots: readonly Ballot[]): SafeHtml {
  const words = participationTexts(language);
  return shell(
    language,
    '/results',
    words.resultsTitle,
    html`<h2>${words.surveys}</h2>
<ul>${surveys.map((survey) => html`<li><a href="${withLang(language, `/results/surveys/${survey.id}`)}">${pickReadable(survey.title, language)}</a></li>`)}</ul>
<h2>${words.votes}</h2>
<ul>${ballots.map((ballot) => html`<li><a href="${withLang(language, `/results/ballots/${ballot.id}`)}">${pickReadable(ballot.title, language)}</a></li>`)}</ul>`,
  );
}

/** Staff's words on what happens now, above the numbers. */
function nextStepsSection(language: PublicLanguage, nextSteps: LocalizedText | undefined): SafeHtml {
  return nextSteps
    ? html`<section aria-labelledby="next-steps"><h2 id="next-steps">${participationTexts(language).nextSteps}</h2><p class="message">${pickReadable(nextSteps, language)}</p></section>`
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
    `/results/surveys/${survey.id}`,
    pickReadable(survey.title, language),
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
  const words = participationTexts(language);
  return html`<p>${words.responses}: <strong>${tally.responses}</strong>. ${words.closes}: ${publicTime(survey.closesAt, language)}. <a href="/results/surveys/${survey.id}.json">JSON</a> · <a href="/results/surveys/${survey.id}.csv">CSV</a></p>
${channelLine(language, tally.byChannel)}
${survey.questions.map((question) => {
  const result = tally.questions.find((candidate) => candidate.questionId === question.id);
  const title = pickReadable(question.text, language);
  const label = (id: string) => {
    if (question.type === 'yesno') return id === 'yes' ? words.yes : words.no;
    // Smileys are named as the kiosk names them ("Very bad" … "Very good"), not 1 to 5.
    const face = question.type === 'smiley' ? smileyLabels[Number(id) - 1] : undefined;
    if (face) return pickReadable(face, language);
    const choice = 'choices' in question ? question.choices.find((candidate) => candidate.id === id) : undefined;
    return choice ? pickReadable(choice.label, language) : id;
  };
  const body = !result
    ? html``
    : result.type === 'ranking'
      ? html`<p>${words.bordaNote}</p>
<div class="chart-pair">${barChart(
          title,
          result.ranking.map((row) => ({ label: label(row.id), value: row.borda })),
        )}
${tableRegion(
  title,
  html`<table><caption class="skip">${title}</caption><thead><tr><th scope="col">${words.service}</th><th scope="col" class="num">${words.borda}</th><th scope="col" class="num">${words.meanRank}</th></tr></thead>
<tbody>${result.ranking.map((row) => html`<tr><th scope="row">${label(row.id)}</th><td class="num">${row.borda}</td><td class="num">${row.meanRank.toFixed(2)}</td></tr>`)}</tbody></table>`,
)}</div>`
      : result.type === 'text'
        ? html`<p>${words.writtenAnswers}: ${result.answered} ${words.writtenNote}</p>`
        : pair(
            title,
            result.counts.map((count) => ({ label: label(count.id), value: count.count })),
            words.answer,
            words.answers,
          );
  return html`<section><h2>${title}</h2>${body}</section>`;
})}`;
}

export function ballotResultsPage(language: PublicLanguage, ballot: Ballot, tally: BallotTally, nextSteps?: LocalizedText): SafeHtml {
  return shell(
    language,
    `/results/ballots/${ballot.id}`,
    pickReadable(ballot.title, language),
    html`${nextStepsSection(language, nextSteps)}${ballotResultsBody(language, ballot, tally)}`,
  );
}

/** The body of a ballot's results: also the staff's live tally (with bursts flagged) in the console. */
export function ballotResultsBody(language: PublicLanguage, ballot: Ballot, tally: BallotTally, staff = false): SafeHtml {
  const words = participationTexts(language);
  const title = (id: string) => {
    const initiative = ballot.initiatives.find((candidate) => candidate.id === id);
    return initiative ? pickReadable(initiative.title, language) : id;
  };
  return html`${staff && tally.bursts.length > 0 ? html`<div class="error" role="alert"><p>${words.bursts}</p><ul>${tally.bursts.map((burst) => html`<li>${words.burst(burst.deviceId, burst.votesInOneMinute)}</li>`)}</ul></div>` : ''}${staff && tally.refusedPhoneVotes > 0 ? html`<div class="error" role="alert"><p>${words.refusedPhone(tally.refusedPhoneVotes)}</p></div>` : ''}<p>${words.votesCounted}: <strong>${tally.votes}</strong>. ${words.repeatVotes}: <strong>${tally.duplicates}</strong>. <a href="/results/ballots/${ballot.id}.json">JSON</a> · <a href="/results/ballots/${ballot.id}.csv">CSV</a></p>
${channelLine(language, tally.byChannel)}
${pair(
  pickReadable(ballot.title, language),
  tally.initiatives.map((row) => ({ label: title(row.id), value: row.votes })),
  words.initiative,
  words.votesColumn,
)}`;
}

/** An initiative's own page: what it is, where it came from, and its support now (for sharing and lobbying). */
export function initiativePage(language: PublicLanguage, ballot: Ballot, initiativeId: string, tally: BallotTally): SafeHtml | undefined {
  const initiative = ballot.initiatives.find((candidate) => candidate.id === initiativeId);
  if (!initiative) return undefined;
  const words = participationTexts(language);
  const votes = tally.initiatives.find((row) => row.id === initiativeId)?.votes ?? 0;
  // Ties share a place, and with no votes at all there is no place to speak of.
  const rank = 1 + tally.initiatives.filter((row) => row.votes > votes).length;
  const ballotTitle = pickReadable(ballot.title, language);
  return shell(
    language,
    `/initiatives/${ballot.id}/${initiative.id}`,
    pickReadable(initiative.title, language),
    html`<p class="message">${pickReadable(initiative.description, language)}</p>
<p class="big">${votes}</p>
<p>${votes > 0 ? words.support(rank, ballot.initiatives.length, ballotTitle) : words.noVotesYet(ballotTitle)} ${words.voteAnywhere}</p>`,
  );
}
