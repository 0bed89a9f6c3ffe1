import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { problemText } from '../services/outcome.js';
import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../db/schema.js';
import { latestContentPack } from '../services/content.js';
import { acceptProposal, findProposal, proposalQueue, rejectProposal } from '../services/proposals.js';
import { voiceMessagePath } from '../services/voiceAttachment.js';
import { sendPage } from '../web/layout.js';
import { proposalDetailPage, proposalQueuePage } from './proposalPages.js';
import { requireStaff, staffOf } from './staffGuard.js';
import { AcceptProposalForm, RejectProposalForm } from './consoleForms.js';
import { parseInput } from '../http/formInput.js';
import { sendVoiceMessage } from '../http/voiceReply.js';
import { codeOf, proposalNotFound as notFound } from '../http/proposalCode.js';

/** The moderation queue of citizens' proposals (editors, admins); the proposer's page is public/proposalStatusRoutes.ts. */
export function proposalRoutes(db: Kysely<CentralDatabase>, uploadDir: string) {
  return (app: FastifyInstance): void => {
    const editors = { schema: { hide: true }, preHandler: requireStaff(db, ['admin', 'editor']) };

    app.get('/console/proposals', editors, async (request, reply) => {
      if (!request.staff) throw new Error('staff guard did not run');
      return sendPage(reply, proposalQueuePage(request.staff, await proposalQueue(db)));
    });

    const detail = async (
      request: FastifyRequest,
      reply: FastifyReply,
      outcome: { problem?: string; flash?: string } = {},
      status = 200,
    ) => {
      const code = codeOf(request);
      const proposal = code ? await findProposal(db, code) : undefined;
      const pack = await latestContentPack(db);
      if (!proposal || !pack || !request.staff) return notFound(reply);
      return sendPage(reply, proposalDetailPage(request.staff, proposal, pack, outcome.problem, outcome.flash), status);
    };

    app.get('/console/proposals/:code', editors, async (request, reply) => detail(request, reply));

    // Moderators must be able to hear a proposal made by voice; it is never public.
    app.get('/console/proposals/:code/voice.wav', editors, async (request, reply) => {
      const code = codeOf(request);
      const proposal = code ? await findProposal(db, code) : undefined;
      if (!proposal) return notFound(reply);
      const path = proposal.has_voice ? await voiceMessagePath(db, uploadDir, proposal.device_id, proposal.submission_id) : undefined;
      return sendVoiceMessage(reply, path);
    });

    app.post('/console/proposals/:code/accept', editors, async (request, reply) => {
      const code = codeOf(request);
      if (!code) return notFound(reply);
      const form = parseInput(AcceptProposalForm, request.body);
      if (!form.ok) return detail(request, reply, { problem: problemText(form.problems) }, 400);
      const { ballot, titleKa, titleEn, descriptionKa, descriptionEn } = form.value;
      const decision = await acceptProposal(
        db,
        code,
        { ballotId: ballot, title: { ka: titleKa, en: titleEn }, description: { ka: descriptionKa, en: descriptionEn } },
        staffOf(request).username,
      );
      if (!decision.ok) return detail(request, reply, { problem: problemText(decision.problems, staffOf(request).t.lang) }, 400);
      return detail(request, reply, {
        flash: staffOf(request).t.proposals.accepted(decision.value.pack?.version ?? '?'),
      });
    });

    app.post('/console/proposals/:code/reject', editors, async (request, reply) => {
      const code = codeOf(request);
      if (!code) return notFound(reply);
      const form = parseInput(RejectProposalForm, request.body);
      if (!form.ok) return detail(request, reply, { problem: problemText(form.problems) }, 400);
      const decision = await rejectProposal(db, code, form.value.reason, staffOf(request).username);
      if (!decision.ok) return detail(request, reply, { problem: problemText(decision.problems, staffOf(request).t.lang) }, 400);
      return detail(request, reply, { flash: staffOf(request).t.proposals.rejected });
    });
  };
}
