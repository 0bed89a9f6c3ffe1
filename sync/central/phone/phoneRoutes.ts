import { createReadStream } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { fieldOf } from '../http/fields.js';
import { latestContentPack } from '../services/content.js';
import { WEB_DESK_CODE } from '../services/desks.js';
import { sendPage } from '../web/layout.js';
import { deskHomePage } from './deskHomePage.js';
import { phoneHandler, type PhoneDeps } from './phoneContext.js';
import { phoneFeedbackRoutes } from './phoneFeedback.js';
import { phoneProposalRoutes } from './phoneProposal.js';
import { phoneRatingRoutes } from './phoneRating.js';
import { openBallotsAt, phoneVoteRoutes } from './phoneVote.js';
import { phoneSurveyRoutes, openSurveysAt } from './phoneSurvey.js';
import { thanksPage } from './thanksPage.js';
import { phoneTrackRoutes } from './phoneTrack.js';
import { recorderScriptRoute } from './voiceRecorder.js';
import { voiceUploadRoutes } from './voiceUploadRoutes.js';
import { capPhonesPerAddress, PHONE_PAGE_LIMIT } from './phoneLimits.js';

/**
 * The phone channel (issue #16): what a desk card's QR code opens,
 * `/D/<desk code>`, server-rendered pages that work with JavaScript off, in
 * the five languages. Each flow's submission takes the kiosk's path into
 * Central (services/phoneSubmit.ts), from the branch's phone device.
 */
export function phoneRoutes(deps: PhoneDeps) {
  return (app: FastifyInstance): void => {
    capPhonesPerAddress(app, deps.db);
    app.get(
      '/D/:code',
      { config: PHONE_PAGE_LIMIT },
      phoneHandler(deps, async (context, _request, reply) => {
        const pack = await latestContentPack(deps.db);
        const open = {
          surveys: openSurveysAt(pack, context.desk.branchId).length,
          ballots: openBallotsAt(pack, context.desk.branchId).length,
        };
        return sendPage(reply, deskHomePage(context, open));
      }),
    );
    // The web site's entry: the same pages without a desk, counted under the web channel.
    app.get('/take-part', { config: PHONE_PAGE_LIMIT }, async (request, reply) => {
      const lang = fieldOf(request.query, 'lang');
      return reply.redirect(`/D/${WEB_DESK_CODE}${lang && /^[a-z]{2}$/.test(lang) ? `?lang=${lang}` : ''}`, 303);
    });
    app.get(
      '/D/:code/thanks',
      { config: PHONE_PAGE_LIMIT },
      phoneHandler(deps, async (context, _request, reply) => {
        const page = thanksPage(context);
        return page ? sendPage(reply, page) : reply.redirect(context.home, 303);
      }),
    );
    // A Listen button's audio: public text only (what a page registered), synthesised once, then cached by URL.
    app.get('/listen/:file', { config: PHONE_PAGE_LIMIT }, async (request, reply) => {
      const [, key, format] = /^([0-9a-f]{32})\.(wav|opus)$/.exec(fieldOf(request.params, 'file') ?? '') ?? [];
      const path = key ? await deps.spoken.file(key, format === 'opus' ? 'opus' : 'wav') : undefined;
      if (!path) return reply.code(404).send({ error: 'not-found', message: 'No spoken text has this address' });
      return reply
        .header('content-type', format === 'opus' ? 'audio/ogg; codecs=opus' : 'audio/wav')
        .header('cache-control', 'public, max-age=31536000, immutable')
        .send(createReadStream(path));
    });
    app.register(recorderScriptRoute);
    app.register(voiceUploadRoutes(deps));
    app.register(phoneRatingRoutes(deps));
    app.register(phoneFeedbackRoutes(deps));
    app.register(phoneSurveyRoutes(deps));
    app.register(phoneVoteRoutes(deps));
    app.register(phoneProposalRoutes(deps));
    app.register(phoneTrackRoutes(deps));
  };
}
