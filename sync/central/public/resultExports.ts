import type { FastifyReply } from 'fastify';
import type { BallotTally } from '../services/ballotTally.js';
import type { SurveyTally } from '../services/surveyTally.js';
import { csvCell } from '../web/csv.js';

/** A survey's tally as CSV: one line per choice (or ranked item), and one per free-text question with its count of answers. */
export function surveyTallyCsv(tally: SurveyTally): string {
  const lines = ['question,choice,count,mean_rank,borda'];
  for (const question of tally.questions) {
    if (question.type === 'ranking')
      question.ranking.forEach((row) => lines.push([question.questionId, row.id, '', row.meanRank, row.borda].map(csvCell).join(',')));
    else if ('counts' in question)
      question.counts.forEach((row) => lines.push([question.questionId, row.id, row.count, '', ''].map(csvCell).join(',')));
    else lines.push([question.questionId, '(text answers)', question.answered, '', ''].map(csvCell).join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** A ballot's tally as CSV: one line per initiative. */
export const ballotTallyCsv = (tally: BallotTally): string =>
  `initiative,votes\n${tally.initiatives.map((row) => [row.id, row.votes].map(csvCell).join(',')).join('\n')}\n`;

/** A ballot's tally as published JSON: the counts, nothing about who voted. */
export const ballotTallyJson = (tally: BallotTally) => ({
  ballotId: tally.ballotId,
  votes: tally.votes,
  duplicates: tally.duplicates,
  byChannel: tally.byChannel,
  initiatives: tally.initiatives,
});

export const sendCsv = (reply: FastifyReply, csv: string) => reply.header('content-type', 'text/csv; charset=utf-8').send(csv);
