import { pickText } from '../../../protocol/languages.js';
import { latestContentPack } from '../../services/content.js';
import { html } from '../../web/html.js';
import { sendPage } from '../../web/layout.js';
import { phoneHandler, type PhoneDeps } from '../phoneContext.js';
import { openSurveysAt, surveyBase } from './surveyDraft.js';

/** The surveys open at this desk now, one link each. */
export const surveyListPage = (deps: PhoneDeps) =>
  phoneHandler(deps, async (context, _request, reply) => {
    const { t } = context;
    const surveys = openSurveysAt(await latestContentPack(deps.db), context.desk.branchId);
    return sendPage(
      reply,
      context.page({
        title: t.m.survey.listTitle,
        back: context.home,
        body:
          surveys.length === 0
            ? html`<p>${t.m.survey.none}</p>`
            : html`<ul class="tiles">${surveys.map(
                (survey) => html`<li><a class="tile" href="${surveyBase(context, survey.id)}">${pickText(survey.title, t.lang)}</a></li>`,
              )}</ul>`,
      }),
    );
  });
