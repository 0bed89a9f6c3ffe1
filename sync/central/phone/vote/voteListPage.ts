import { pickText } from '../../../protocol/languages.js';
import { latestContentPack } from '../../services/content.js';
import { html } from '../../web/html.js';
import { sendPage } from '../../web/layout.js';
import { phoneHandler, type PhoneDeps } from '../phoneContext.js';
import { ballotBase, openBallotsAt } from './ballotDraft.js';

/** The ballots open at this desk now, one link each. */
export const voteListPage = (deps: PhoneDeps) =>
  phoneHandler(deps, async (context, _request, reply) => {
    const { t } = context;
    const ballots = openBallotsAt(await latestContentPack(deps.db), context.desk.branchId);
    return sendPage(
      reply,
      context.page({
        title: t.m.vote.listTitle,
        back: context.home,
        body:
          ballots.length === 0
            ? html`<p>${t.m.vote.none}</p>`
            : html`<ul class="tiles">${ballots.map(
                (ballot) => html`<li><a class="tile" href="${ballotBase(context, ballot.id)}">${pickText(ballot.title, t.lang)}</a></li>`,
              )}</ul>`,
      }),
    );
  });
