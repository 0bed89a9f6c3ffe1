import type { FastifyRequest } from 'fastify';
import { PERSONAL_NUMBER, type Ballot } from '../../../protocol/ballot.js';
import { pickText } from '../../../protocol/languages.js';
import { fieldOf } from '../../http/fields.js';
import { admitAnonymousVote } from '../../services/phoneVoteLimit.js';
import { html } from '../../web/html.js';
import { sendPage } from '../../web/layout.js';
import { phoneHandler, type PhoneContext, type PhoneDeps } from '../phoneContext.js';
import { submitButton, textInput } from '../phoneForms.js';
import { sendFromPhone } from '../phoneSend.js';
import { ballotBase, ballotOf } from './ballotDraft.js';

/**
 * Why this vote cannot be sent now, with its HTTP status, or undefined: a
 * verified ballot needs a well-formed personal number; an anonymous one takes
 * one vote per browser and at most ANONYMOUS_VOTES_PER_ADDRESS_PER_MINUTE per address.
 */
async function voteRefusal(deps: PhoneDeps, context: PhoneContext, request: FastifyRequest, ballot: Ballot, typed: string) {
  const { t } = context;
  if (ballot.policy === 'verified') return PERSONAL_NUMBER.test(typed) ? undefined : { error: t.p.personalNumberError, status: 400 };
  if (context.session.state.votedBallots.includes(ballot.id)) return { error: t.m.vote.alreadyVoted, status: 409 };
  if (!(await admitAnonymousVote(deps.db, ballot.id, request.ip))) return { error: t.p.tooManyVotes, status: 429 };
  return undefined;
}

/**
 * Check and vote. A verified ballot asks the personal number on this last
 * page only, so it is never kept between pages; it is sealed to Central's key
 * like a kiosk seals it, and ingest derives the same per-ballot voter key
 * from it as for a kiosk's vote, so one person counts once across kiosks and
 * phones (the earliest vote counts).
 */
export const voteCheckPage = (deps: PhoneDeps) =>
  phoneHandler(deps, async (context, request, reply) => {
    const { t } = context;
    const found = await ballotOf(deps, context, request);
    if (!found?.draft) return reply.redirect(found ? ballotBase(context, found.ballot.id) : `${context.home}/votes`, 303);
    const { ballot, draft } = found;
    const verified = ballot.policy === 'verified';
    const typed = (fieldOf(request.body, 'personalNumber') ?? '').replace(/\s/g, '');
    const refusal = request.method === 'POST' ? await voteRefusal(deps, context, request, ballot, typed) : undefined;
    if (request.method === 'POST' && !refusal)
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
    const error = refusal?.error;
    const base = ballotBase(context, ballot.id);
    const title = (id: string) => pickText(ballot.initiatives.find((initiative) => initiative.id === id)?.title ?? { ka: id }, t.lang);
    const personal = verified
      ? textInput({
          name: 'personalNumber',
          label: t.m.vote.personalLabel,
          hint: t.m.vote.personalHelp,
          error,
          maxLength: 14,
          autocomplete: 'off',
          inputMode: 'numeric',
        })
      : '';
    return sendPage(
      reply,
      context.page({
        title: t.m.vote.reviewTitle,
        back: base,
        problems: error ? [{ field: verified ? 'personalNumber' : 'send', message: error }] : [],
        body: html`<p class="caption">${pickText(ballot.title, t.lang)}</p>
<dl class="summary"><div><dt>${t.m.vote.yourChoices}</dt><dd><ul>${draft.choices.map((id) => html`<li>${title(id)}</li>`)}</ul></dd>
<dd class="change"><a href="${base}">${t.m.vote.change}<span class="visually-hidden"> ${t.m.vote.yourChoices}</span></a></dd></div></dl>
<form method="post" action="${base}/check" id="send" novalidate>${context.csrf}
${personal}
${submitButton(t.m.vote.send)}
</form>`,
      }),
      refusal?.status ?? 200,
    );
  });
