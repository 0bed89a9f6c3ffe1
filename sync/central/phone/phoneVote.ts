import type { FastifyInstance, FastifyRequest } from 'fastify';
import { PERSONAL_NUMBER, type Ballot } from '../../protocol/ballot.js';
import { choiceProblem } from '../../protocol/ballotLogic.js';
import type { ContentPack } from '../../protocol/contentPack.js';
import { pickText } from '../../protocol/languages.js';
import { isOpenHere } from '../../protocol/surveyLogic.js';
import { fieldListOf, fieldOf } from '../http/fields.js';
import { contentPackOfVersion, latestContentPack } from '../services/content.js';
import { admitAnonymousVote } from '../services/phoneVoteLimit.js';
import { html } from '../web/html.js';
import { sendPage } from '../web/layout.js';
import { phoneHandler, type PhoneContext, type PhoneDeps } from './phoneContext.js';
import { checkboxes, radios, submitButton, textInput } from './phoneForms.js';
import { PHONE_PAGE_LIMIT, PHONE_POST_LIMIT } from './phoneLimits.js';
import { sendFromPhone } from './phoneSend.js';
import { fill } from './phoneTexts.js';

/** The ballots open at this desk's branch for the web channel now. */
export const openBallotsAt = (pack: ContentPack | undefined, branchId: string): Ballot[] =>
  pack?.ballots.filter((ballot) => isOpenHere(ballot, branchId, 'web')) ?? [];

/**
 * Votes from a phone: choose the initiatives, then check and vote. A verified
 * ballot asks the personal number on that last page only, so it is never kept
 * between pages; it is sealed to Central's key like a kiosk seals it, and
 * ingest derives the same per-ballot voter key from it as for a kiosk's vote,
 * so one person counts once across kiosks and phones (the earliest vote
 * counts). An anonymous ballot takes one vote per browser and at most
 * ANONYMOUS_VOTES_PER_ADDRESS_PER_MINUTE per address.
 */
export function phoneVoteRoutes(deps: PhoneDeps) {
  const { db } = deps;
  return (app: FastifyInstance): void => {
    const base = (context: PhoneContext, ballotId: string) => `${context.home}/votes/${ballotId}`;

    app.get(
      '/D/:code/votes',
      { config: PHONE_PAGE_LIMIT },
      phoneHandler(deps, async (context, _request, reply) => {
        const { t } = context;
        const ballots = openBallotsAt(await latestContentPack(db), context.desk.branchId);
        return sendPage(
          reply,
          context.page({
            title: t.m.vote.listTitle,
            back: context.home,
            body:
              ballots.length === 0
                ? html`<p>${t.m.vote.none}</p>`
                : html`<ul class="tiles">${ballots.map(
                    (ballot) => html`<li><a class="tile" href="${base(context, ballot.id)}">${pickText(ballot.title, t.lang)}</a></li>`,
                  )}</ul>`,
          }),
        );
      }),
    );

    /** The ballot a page names, open here: in the version the visitor's choices were made in, or the newest. */
    async function ballotOf(context: PhoneContext, request: FastifyRequest) {
      const ballotId = fieldOf(request.params, 'ballot') ?? '';
      const draft = context.session.state.vote?.ballotId === ballotId ? context.session.state.vote : undefined;
      const pack = draft ? await contentPackOfVersion(db, draft.contentVersion) : await latestContentPack(db);
      const ballot = openBallotsAt(pack, context.desk.branchId).find((candidate) => candidate.id === ballotId);
      return pack && ballot ? { pack, ballot, draft } : undefined;
    }

    const choosePage = phoneHandler(deps, async (context, request, reply) => {
      const { t } = context;
      const found = await ballotOf(context, request);
      if (!found) return reply.redirect(`${context.home}/votes`, 303);
      const { ballot, pack } = found;
      const posted = request.method === 'POST' ? fieldListOf(request.body, 'choice') : undefined;
      const problem = posted ? choiceProblem(ballot, posted) : undefined;
      if (posted && !problem) {
        await context.save({ ...context.session.state, vote: { ballotId: ballot.id, contentVersion: pack.version, choices: posted } });
        return reply.redirect(`${base(context, ballot.id)}/check`, 303);
      }
      const error =
        problem?.kind === 'too-many' ? fill(t.m.vote.tooMany, { count: ballot.maxChoices }) : problem ? t.m.vote.chooseFirst : undefined;
      const chosen = posted ?? found.draft?.choices ?? [];
      const options = ballot.initiatives.map((initiative) => ({
        value: initiative.id,
        label: pickText(initiative.title, t.lang),
        hint: `${pickText(initiative.description, t.lang)} (${t.m.vote.origins[initiative.origin]})`,
      }));
      const legend = pickText(ballot.title, t.lang);
      const hint = [ballot.description && pickText(ballot.description, t.lang), fill(t.m.vote.upTo, { count: ballot.maxChoices })]
        .filter(Boolean)
        .join(' ');
      return sendPage(
        reply,
        context.page({
          title: legend,
          back: `${context.home}/votes`,
          headingInBody: true,
          listen: await context.listen([legend, hint, ...options.map((option) => `${option.label}. ${option.hint}`)]),
          problems: error ? [{ field: 'choice', message: error }] : [],
          body: html`<form method="post" action="${base(context, ballot.id)}" novalidate>${context.csrf}
${
  ballot.maxChoices === 1
    ? radios({ name: 'choice', legend, options, checked: chosen[0], error, hint, asHeading: true })
    : checkboxes({ name: 'choice', legend, options, checked: chosen, error, hint, asHeading: true })
}
${submitButton(t.p.continue)}
</form>`,
        }),
        error ? 400 : 200,
      );
    });
    app.get('/D/:code/votes/:ballot', { config: PHONE_PAGE_LIMIT }, choosePage);
    app.post('/D/:code/votes/:ballot', { config: PHONE_POST_LIMIT }, choosePage);

    const checkPage = phoneHandler(deps, async (context, request, reply) => {
      const { t } = context;
      const found = await ballotOf(context, request);
      if (!found?.draft) return reply.redirect(found ? base(context, found.ballot.id) : `${context.home}/votes`, 303);
      const { ballot, draft } = found;
      const verified = ballot.policy === 'verified';
      const typed = (fieldOf(request.body, 'personalNumber') ?? '').replace(/\s/g, '');
      let error: string | undefined;
      let status = 200;
      if (request.method === 'POST') {
        if (verified && !PERSONAL_NUMBER.test(typed)) {
          error = t.p.personalNumberError;
          status = 400;
        } else if (!verified && context.session.state.votedBallots.includes(ballot.id)) {
          error = t.m.vote.alreadyVoted;
          status = 409;
        } else if (!verified && !(await admitAnonymousVote(db, ballot.id, request.ip))) {
          error = t.p.tooManyVotes;
          status = 429;
        } else {
          return sendFromPhone(
            deps,
            context,
            reply,
            {
              contentVersion: draft.contentVersion,
              payload: { type: 'vote', ballotId: ballot.id, choices: draft.choices, language: t.lang },
              personalNumber: verified ? typed : undefined,
            },
            { kind: 'vote', vote: true },
            (state) => ({ ...state, vote: undefined, votedBallots: verified ? state.votedBallots : [...state.votedBallots, ballot.id] }),
          );
        }
      }
      const title = (id: string) => pickText(ballot.initiatives.find((initiative) => initiative.id === id)?.title ?? { ka: id }, t.lang);
      return sendPage(
        reply,
        context.page({
          title: t.m.vote.reviewTitle,
          back: base(context, ballot.id),
          problems: error ? [{ field: verified ? 'personalNumber' : 'send', message: error }] : [],
          body: html`<p class="caption">${pickText(ballot.title, t.lang)}</p>
<dl class="summary"><div><dt>${t.m.vote.yourChoices}</dt><dd><ul>${draft.choices.map((id) => html`<li>${title(id)}</li>`)}</ul></dd>
<dd class="change"><a href="${base(context, ballot.id)}">${t.m.vote.change}<span class="visually-hidden"> ${t.m.vote.yourChoices}</span></a></dd></div></dl>
<form method="post" action="${base(context, ballot.id)}/check" id="send" novalidate>${context.csrf}
${verified ? textInput({ name: 'personalNumber', label: t.m.vote.personalLabel, hint: t.m.vote.personalHelp, error, maxLength: 14, autocomplete: 'off', inputMode: 'numeric' }) : ''}
${submitButton(t.m.vote.send)}
</form>`,
        }),
        status,
      );
    });
    app.get('/D/:code/votes/:ballot/check', { config: PHONE_PAGE_LIMIT }, checkPage);
    app.post('/D/:code/votes/:ballot/check', { config: PHONE_POST_LIMIT }, checkPage);
  };
}
