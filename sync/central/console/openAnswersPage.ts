import { pickText } from '../../protocol/languages.js';
import type { Survey } from '../../protocol/survey.js';
import { OPEN_ANSWERS_PAGE, type OpenAnswer } from '../services/openAnswers.js';
import type { ConsoleSession } from './consoleSession.js';
import { consolePage } from './consolePages.js';
import { html, type SafeHtml } from '../web/html.js';
import { tbilisiTime } from '../web/tbilisiTime.js';

/** Where a voice answer is played from (staff only). */
export const voiceAnswerUrl = (answer: Pick<OpenAnswer, 'deviceId' | 'submissionId' | 'questionId'>): string =>
  `/console/answers/voice.wav?${new URLSearchParams({ device: answer.deviceId, submission: answer.submissionId, question: answer.questionId }).toString()}`;

/** Staff read and hear the answers to a survey's free-text questions: the tally only counts them, and they are never published. */
export function openAnswersPage(session: ConsoleSession, survey: Survey, answers: readonly OpenAnswer[]): SafeHtml {
  const words = session.t.answers;
  const lang = session.t.lang;
  const questionText = (id: string) => {
    const question = survey.questions.find((candidate) => candidate.id === id);
    return question ? pickText(question.text, lang) : id;
  };
  return consolePage(
    session,
    words.title(pickText(survey.title, lang)),
    html`<p>${words.intro(OPEN_ANSWERS_PAGE)} <a href="/console/tallies/surveys/${survey.id}">${words.back}</a></p>
${
  answers.length === 0
    ? html`<p class="notice" role="status">${words.none}</p>`
    : html`<table><caption class="skip">${words.caption}</caption>
<thead><tr>${words.columns.map((column) => html`<th scope="col">${column}</th>`)}</tr></thead>
<tbody>${answers.map(
        (
          answer,
          index,
        ) => html`<tr><td>${tbilisiTime(answer.receivedAt)}</td><td>${questionText(answer.questionId)}</td><td class="message">${answer.text ?? ''}</td>
<td>${answer.voice ? html`<audio controls preload="none" aria-label="${words.voiceLabel(index + 1)}" src="${voiceAnswerUrl(answer)}"></audio>` : ''}</td></tr>`,
      )}</tbody></table>`
}`,
  );
}
