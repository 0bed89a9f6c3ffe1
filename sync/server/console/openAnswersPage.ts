import { pickText } from '../../protocol/languages.js';
import type { Survey } from '../../protocol/survey.js';
import { OPEN_ANSWERS_PAGE, type OpenAnswer } from '../services/openAnswers.js';
import type { StaffSession } from '../services/staffAuth.js';
import { consolePage } from './consolePages.js';
import { html, type SafeHtml } from '../web/html.js';
import { tbilisiTime } from '../public/publicTexts.js';

/** Where a voice answer is played from (staff only). */
export const voiceAnswerUrl = (answer: Pick<OpenAnswer, 'deviceId' | 'submissionId' | 'questionId'>): string =>
  `/console/answers/voice.wav?${new URLSearchParams({ device: answer.deviceId, submission: answer.submissionId, question: answer.questionId }).toString()}`;

/** Staff read and hear the answers to a survey's free-text questions: the tally only counts them, and they are never published. */
export function openAnswersPage(session: StaffSession, survey: Survey, answers: readonly OpenAnswer[]): SafeHtml {
  const questionText = (id: string) => {
    const question = survey.questions.find((candidate) => candidate.id === id);
    return question ? pickText(question.text, 'en') : id;
  };
  return consolePage(
    session,
    `Written and spoken answers: ${pickText(survey.title, 'en')}`,
    html`<p>The newest ${OPEN_ANSWERS_PAGE} answers to the free-text questions. They are for staff only: they may hold personal details, so the public results only count them. <a href="/console/tallies/surveys/${survey.id}">Back to the tally</a></p>
${
  answers.length === 0
    ? html`<p class="notice" role="status">No answers to free-text questions yet.</p>`
    : html`<table><caption class="skip">Answers to free-text questions, newest first</caption>
<thead><tr><th scope="col">Received</th><th scope="col">Question</th><th scope="col">Typed</th><th scope="col">Voice</th></tr></thead>
<tbody>${answers.map(
        (
          answer,
          index,
        ) => html`<tr><td>${tbilisiTime(answer.receivedAt)}</td><td>${questionText(answer.questionId)}</td><td class="message">${answer.text ?? ''}</td>
<td>${answer.voice ? html`<audio controls preload="none" aria-label="Voice answer ${index + 1}" src="${voiceAnswerUrl(answer)}"></audio>` : ''}</td></tr>`,
      )}</tbody></table>`
}`,
  );
}
