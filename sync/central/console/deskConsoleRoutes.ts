import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../db/schema.js';
import { fieldListOf, fieldOf } from '../http/fields.js';
import { parseInput } from '../http/formInput.js';
import { latestContentPack } from '../services/content.js';
import { addBranch, addDesk, listBranches, NewBranch, NewDesk } from '../services/desks.js';
import type { Problem } from '../services/outcome.js';
import { sendPage } from '../web/layout.js';
import { CARD_SIZES, deskCardsPage, desksPage, type CardSize, type DeskFormOutcome } from './deskPages.js';
import { requireStaff, staffOf } from './staffGuard.js';

/** Each problem with the field it names, so the admin sees which box to correct. */
const named = (problems: readonly Problem[]): string =>
  problems.map((problem) => (problem.field ? `${problem.field}: ${problem.message}` : problem.message)).join('; ');

/** Branches, desks and their printable cards (admins only: a card sends citizens somewhere). */
export function deskConsoleRoutes(db: Kysely<CentralDatabase>, publicUrl: string | undefined) {
  return (app: FastifyInstance): void => {
    const admins = { schema: { hide: true }, preHandler: requireStaff(db, ['admin']) };

    const show = async (request: FastifyRequest, reply: FastifyReply, outcome: DeskFormOutcome = {}, status = 200) => {
      const pack = await latestContentPack(db);
      return sendPage(reply, desksPage(staffOf(request), await listBranches(db), pack?.services ?? [], outcome), status);
    };

    app.get('/console/desks', admins, async (request, reply) => show(request, reply));

    app.post('/console/desks/branches', admins, async (request, reply) => {
      const session = staffOf(request);
      const form = parseInput(NewBranch, request.body);
      if (!form.ok) return show(request, reply, { problem: named(form.problems) }, 400);
      const added = await addBranch(db, form.value);
      if (!added.ok) return show(request, reply, { problem: named(added.problems) }, 400);
      return show(request, reply, { notice: session.t.desks.addedBranch(form.value.code) });
    });

    app.post('/console/desks/desks', admins, async (request, reply) => {
      const session = staffOf(request);
      const form = parseInput(NewDesk, { ...(request.body as object), services: fieldListOf(request.body, 'services') });
      if (!form.ok) return show(request, reply, { problem: named(form.problems) }, 400);
      const pack = await latestContentPack(db);
      const added = await addDesk(db, form.value, pack?.services.map((service) => service.id) ?? []);
      if (!added.ok) return show(request, reply, { problem: named(added.problems) }, 400);
      return show(request, reply, { notice: session.t.desks.addedDesk(added.value.code) });
    });

    app.get('/console/desks/cards', admins, async (request, reply) => {
      const branch = (await listBranches(db)).find((candidate) => candidate.id === fieldOf(request.query, 'branch'));
      if (!branch) return reply.code(404).send({ error: 'not-found', message: 'branch: no branch has this id' });
      const size = fieldOf(request.query, 'size') ?? 'a6';
      if (!(size in CARD_SIZES)) return reply.code(400).send({ error: 'bad-request', message: 'size: a6 or a7' });
      // Without a configured public URL, the address this page was opened at (a test, a demo on one machine).
      const base = publicUrl ?? `${request.protocol}://${request.host}`;
      return sendPage(reply, deskCardsPage(staffOf(request), branch, base, size as CardSize));
    });
  };
}
