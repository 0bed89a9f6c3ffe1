import type { FastifyInstance } from 'fastify';
import { latestContentPack } from '../services/content.js';
import { sendPage } from '../web/layout.js';
import { deskHomePage } from './deskHomePage.js';
import { phoneHandler } from './phoneContext.js';
import { phoneFeedbackRoutes } from './phoneFeedback.js';
import { phoneProposalRoutes } from './phoneProposal.js';
import { phoneRatingRoutes } from './phoneRating.js';
import { openBallotsAt, phoneVoteRoutes } from './phoneVote.js';
import { phoneSurveyRoutes, openSurveysAt } from './phoneSurvey.js';
import { type PhoneDeps } from './phoneSend.js';
import { thanksPage } from './thanksPage.js';
import { PHONE_PAGE_LIMIT } from './phoneLimits.js';

/**
 * The phone channel (issue #16): what a desk card's QR code opens,
 * `/D/<desk code>`, server-rendered pages that work with JavaScript off, in
 * the five languages. Each flow's submission takes the kiosk's path into
 * Central (services/phoneSubmit.ts), from the branch's phone device.
 */
export function phoneRoutes(deps: PhoneDeps) {
  return (app: FastifyInstance): void => {
    app.get(
      '/D/:code',
      { config: PHONE_PAGE_LIMIT },
      phoneHandler(deps.db, deps.secureCookies, async (context, _request, reply) => {
        const pack = await latestContentPack(deps.db);
        const open = {
          surveys: openSurveysAt(pack, context.desk.branchId).length,
          ballots: openBallotsAt(pack, context.desk.branchId).length,
        };
        return sendPage(reply, deskHomePage(context, open));
      }),
    );
    app.get(
      '/D/:code/thanks',
      { config: PHONE_PAGE_LIMIT },
      phoneHandler(deps.db, deps.secureCookies, async (context, _request, reply) => {
        const page = thanksPage(context);
        return page ? sendPage(reply, page) : reply.redirect(context.home, 303);
      }),
    );
    app.register(phoneRatingRoutes(deps));
    app.register(phoneFeedbackRoutes(deps));
    app.register(phoneSurveyRoutes(deps));
    app.register(phoneVoteRoutes(deps));
    app.register(phoneProposalRoutes(deps));
  };
}
