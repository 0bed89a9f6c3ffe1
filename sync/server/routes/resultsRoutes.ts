import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { ContentPack } from '../../protocol/contentPack.js';
import type { CentralDatabase } from '../db/schema.js';
import { ballotTally } from '../services/ballotTally.js';
import { latestContentPack } from '../services/content.js';
import { surveyTally } from '../services/surveyTally.js';
import { sendPage } from '../web/layout.js';
import { publicLanguageOf } from '../web/publicTexts.js';
import {
  ballotResultsBody,
  ballotResultsPage,
  initiativePage,
  resultsIndexPage,
  surveyResultsBody,
  surveyResultsPage,
} from '../web/resultsPages.js';
import { consolePage } from '../web/consolePages.js';
import { PUBLIC_RATE_LIMIT } from './publicFeedbackRoutes.js';
import { fieldOf } from './fields.js';
import { formField, requireStaff } from './staffGuard.js';
import { csvCell } from '../web/csv.js';
import { html } from '../web/html.js';
import { nextStepsField, resultsPublishForm } from '../web/resultsPublishForm.js';
import { LANGUAGES } from '../../protocol/languages.js';
import { kindOfSegment, SEGMENT_OF_KIND, type ContentKind } from '../services/contentAuthoring.js';
import { publishResults } from '../services/resultsPublishing.js';
import { openAnswers } from '../services/openAnswers.js';
import { voiceMessagePath } from '../services/voiceAttachment.js';
import { sendVoiceMessage } from './voiceReply.js';
import { openAnswersPage } from '../web/openAnswersPage.js';
import { voiceAnswerFile } from '../../protocol/surveyLogic.js';

const param = (request: FastifyRequest, name: string): string => (fieldOf(request.params, name) ?? '').slice(0, 80);
/** "x.json" -> ["x", "json"]; "x" -> ["x", "html"]. */
const formatOf = (id: string): [string, 'html' | 'json' | 'csv'] =>
  id.endsWith('.json') ? [id.slice(0, -5), 'json'] : id.endsWith('.csv') ? [id.slice(0, -4), 'csv'] : [id, 'html'];
const nextStepsOf = (pack: ContentPack | undefined, kind: ContentKind, id: string) =>
  pack?.results.find((result) => result.kind === kind && result.id === id)?.nextSteps;
const notPublished = (reply: FastifyReply) =>
  reply.code(404).send({ error: 'not-published', message: 'No published results with this id' });

/** Published results (surveys, ballots) with charts, tables, CSV and JSON; initiative pages with their live support. */
export function resultsRoutes(db: Kysely<CentralDatabase>, uploadDir: string) {
  return (app: FastifyInstance): void => {
    const published = async (kind: 'survey' | 'ballot') =>
      new Set(
        (await db.selectFrom('published_results').select('content_id').where('kind', '=', kind).execute()).map((row) => row.content_id),
      );
    const options = { config: PUBLIC_RATE_LIMIT, schema: { hide: true } };

    app.get('/results', options, async (request, reply) => {
      const pack = await latestContentPack(db);
      const [surveys, ballots] = await Promise.all([published('survey'), published('ballot')]);
      return sendPage(
        reply,
        resultsIndexPage(
          publicLanguageOf(request.query),
          pack?.surveys.filter((s) => surveys.has(s.id)) ?? [],
          pack?.ballots.filter((b) => ballots.has(b.id)) ?? [],
        ),
      );
    });

    app.get('/results/surveys/:id', options, async (request, reply) => {
      const [id, format] = formatOf(param(request, 'id'));
      const pack = await latestContentPack(db);
      const survey = pack?.surveys.find((candidate) => candidate.id === id);
      if (!survey || !(await published('survey')).has(id)) return notPublished(reply);
      const tally = await surveyTally(db, survey);
      if (format === 'json') return tally;
      if (format === 'csv') {
        const lines = ['question,choice,count,mean_rank,borda'];
        for (const question of tally.questions) {
          if (question.type === 'ranking')
            question.ranking.forEach((row) =>
              lines.push([question.questionId, row.id, '', row.meanRank, row.borda].map(csvCell).join(',')),
            );
          else if ('counts' in question)
            question.counts.forEach((row) => lines.push([question.questionId, row.id, row.count, '', ''].map(csvCell).join(',')));
          else lines.push([question.questionId, '(text answers)', question.answered, '', ''].map(csvCell).join(','));
        }
        return reply.header('content-type', 'text/csv; charset=utf-8').send(`${lines.join('\n')}\n`);
      }
      return sendPage(
        reply,
        surveyResultsPage(publicLanguageOf(request.query), survey, tally, pack?.rating.labels ?? [], nextStepsOf(pack, 'survey', id)),
      );
    });

    app.get('/results/ballots/:id', options, async (request, reply) => {
      const [id, format] = formatOf(param(request, 'id'));
      const pack = await latestContentPack(db);
      const ballot = pack?.ballots.find((candidate) => candidate.id === id);
      if (!ballot || !(await published('ballot')).has(id)) return notPublished(reply);
      const tally = await ballotTally(db, ballot);
      if (format === 'json')
        return { ballotId: tally.ballotId, votes: tally.votes, duplicates: tally.duplicates, initiatives: tally.initiatives };
      if (format === 'csv')
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .send(`initiative,votes\n${tally.initiatives.map((row) => [row.id, row.votes].map(csvCell).join(',')).join('\n')}\n`);
      return sendPage(reply, ballotResultsPage(publicLanguageOf(request.query), ballot, tally, nextStepsOf(pack, 'ballot', id)));
    });

    // Lobbying: every initiative's current support is public, published results or not.
    app.get('/initiatives/:ballot/:initiative', options, async (request, reply) => {
      const ballot = (await latestContentPack(db))?.ballots.find((candidate) => candidate.id === param(request, 'ballot'));
      const markup =
        ballot && initiativePage(publicLanguageOf(request.query), ballot, param(request, 'initiative'), await ballotTally(db, ballot));
      return markup ? sendPage(reply, markup) : reply.code(404).send({ error: 'not-found', message: 'No such initiative' });
    });

    // Live tallies for staff, published or not, with the form that publishes them.
    const staffOnly = { schema: { hide: true }, preHandler: requireStaff(db, ['admin', 'editor']) };
    const jumpToPublish = html`<p><a href="#publish-heading">Publish these results</a> (the form is at the end of the page)</p>`;
    const tallyPage = async (request: FastifyRequest, reply: FastifyReply, kind: ContentKind, id: string, problem?: string) => {
      const pack = await latestContentPack(db);
      const session = request.staff;
      if (!session) throw new Error('staff guard did not run');
      const current = pack?.results.find((result) => result.kind === kind && result.id === id);
      const status = problem ? 400 : 200;
      if (kind === 'survey') {
        const survey = pack?.surveys.find((candidate) => candidate.id === id);
        if (survey) {
          const answersLink = survey.questions.some((question) => question.type === 'text')
            ? html`<p><a href="/console/tallies/surveys/${survey.id}/answers">Read and hear the answers to free-text questions</a> (staff only)</p>`
            : html``;
          const body = html`${jumpToPublish}${answersLink}${surveyResultsBody('en', survey, await surveyTally(db, survey), pack?.rating.labels ?? [])}${resultsPublishForm(session, kind, id, current, problem)}`;
          return sendPage(reply, consolePage(session, `Live tally: ${survey.title.en ?? survey.title.ka}`, body), status);
        }
      } else {
        const ballot = pack?.ballots.find((candidate) => candidate.id === id);
        if (ballot) {
          const body = html`${jumpToPublish}${ballotResultsBody('en', ballot, await ballotTally(db, ballot), true)}${resultsPublishForm(session, kind, id, current, problem)}`;
          return sendPage(reply, consolePage(session, `Live tally: ${ballot.title.en ?? ballot.title.ka}`, body), status);
        }
      }
      return reply.code(404).send({ error: 'not-found', message: 'No survey or ballot with this id' });
    };
    app.get('/console/tallies/:kind/:id', staffOnly, async (request, reply) => {
      const kind = kindOfSegment(param(request, 'kind'));
      if (!kind) return reply.code(404).send({ error: 'not-found', message: 'No survey or ballot with this id' });
      return tallyPage(request, reply, kind, param(request, 'id'));
    });

    // The answers to free-text questions, typed and spoken: staff only, never published.
    app.get('/console/tallies/surveys/:id/answers', staffOnly, async (request, reply) => {
      const survey = (await latestContentPack(db))?.surveys.find((candidate) => candidate.id === param(request, 'id'));
      if (!survey || !request.staff) return reply.code(404).send({ error: 'not-found', message: 'No survey with this id' });
      return sendPage(reply, openAnswersPage(request.staff, survey, await openAnswers(db, survey)));
    });
    app.get('/console/answers/voice.wav', staffOnly, async (request, reply) => {
      const [device, submission, question] = ['device', 'submission', 'question'].map((name) =>
        (fieldOf(request.query, name) ?? '').slice(0, 100),
      );
      const path =
        device && submission && question ? await voiceMessagePath(db, uploadDir, device, submission, voiceAnswerFile(question)) : undefined;
      return sendVoiceMessage(reply, path);
    });

    // Staff publish a tally with what happens next (editors and admins), from the live tally page.
    app.post('/console/results', staffOnly, async (request, reply) => {
      const kind = formField(request.body, 'kind');
      const id = formField(request.body, 'id').slice(0, 64);
      if (kind !== 'survey' && kind !== 'ballot')
        return reply.code(400).send({ error: 'bad-request', message: 'kind: survey or ballot', field: 'kind' });
      const nextSteps = Object.fromEntries(
        LANGUAGES.flatMap((language) => {
          const text = formField(request.body, nextStepsField(language)).trim().slice(0, 1000);
          return text ? [[language, text]] : [];
        }),
      );
      const outcome = await publishResults(db, kind, id, { ka: '', ...nextSteps }, request.staff?.username ?? '');
      if (!outcome.ok) {
        if (outcome.field === 'id') return reply.code(400).send({ error: 'bad-request', message: `id: ${outcome.problem}`, field: 'id' });
        return tallyPage(request, reply, kind, id, outcome.problem);
      }
      return reply.redirect(`/results/${SEGMENT_OF_KIND[kind]}/${id}?lang=en`, 303);
    });
  };
}
