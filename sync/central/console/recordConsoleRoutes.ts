import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { pickText } from '../../protocol/languages.js';
import { formatTrackingCode } from '../../protocol/trackingCode.js';
import type { CentralDatabase } from '../db/schema.js';
import { parseInput } from '../http/formInput.js';
import { latestContentPack } from '../services/content.js';
import { addFocusGroup, addMilestone, milestoneProcesses } from '../services/record/milestones.js';
import { problemText } from '../services/outcome.js';
import { sendPage } from '../web/layout.js';
import { FocusGroupForm, MilestoneForm } from './consoleForms.js';
import { recordConsolePage, type ProcessOption, type RecordFormOutcome } from './recordPages.js';
import { requireStaff, staffOf } from './staffGuard.js';

/** Milestones and focus groups (editors, admins): each one an entry of the public record, nothing else. */
export function recordConsoleRoutes(db: Kysely<CentralDatabase>) {
  return (app: FastifyInstance): void => {
    const editors = { schema: { hide: true }, preHandler: requireStaff(db, ['admin', 'editor']) };

    const options = async (lang: 'ka' | 'en'): Promise<ProcessOption[]> => {
      const pack = await latestContentPack(db);
      const titles = new Map<string, string>([
        ...(pack?.surveys ?? []).map((survey) => [`survey:${survey.id}`, pickText(survey.title, lang)] as const),
        ...(pack?.ballots ?? []).map((ballot) => [`ballot:${ballot.id}`, pickText(ballot.title, lang)] as const),
      ]);
      return (await milestoneProcesses(db)).map((key) => ({
        key,
        label:
          titles.get(key) ??
          (key.startsWith('proposal:') ? `${lang === 'en' ? 'Proposal' : 'შემოთავაზება'} ${formatTrackingCode(key.slice(9))}` : key),
      }));
    };
    const show = async (request: FastifyRequest, reply: FastifyReply, outcome: RecordFormOutcome = {}, status = 200) => {
      const session = staffOf(request);
      return sendPage(reply, recordConsolePage(session, await options(session.t.lang), outcome), status);
    };

    app.get('/console/record', editors, async (request, reply) => show(request, reply));

    app.post('/console/record/milestones', editors, async (request, reply) => {
      const session = staffOf(request);
      const form = parseInput(MilestoneForm, request.body);
      if (!form.ok) return show(request, reply, { problem: problemText(form.problems) }, 400);
      const { process, status, progress, date, noteKa, noteEn } = form.value;
      const added = await addMilestone(db, { process, status, progress, date, note: { ka: noteKa, en: noteEn } }, session.username);
      if (!added.ok) return show(request, reply, { problem: problemText(added.problems, session.t.lang) }, 400);
      return show(request, reply, { added: { index: added.value.index, process } });
    });

    app.post('/console/record/focus-groups', editors, async (request, reply) => {
      const session = staffOf(request);
      const form = parseInput(FocusGroupForm, request.body);
      if (!form.ok) return show(request, reply, { problem: problemText(form.problems) }, 400);
      const { heldOn, topicKa, topicEn, participants, process } = form.value;
      const added = await addFocusGroup(db, { heldOn, topic: { ka: topicKa, en: topicEn }, participants, process }, session.username);
      if (!added.ok) return show(request, reply, { problem: problemText(added.problems, session.t.lang) }, 400);
      return show(request, reply, { added: { index: added.value.index, process } });
    });
  };
}
