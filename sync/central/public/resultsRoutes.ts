import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { ContentPack } from '../../protocol/contentPack.js';
import type { CentralDatabase } from '../db/schema.js';
import { ballotTally } from '../services/ballotTally.js';
import { latestContentPack } from '../services/content.js';
import type { ContentKind } from '../services/contentAuthoring.js';
import { surveyTally } from '../services/surveyTally.js';
import { fieldOf } from '../http/fields.js';
import { sendPage } from '../web/layout.js';
import { PUBLIC_RATE_LIMIT } from './publicFeedbackRoutes.js';
import { publicLanguageOf } from './publicTexts.js';
import { ballotTallyCsv, ballotTallyJson, sendCsv, surveyTallyCsv } from './resultExports.js';
import { ballotResultsPage, initiativePage, resultsIndexPage, surveyResultsPage } from './resultsPages.js';

const param = (request: FastifyRequest, name: string): string => (fieldOf(request.params, name) ?? '').slice(0, 80);
/** "x.json" -> ["x", "json"]; "x" -> ["x", "html"]. */
const formatOf = (id: string): [string, 'html' | 'json' | 'csv'] =>
  id.endsWith('.json') ? [id.slice(0, -5), 'json'] : id.endsWith('.csv') ? [id.slice(0, -4), 'csv'] : [id, 'html'];
const nextStepsOf = (pack: ContentPack | undefined, kind: ContentKind, id: string) =>
  pack?.results.find((result) => result.kind === kind && result.id === id)?.nextSteps;
const notPublished = (reply: FastifyReply) =>
  reply.code(404).send({ error: 'not-published', message: 'No published results with this id' });

/** Published results (surveys, ballots) with charts, tables, CSV and JSON; initiative pages with their live support. Staff's live tallies: console/tallyRoutes.ts. */
export function resultsRoutes(db: Kysely<CentralDatabase>) {
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
      if (format === 'csv') return sendCsv(reply, surveyTallyCsv(tally));
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
      if (format === 'json') return ballotTallyJson(tally);
      if (format === 'csv') return sendCsv(reply, ballotTallyCsv(tally));
      return sendPage(reply, ballotResultsPage(publicLanguageOf(request.query), ballot, tally, nextStepsOf(pack, 'ballot', id)));
    });

    // Lobbying: every initiative's current support is public, published results or not.
    app.get('/initiatives/:ballot/:initiative', options, async (request, reply) => {
      const ballot = (await latestContentPack(db))?.ballots.find((candidate) => candidate.id === param(request, 'ballot'));
      const markup =
        ballot && initiativePage(publicLanguageOf(request.query), ballot, param(request, 'initiative'), await ballotTally(db, ballot));
      return markup ? sendPage(reply, markup) : reply.code(404).send({ error: 'not-found', message: 'No such initiative' });
    });
  };
}
