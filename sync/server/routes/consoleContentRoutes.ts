import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../db/schema.js';
import { latestContentPack } from '../services/content.js';
import { checkSurveyJson, closeSurvey, publishSurvey } from '../services/contentAuthoring.js';
import { contentPage, type ContentView } from '../web/contentPages.js';
import { sendPage } from '../web/layout.js';
import { formField, requireStaff } from './staffGuard.js';

/** Editors author surveys: import (JSON), check with a preview in every language, publish, close; export. */
export function consoleContentRoutes(db: Kysely<CentralDatabase>) {
  return (app: FastifyInstance): void => {
    const editors = requireStaff(db, ['admin', 'editor']);
    const hidden = { schema: { hide: true }, preHandler: editors };

    const show = async (request: FastifyRequest, reply: FastifyReply, extra: Omit<ContentView, 'session' | 'pack'> = {}, status = 200) => {
      const pack = await latestContentPack(db);
      const session = request.staff;
      if (!pack || !session) return reply.code(404).send({ error: 'no-content', message: 'No content pack has been published' });
      return sendPage(reply, contentPage({ session, pack, ...extra }), status);
    };

    app.get('/console/content', hidden, async (request, reply) => show(request, reply));

    app.get('/console/content/export.json', hidden, async (_request, reply) => {
      const pack = await latestContentPack(db);
      return reply.header('content-disposition', 'attachment; filename="psh-content.json"').send({ version: pack?.version, surveys: pack?.surveys ?? [], ballots: pack?.ballots ?? [] });
    });

    app.post('/console/content/surveys', { ...hidden, bodyLimit: 256 * 1024 }, async (request, reply) => {
      const draft = formField(request.body, 'survey');
      const checked = checkSurveyJson(draft);
      if (!checked.ok) return show(request, reply, { draft, problems: checked.problems }, 400);
      if (formField(request.body, 'action') !== 'publish') return show(request, reply, { draft, preview: checked.survey, flash: 'No problems found. Check the preview in every language, then publish.' });
      const pack = await publishSurvey(db, checked.survey);
      return show(request, reply, { flash: `Published survey "${checked.survey.id}" in content pack version ${pack.version}. Kiosks receive it on their next sync; visitors mid-survey finish on the version they started.` });
    });

    app.post('/console/content/surveys/:id/close', hidden, async (request, reply) => {
      const id = (request.params as { id?: string }).id ?? '';
      const pack = await closeSurvey(db, id);
      if (!pack) return reply.code(404).send({ error: 'not-found', message: 'No survey with this id' });
      return show(request, reply, { flash: `Survey "${id}" closed (content pack version ${pack.version}).` });
    });
  };
}
