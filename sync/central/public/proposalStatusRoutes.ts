import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../db/schema.js';
import { findProposal } from '../services/proposals.js';
import { codeOf, proposalNotFound } from '../http/proposalCode.js';
import { sendPage } from '../web/layout.js';
import { PUBLIC_RATE_LIMIT } from './publicFeedbackRoutes.js';
import { proposalStatusPage } from './proposalStatusPage.js';
import { publicLanguageOf } from './publicTexts.js';

/** The proposer follows their proposal by its code: its status, then the initiative or the public reason. */
export function proposalStatusRoutes(db: Kysely<CentralDatabase>) {
  return (app: FastifyInstance): void => {
    app.get('/proposals/:code', { config: PUBLIC_RATE_LIMIT, schema: { hide: true } }, async (request, reply) => {
      const code = codeOf(request);
      const proposal = code ? await findProposal(db, code) : undefined;
      if (!proposal) return proposalNotFound(reply);
      return sendPage(reply, proposalStatusPage(publicLanguageOf(request.query), proposal));
    });
  };
}
