import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { CentralDatabase } from '../db/schema.js';
import { parseInput } from '../http/formInput.js';
import { latestContentPack } from '../services/content.js';
import { cosignedCheckpoint } from '../services/record/cosignatures.js';
import type { ProcessIndex } from '../services/record/processIndex.js';
import { countedEntries, PROCESS_KINDS, processView, splitProcessKey } from '../services/record/processView.js';
import type { RecordSigner } from '../services/record/recordSigner.js';
import { sendPage } from '../web/layout.js';
import { entriesPage, ENTRIES_PER_PAGE } from './entriesPage.js';
import { indicatorsCsv, indicatorsPage } from './indicatorsPage.js';
import { commitmentIndicators } from '../services/record/indicators.js';
import { resolvedShares } from '../services/record/resolvedShares.js';
import { processPage, processTitle } from './processPage.js';
import { processTexts } from './processTexts.js';
import { PUBLIC_RATE_LIMIT } from './publicFeedbackRoutes.js';
import { publicLanguageOf } from './publicTexts.js';
import { branchNames, displayNames } from '../services/displayNames.js';

const ProcessParams = z.object({
  kind: z.enum(PROCESS_KINDS as [string, ...string[]], { error: 'kind: survey, ballot, proposal or feedback' }),
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/, 'id: letters, digits and dashes'),
});

/** Either one entry by its index, or what one figure of a process counted (a measure, on a day or on all). */
const OneEntryQuery = z.object({
  index: z.coerce.number({ error: 'index: a number' }).int('index: a whole number').min(0, 'index: 0 or more'),
});
const CountedEntriesQuery = z.object({
  process: z.string().regex(/^(survey|ballot|proposal|feedback):[A-Za-z0-9][A-Za-z0-9-]{0,63}$/, 'process: kind:id'),
  measure: z.string().regex(/^[a-z-]{1,32}$/, 'measure: a figure of the process page'),
  day: z
    .string()
    .regex(/^\d{4}-\d{2}(-\d{2})?$/, 'day: a day as YYYY-MM-DD or a month as YYYY-MM')
    .optional(),
  page: z.coerce.number().int().min(0).max(100_000).catch(0),
});

/**
 * The process pages (`/record/processes/<kind>/<id>`) and the entries behind
 * their figures (`/record/entries`): both read the in-memory index of the log
 * at the latest checkpoint, so what they show is what anyone can verify.
 */
export function processRoutes(db: Kysely<CentralDatabase>, signer: RecordSigner, index: ProcessIndex) {
  return (app: FastifyInstance): void => {
    const current = async () => index.upTo((await cosignedCheckpoint(db, signer)).size);

    app.get('/record/processes/:kind/:id', { config: PUBLIC_RATE_LIMIT, schema: { hide: true } }, async (request, reply) => {
      const lang = publicLanguageOf(request.query);
      const params = parseInput(ProcessParams, request.params);
      if (!params.ok)
        return reply.code(400).send({ error: 'bad-request', field: params.problems[0]?.field, message: params.problems[0]?.message });
      const kind = params.value.kind as (typeof PROCESS_KINDS)[number];
      const view = processView(await current(), await latestContentPack(db), kind, params.value.id);
      if (!view) return reply.code(404).send({ error: 'not_found', message: `no ${kind} ${params.value.id} in the public record` });
      return sendPage(reply, processPage(lang, view, await branchNames(db, lang)));
    });

    app.get('/record/indicators', { config: PUBLIC_RATE_LIMIT, schema: { hide: true } }, async (request, reply) => {
      const record = await current();
      const indicators = await commitmentIndicators(db, record, await latestContentPack(db));
      const format = (request.query as { format?: unknown } | undefined)?.format;
      const resolved = resolvedShares(record);
      if (format === 'json') return reply.header('cache-control', 'no-cache').send({ recordSize: record.size, indicators, resolved });
      if (format === 'csv')
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="psh-indicators.csv"')
          .send(indicatorsCsv(indicators, record.size));
      if (format !== undefined)
        return reply.code(400).send({ error: 'bad-request', field: 'format', message: 'format: csv or json (or none, for the page)' });
      const lang = publicLanguageOf(request.query);
      return sendPage(reply, indicatorsPage(lang, indicators, record.size, { shares: resolved, names: await displayNames(db, lang) }));
    });

    app.get('/record/entries', { config: PUBLIC_RATE_LIMIT, schema: { hide: true } }, async (request, reply) => {
      const lang = publicLanguageOf(request.query);
      const { lang: _lang, ...rest } = (request.query ?? {}) as Record<string, unknown>;
      const query = 'index' in rest ? parseInput(OneEntryQuery, rest) : parseInput(CountedEntriesQuery, rest);
      if (!query.ok)
        return reply
          .code(400)
          .send({ error: 'bad-request', field: query.problems[0]?.field, message: query.problems.map((p) => p.message).join('; ') });
      const record = await current();
      if ('index' in query.value) {
        const { index: idx } = query.value;
        if (idx >= record.size)
          return reply.code(404).send({ error: 'not_found', message: `the signed record has ${String(record.size)} entries` });
        return sendPage(
          reply,
          entriesPage(lang, {
            what: processTexts(lang).entry(idx),
            path: `/record/entries?index=${String(idx)}`,
            entries: await index.entries([idx]),
            page: 0,
            total: 1,
            size: record.size,
          }),
        );
      }
      const { process, measure, day, page } = query.value;
      const { kind, id } = splitProcessKey(process);
      const counted = countedEntries(record, process, measure, day);
      const shown = counted.slice(page * ENTRIES_PER_PAGE, (page + 1) * ENTRIES_PER_PAGE);
      const view = processView(record, await latestContentPack(db), kind as (typeof PROCESS_KINDS)[number], id);
      const what = [
        view ? processTitle(lang, view, await branchNames(db, lang)) : process,
        processTexts(lang).measures[measure] ?? measure,
        day,
      ]
        .filter(Boolean)
        .join(', ');
      return sendPage(
        reply,
        entriesPage(lang, {
          what,
          path: `/record/entries?process=${encodeURIComponent(process)}&measure=${measure}${day ? `&day=${day}` : ''}`,
          entries: await index.entries(shown),
          page,
          total: counted.length,
          size: record.size,
          process: view ? { kind, id } : undefined,
        }),
      );
    });
  };
}
