import { pickText } from '../../../protocol/languages.js';
import { latestContentPack } from '../../services/content.js';
import { phoneHandler, type PhoneDeps } from '../phoneContext.js';
import { sendTileList } from '../tileListPage.js';
import { openSurveysAt, surveyBase } from './surveyDraft.js';

/** The surveys open at this desk now, one link each. */
export const surveyListPage = (deps: PhoneDeps) =>
  phoneHandler(deps, async (context, _request, reply) => {
    const { t } = context;
    const surveys = openSurveysAt(await latestContentPack(deps.db), context.desk.branchId);
    const tiles = surveys.map((survey) => ({ href: surveyBase(context, survey.id), label: pickText(survey.title, t.lang) }));
    return sendTileList(context, reply, { title: t.m.survey.listTitle, none: t.m.survey.none, tiles });
  });
