import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../db/schema.js';
import type { FiguresCache } from '../services/feedbackFigures.js';
import { displayNames } from '../services/displayNames.js';
import type { RecordIndex } from '../services/record/processIndex.js';
import { resolvedShares } from '../services/record/resolvedShares.js';
import { figuresCsv, figuresPage } from './figuresPage.js';
import { sendPage } from '../web/layout.js';
import { publicLanguageOf } from './publicTexts.js';
import { PUBLIC_RATE_LIMIT } from './publicFeedbackRoutes.js';

/** The public record's index at its latest cosigned checkpoint: the share resolved is counted from it. */
type RecordNow = () => Promise<Pick<RecordIndex, 'resolutions'>>;

export function figuresRoutes(db: Kysely<CentralDatabase>, cache: FiguresCache, recordNow: RecordNow) {
  return (app: FastifyInstance): void => {
    const figures = () => cache.get();

    app.get('/figures', { config: PUBLIC_RATE_LIMIT, schema: { hide: true } }, async (request, reply) => {
      const lang = publicLanguageOf(request.query);
      const resolved = resolvedShares(await recordNow());
      return sendPage(reply, figuresPage(lang, await figures(), await displayNames(db, lang), resolved));
    });
    app.get(
      '/figures.json',
      { config: PUBLIC_RATE_LIMIT, schema: { tags: ['public'], summary: 'The 24-hour promise figures' } },
      async () => figures(),
    );
    app.get(
      '/figures.csv',
      { config: PUBLIC_RATE_LIMIT, schema: { tags: ['public'], summary: 'The 24-hour promise figures as CSV' } },
      async (_request, reply) =>
        reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="feedback-figures.csv"')
          .send(figuresCsv(await figures())),
    );
  };
}
