import type { FastifyInstance } from 'fastify';
import type { PhoneDeps } from './phoneContext.js';
import { PHONE_PAGE_LIMIT, PHONE_POST_LIMIT } from './phoneLimits.js';
import { voteCheckPage } from './vote/voteCheckPage.js';
import { voteChoosePage } from './vote/voteChoosePage.js';
import { voteListPage } from './vote/voteListPage.js';

export { openBallotsAt } from './vote/ballotDraft.js';

/** Votes from a phone, one page per file in vote/: the ballots, choose the initiatives, then check and vote. */
export function phoneVoteRoutes(deps: PhoneDeps) {
  return (app: FastifyInstance): void => {
    app.get('/D/:code/votes', { config: PHONE_PAGE_LIMIT }, voteListPage(deps));
    const choose = voteChoosePage(deps);
    app.get('/D/:code/votes/:ballot', { config: PHONE_PAGE_LIMIT }, choose);
    app.post('/D/:code/votes/:ballot', { config: PHONE_POST_LIMIT }, choose);
    const check = voteCheckPage(deps);
    app.get('/D/:code/votes/:ballot/check', { config: PHONE_PAGE_LIMIT }, check);
    app.post('/D/:code/votes/:ballot/check', { config: PHONE_POST_LIMIT }, check);
  };
}
