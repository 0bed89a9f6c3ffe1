import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { problemText } from '../services/outcome.js';
import type { Kysely } from 'kysely';
import { LANGUAGES, pickText } from '../../protocol/languages.js';
import { voiceAnswerFile } from '../../protocol/surveyLogic.js';
import type { CentralDatabase } from '../db/schema.js';
import { ballotTally } from '../services/ballotTally.js';
import { latestContentPack } from '../services/content.js';
import { kindOfSegment, SEGMENT_OF_KIND, type ContentKind } from '../services/contentAuthoring.js';
import { openAnswers } from '../services/openAnswers.js';
import { publishResults } from '../services/resultsPublishing.js';
import { surveyTally } from '../services/surveyTally.js';
import { voiceMessagePath } from '../services/voiceAttachment.js';
import { fieldOf } from '../http/fields.js';
import { sendVoiceMessage } from '../http/voiceReply.js';
import { ballotResultsBody, surveyResultsBody } from '../public/resultsPages.js';
import { html } from '../web/html.js';
import { sendPage } from '../web/layout.js';
import { consolePage } from './consolePages.js';
import { openAnswersPage } from './openAnswersPage.js';
import { resultsPublishForm } from './resultsPublishForm.js';
import { nextStepsKey, PublishResultsForm } from './consoleForms.js';
import { parseInput } from '../http/formInput.js';
import { requireStaff, staffOf } from './staffGuard.js';

const param = (request: FastifyRequest, name: string): string => (fieldOf(request.params, name) ?? '').slice(0, 80);

/** Live tallies for staff, published or not, with the form that publishes them; the answers to free-text questions. */
export function tallyRoutes(db: Kysely<CentralDatabase>, uploadDir: string) {
  return (app: FastifyInstance): void => {
    const staffOnly = { schema: { hide: true }, preHandler: requireStaff(db, ['admin', 'editor']) };
    const tallyPage = async (request: FastifyRequest, reply: FastifyReply, kind: ContentKind, id: string, problem?: string) => {
      const pack = await latestContentPack(db);
      const session = request.staff;
      if (!session) throw new Error('staff guard did not run');
      const current = pack?.results.find((result) => result.kind === kind && result.id === id);
      const status = problem ? 400 : 200;
      const { t } = session;
      const jumpToPublish = html`<p><a href="#publish-heading">${t.tally.jump}</a>${t.tally.jumpNote}</p>`;
      if (kind === 'survey') {
        const survey = pack?.surveys.find((candidate) => candidate.id === id);
        if (survey) {
          const answersLink = survey.questions.some((question) => question.type === 'text')
            ? html`<p><a href="/console/tallies/surveys/${survey.id}/answers">${t.tally.answers}</a>${t.tally.staffOnly}</p>`
            : html``;
          const body = html`${jumpToPublish}${answersLink}${surveyResultsBody(t.lang, survey, await surveyTally(db, survey), pack?.rating.labels ?? [])}${resultsPublishForm(session, kind, id, current, problem)}`;
          return sendPage(reply, consolePage(session, t.tally.title(pickText(survey.title, t.lang)), body), status);
        }
      } else {
        const ballot = pack?.ballots.find((candidate) => candidate.id === id);
        if (ballot) {
          const body = html`${jumpToPublish}${ballotResultsBody(t.lang, ballot, await ballotTally(db, ballot), true)}${resultsPublishForm(session, kind, id, current, problem)}`;
          return sendPage(reply, consolePage(session, t.tally.title(pickText(ballot.title, t.lang)), body), status);
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
      const form = parseInput(PublishResultsForm, request.body);
      if (!form.ok) {
        const [problem] = form.problems;
        return reply.code(400).send({ error: 'bad-request', message: `${problem?.field}: ${problem?.message}`, field: problem?.field });
      }
      const { kind, id } = form.value;
      const nextSteps = Object.fromEntries(
        LANGUAGES.flatMap((language) => {
          const text = form.value[nextStepsKey(language)] ?? '';
          return text ? [[language, text]] : [];
        }),
      );
      const outcome = await publishResults(db, kind, id, { ka: '', ...nextSteps }, request.staff?.username ?? '');
      if (!outcome.ok) {
        const [problem] = outcome.problems;
        if (problem?.field === 'id') return reply.code(400).send({ error: 'bad-request', message: `id: ${problem.message}`, field: 'id' });
        return tallyPage(request, reply, kind, id, problemText(outcome.problems, staffOf(request).t.lang));
      }
      return reply.redirect(`/results/${SEGMENT_OF_KIND[kind]}/${id}${staffOf(request).t.lang === 'en' ? '?lang=en' : ''}`, 303);
    });
  };
}
