import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../db/schema.js';
import { latestContentPack } from '../services/content.js';
import {
  ballotChangeProblems,
  checkContentJson,
  closeAuthored,
  findAuthored,
  kindOfSegment,
  publishAuthored,
  type Authored,
  type ContentKind,
} from '../services/contentAuthoring.js';
import { contentPage, type ContentView, type TitleSpeechCheck } from './contentPages.js';
import { titlesTooLongToHear } from '../services/titleSpeech.js';
import { sendPage } from '../web/layout.js';
import { fieldOf } from '../http/fields.js';
import { formField, requireStaff, staffOf } from './staffGuard.js';

/** Seconds the kiosk's Georgian voice takes to say a text (Central's Listen engine). */
export type SecondsToSay = (text: string) => Promise<number>;

/** The titles over the kiosk's goal; a speech engine that fails costs the editor the advice, never the publishing. */
async function checkTitleSpeech(authored: Authored, secondsToSay: SecondsToSay): Promise<TitleSpeechCheck> {
  try {
    return { long: await titlesTooLongToHear(authored, secondsToSay) };
  } catch (error) {
    return { failed: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Editors author surveys and ballots: import or edit (JSON), check with a
 * preview in every language and how long each title takes to hear, publish,
 * close; export.
 */
export function consoleContentRoutes(db: Kysely<CentralDatabase>, secondsToSay: SecondsToSay) {
  return (app: FastifyInstance): void => {
    const editors = requireStaff(db, ['admin', 'editor']);
    const hidden = { schema: { hide: true }, preHandler: editors };

    const show = async (request: FastifyRequest, reply: FastifyReply, extra: Omit<ContentView, 'session' | 'pack'> = {}, status = 200) => {
      const pack = await latestContentPack(db);
      const session = request.staff;
      if (!pack || !session) return reply.code(404).send({ error: 'no-content', message: 'No content pack has been published' });
      return sendPage(reply, contentPage({ session, pack, ...extra }), status);
    };
    const kindOf = (request: FastifyRequest): ContentKind | undefined => kindOfSegment(fieldOf(request.params, 'kind'));
    const notFound = (reply: FastifyReply) => reply.code(404).send({ error: 'not-found', message: 'No survey or ballot with this id' });

    app.get('/console/content', hidden, async (request, reply) => show(request, reply));

    app.get('/console/content/export.json', hidden, async (_request, reply) => {
      const pack = await latestContentPack(db);
      return reply
        .header('content-disposition', 'attachment; filename="psh-content.json"')
        .send({ version: pack?.version, surveys: pack?.surveys ?? [], ballots: pack?.ballots ?? [] });
    });

    // Edit: the form filled with the current JSON of one survey or ballot.
    app.get('/console/content/:kind/:id/edit', hidden, async (request, reply) => {
      const kind = kindOf(request);
      const found = kind ? await findAuthored(db, kind, fieldOf(request.params, 'id') ?? '') : undefined;
      if (!found) return notFound(reply);
      return show(request, reply, { draft: { kind: found.kind, text: JSON.stringify(found.item, null, 2) } });
    });

    app.post('/console/content/:kind', { ...hidden, bodyLimit: 256 * 1024 }, async (request, reply) => {
      const kind = kindOf(request);
      if (!kind) return notFound(reply);
      const text = formField(request.body, kind);
      const checked = checkContentJson(kind, text);
      const draft = { kind, text };
      if (!checked.ok) return show(request, reply, { draft, problems: checked.problems.map((problem) => problem.message) }, 400);
      const bound = checked.value.kind === 'ballot' ? await ballotChangeProblems(db, checked.value.item) : [];
      if (bound.length > 0) return show(request, reply, { draft, problems: bound }, 409);
      if (formField(request.body, 'action') !== 'publish') {
        return show(request, reply, {
          draft,
          preview: checked.value,
          flash: staffOf(request).t.content.noProblems,
          titleSpeech: await checkTitleSpeech(checked.value, secondsToSay),
        });
      }
      const pack = await publishAuthored(db, checked.value);
      return show(request, reply, {
        flash: staffOf(request).t.content.published(kind, checked.value.item.id, pack.version),
        titleSpeech: await checkTitleSpeech(checked.value, secondsToSay),
      });
    });

    app.post('/console/content/:kind/:id/close', hidden, async (request, reply) => {
      const kind = kindOf(request);
      const id = fieldOf(request.params, 'id') ?? '';
      const pack = kind ? await closeAuthored(db, kind, id) : undefined;
      if (!kind || !pack) return notFound(reply);
      return show(request, reply, {
        flash: staffOf(request).t.content.closedFlash(kind, id, pack.version),
      });
    });
  };
}
