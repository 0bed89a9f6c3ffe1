import { pickText } from '../../../protocol/languages.js';
import { latestContentPack } from '../../services/content.js';
import { phoneHandler, type PhoneDeps } from '../phoneContext.js';
import { sendTileList } from '../tileListPage.js';
import { ballotBase, openBallotsAt } from './ballotDraft.js';

/** The ballots open at this desk now, one link each. */
export const voteListPage = (deps: PhoneDeps) =>
  phoneHandler(deps, async (context, _request, reply) => {
    const { t } = context;
    const ballots = openBallotsAt(await latestContentPack(deps.db), context.desk.branchId);
    const tiles = ballots.map((ballot) => ({ href: ballotBase(context, ballot.id), label: pickText(ballot.title, t.lang) }));
    return sendTileList(context, reply, { title: t.m.vote.listTitle, none: t.m.vote.none, tiles });
  });
