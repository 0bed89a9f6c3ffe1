import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { parseTrackingCode } from '../../protocol/trackingCode.js';
import { pickText } from '../../protocol/languages.js';
import type { CentralDatabase, FeedbackStatus } from '../db/schema.js';
import { latestContentPack } from '../services/content.js';
import { serviceNames } from '../services/serviceNames.js';
import { fieldOf } from '../http/fields.js';
import { PUBLIC_RATE_LIMIT } from './publicFeedbackRoutes.js';

/**
 * Open311 GeoReport v2, read side only (services, requests, one request), so
 * civic tools can follow PSH feedback. Public fields only: the citizen's
 * message, status, dates and the latest published response; never contact
 * details, internal notes, teams or voice messages.
 * https://wiki.open311.org/GeoReport_v2/
 */
const MAX_REQUESTS = 1000;
const DEFAULT_WINDOW_DAYS = 90;

const open311Status = (status: FeedbackStatus): 'open' | 'closed' => (status === 'answered' || status === 'closed' ? 'closed' : 'open');

const open311Error = (reply: FastifyReply, status: number, description: string) => reply.code(status).send([{ code: status, description }]);

export function open311Routes(db: Kysely<CentralDatabase>) {
  return (app: FastifyInstance): void => {
    const options = { config: PUBLIC_RATE_LIMIT, schema: { tags: ['open311'] } };

    app.get('/open311/v2/services.json', options, async () => {
      const pack = await latestContentPack(db);
      return (pack?.services ?? []).map((service) => ({
        service_code: service.id,
        service_name: pickText(service.name, 'en'),
        description: `Feedback about ${pickText(service.name, 'en')}: complaints, suggestions, praise and questions, answered within 24 hours.`,
        metadata: false,
        type: 'realtime',
        keywords: 'feedback',
        group: 'Public Service Hall',
      }));
    });

    const requestsQuery = () =>
      db
        .selectFrom('feedback as f')
        .select((eb) => [
          'f.code',
          'f.status',
          'f.service_id',
          'f.message',
          'f.branch_id',
          'f.clock_start_at',
          'f.updated_at',
          'f.current_due_at',
          eb
            .selectFrom('feedback_responses as r')
            .select('r.text')
            .whereRef('r.code', '=', 'f.code')
            .orderBy('r.position', 'desc')
            .limit(1)
            .as('latest_response'),
        ]);
    type RequestRow = Awaited<ReturnType<ReturnType<typeof requestsQuery>['execute']>>[number];

    const toOpen311 = (names: (id: string) => string) => (row: RequestRow) => ({
      service_request_id: row.code,
      status: open311Status(row.status),
      status_notes: row.latest_response ?? null,
      service_name: names(row.service_id),
      service_code: row.service_id,
      description: row.message,
      agency_responsible: 'Public Service Hall',
      service_notice: 'Answered within 24 hours',
      requested_datetime: row.clock_start_at,
      updated_datetime: row.updated_at,
      expected_datetime: row.current_due_at,
      address: row.branch_id,
      address_id: null,
      zipcode: null,
      lat: null,
      long: null,
      media_url: null,
    });

    app.get('/open311/v2/requests.json', options, async (request, reply) => {
      const names = await serviceNames(db, 'en');
      let query = requestsQuery();
      const ids = fieldOf(request.query, 'service_request_id');
      if (ids !== undefined) {
        const codes = ids
          .split(',')
          .slice(0, MAX_REQUESTS)
          .map((id) => parseTrackingCode(id));
        query = query.where('f.code', 'in', codes.flatMap((parsed) => ('code' in parsed ? [parsed.code] : [])).concat(['-']));
      } else {
        const end = fieldOf(request.query, 'end_date');
        const start = fieldOf(request.query, 'start_date');
        const endAt = end === undefined ? Date.now() : Date.parse(end);
        const startAt = start === undefined ? endAt - DEFAULT_WINDOW_DAYS * 86_400_000 : Date.parse(start);
        if (Number.isNaN(endAt)) return open311Error(reply, 400, 'end_date: not a W3C date-time');
        if (Number.isNaN(startAt)) return open311Error(reply, 400, 'start_date: not a W3C date-time');
        query = query
          .where('f.clock_start_at', '>=', new Date(startAt).toISOString())
          .where('f.clock_start_at', '<=', new Date(endAt).toISOString());
        const code = fieldOf(request.query, 'service_code');
        if (code !== undefined) query = query.where('f.service_id', '=', code);
        const status = fieldOf(request.query, 'status');
        if (status === 'open') query = query.where('f.status', 'in', ['received', 'in-review', 'reopened']);
        else if (status === 'closed') query = query.where('f.status', 'in', ['answered', 'closed']);
        else if (status !== undefined) return open311Error(reply, 400, 'status: open or closed');
      }
      const rows = await query.orderBy('f.clock_start_at', 'desc').limit(MAX_REQUESTS).execute();
      return rows.map(toOpen311(names));
    });

    app.get('/open311/v2/requests/:id', options, async (request, reply) => {
      const id = fieldOf(request.params, 'id') ?? '';
      if (!id.endsWith('.json')) return open311Error(reply, 400, 'Only the JSON format is served: request /open311/v2/requests/{id}.json');
      const parsed = parseTrackingCode(id.slice(0, -'.json'.length).slice(0, 40));
      if ('problem' in parsed) return open311Error(reply, 404, 'No service request has this id; check the code');
      const names = await serviceNames(db, 'en');
      const rows = await requestsQuery().where('f.code', '=', parsed.code).execute();
      if (rows.length === 0) return open311Error(reply, 404, 'No service request has this id; check the code');
      return rows.map(toOpen311(names));
    });
  };
}
