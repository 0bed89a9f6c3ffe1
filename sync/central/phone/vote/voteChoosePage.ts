import { choiceProblem } from '../../../protocol/ballotLogic.js';
import { pickText } from '../../../protocol/languages.js';
import { fieldListOf } from '../../http/fields.js';
import { html } from '../../web/html.js';
import { sendPage } from '../../web/layout.js';
import { phoneHandler, type PhoneDeps } from '../phoneContext.js';
import { checkboxes, radios, submitButton } from '../phoneForms.js';
import { fill } from '../phoneTexts.js';
import { ballotBase, ballotOf } from './ballotDraft.js';

/** The initiatives to choose (radios for one choice, checkboxes for several), checked by the ballot's rule (ballotLogic.ts). */
export const voteChoosePage = (deps: PhoneDeps) =>
  phoneHandler(deps, async (context, request, reply) => {
    const { t } = context;
    const found = await ballotOf(deps, context, request);
    if (!found) return reply.redirect(`${context.home}/votes`, 303);
    const { ballot, pack } = found;
    const posted = request.method === 'POST' ? fieldListOf(request.body, 'choice') : undefined;
    const problem = posted ? choiceProblem(ballot, posted) : undefined;
    if (posted && !problem) {
      await context.save({ ...context.session.state, vote: { ballotId: ballot.id, contentVersion: pack.version, choices: posted } });
      return reply.redirect(`${ballotBase(context, ballot.id)}/check`, 303);
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
    const fields =
      ballot.maxChoices === 1
        ? radios({ name: 'choice', legend, options, checked: chosen[0], error, hint, asHeading: true })
        : checkboxes({ name: 'choice', legend, options, checked: chosen, error, hint, asHeading: true });
    return sendPage(
      reply,
      context.page({
        title: legend,
        back: `${context.home}/votes`,
        headingInBody: true,
        listen: await context.listen([legend, hint, ...options.map((option) => `${option.label}. ${option.hint}`)]),
        problems: error ? [{ field: 'choice', message: error }] : [],
        body: html`<form method="post" action="${ballotBase(context, ballot.id)}" novalidate>${context.csrf}
${fields}
${submitButton(t.p.continue)}
</form>`,
      }),
      error ? 400 : 200,
    );
  });
