import { demoContentPack } from '../../kiosk-config/demo/demoContentPack.js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeTableOf } from '../../sync/central/routeTable.js';
import { createStaffUser } from '../../sync/central/services/staffAuth.js';
import { startCentral } from '../support/testCentral.js';
import type { RunningCentral } from '../../sync/central/startCentral.js';
import { UNSIGNED_BODY } from '../../src-main/core/sync-client/requestSigner.js';
import { centralRequests } from '../support/centralRequests.js';
import { ratingEnvelope } from '../support/envelope.js';
import { isSignedIn, signInStaff } from '../support/staffClient.js';
import { rawRequest } from '../support/rawRequest.js';
import { makeTempDir } from '../support/tempDir.js';
import type { TestDevice } from '../support/testDevice.js';
import { STAFF_COOKIE } from '../../sync/central/console/staffGuard.js';

// 10,000 generated bad requests against EVERY route Central registers (its own route table, so a
// new route is fuzzed without anyone listing it), on loopback: kiosk routes signed or not, console
// routes as a signed-in admin with a valid CSRF token or as a stranger. Zero 5xx, zero dropped
// connections, zero hangs, and Central healthy afterwards. fast-check generates from a fixed seed.
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 10_000);
const CONCURRENCY = 16;
/** Longer than any honest answer on loopback: past it, the request counts as a hang. */
const HANG_MS = 15_000;
const ADMIN = { user: 'fuzz-admin', password: 'fuzz-admin-password-1' };
const dir = makeTempDir('fuzz');
let central: RunningCentral;
let device: TestDevice;
let staff: { cookie: string; csrf: string };
let routes: Array<{ method: string; url: string }>;

beforeAll(async () => {
  central = await startCentral({ starterContent: demoContentPack, dataDir: dir.path });
  device = await centralRequests(() => central).enrol();
  await createStaffUser(central.db, ADMIN.user, ADMIN.password, 'admin');
  const client = await signInStaff(central, ADMIN.user, ADMIN.password);
  if (!isSignedIn(client)) throw new Error(`staff sign-in failed: ${String(client.status)}`);
  const csrf = /name="_csrf" value="([^"]+)"/.exec((await client.page('/console/feedback')).text)?.[1];
  if (!csrf) throw new Error('no CSRF token on the console page');
  staff = { cookie: client.cookie, csrf };
  routes = routeTableOf(central.app).flatMap((route) => route.methods.map((method) => ({ method, url: route.url })));
});
afterAll(async () => {
  await central.close();
  dir.remove();
});

/** Values for `:param` and `*` segments: plausible ones and hostile ones, URL-encoded as a browser would send them. */
const pathValue = fc.oneof(
  fc.constantFrom(
    'ABCD1234',
    'A7K3QZ',
    '1',
    'demo-survey',
    'civil-registry',
    '0123456789abcdef',
    '..%2F..%2Fetc%2Fpasswd',
    '%00',
    '%ff%fe',
    '.',
    '',
  ),
  fc.string({ maxLength: 40 }).map(encodeURIComponent),
  fc.string({ unit: 'grapheme', maxLength: 20 }).map(encodeURIComponent),
  fc.integer({ min: 300, max: 5000 }).map((n) => 'x'.repeat(n)),
);

/** A concrete path for a route pattern, with fuzzed values in its parameters and sometimes a fuzzed query. */
const pathFor = (url: string) =>
  fc
    .tuple(
      fc.array(pathValue, { minLength: 4, maxLength: 4 }),
      fc.option(
        fc.dictionary(fc.constantFrom('code', 'page', 'status', 'lang', 'q', 'next', 'start_date', 'format'), fc.string({ maxLength: 30 })),
        { nil: undefined },
      ),
    )
    .map(([values, query]) => {
      let n = 0;
      const path = url.replace(/:[A-Za-z_]+|\*/g, () => values[n++ % values.length] ?? '');
      return query ? `${path}?${new URLSearchParams(query).toString()}` : path;
    });

/** A valid push body with one field somewhere replaced by anything. */
const mutatedEnvelope = fc
  .tuple(
    fc.constantFrom('id', 'seq', 'payloadSha256', 'createdAt', 'payload', 'attachments', 'confirmationCode', 'schemaVersion'),
    fc.anything(),
  )
  .map(([field, value]) => {
    const envelope: Record<string, unknown> = { ...ratingEnvelope(1) };
    envelope[field] = value;
    return JSON.stringify({ items: [envelope] });
  });

/** A console form: the CSRF token (right or wrong) and fields the console's forms use, with anything in them. */
const FORM_FIELDS = [
  'json',
  'message',
  'note',
  'status',
  'team',
  'reason',
  'kind',
  'lang',
  'code',
  'action',
  'ballot',
  'branch',
  'service',
  'text',
  'titleKa',
  'titleEn',
  'descriptionKa',
  'descriptionEn',
  'username',
  'password',
  'role',
  'next',
  'nextStepsKa',
];
const consoleForm = fc
  .tuple(fc.boolean(), fc.dictionary(fc.constantFrom(...FORM_FIELDS), fc.oneof(fc.string({ maxLength: 200 }), fc.json()), { maxKeys: 5 }))
  .map(([rightToken, fields]) => ({ form: true as const, rightToken, fields }));

const body = fc.oneof(
  { weight: 4, arbitrary: fc.json() },
  { weight: 3, arbitrary: mutatedEnvelope },
  { weight: 3, arbitrary: consoleForm },
  { weight: 2, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 2, arbitrary: fc.anything().map((value) => JSON.stringify(value) ?? 'undefined') },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 200_000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 512 }).map((bytes) => Buffer.from(bytes)) },
  { weight: 1, arbitrary: fc.constant(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0xc3, 0x28, 0x7d])) }, // invalid UTF-8 in JSON
  { weight: 1, arbitrary: fc.integer({ min: 300_000, max: 3_000_000 }).map((size) => `{"items":"${'x'.repeat(size)}"}`) },
);

const request = fc.record({
  route: fc.nat(),
  pathSeed: fc.nat(),
  body: fc.option(body, { nil: undefined }),
  contentType: fc.constantFrom(
    'application/json',
    'text/plain',
    'application/offset+octet-stream',
    'application/json; charset=latin1',
    'application/x-www-form-urlencoded',
    undefined,
  ),
  /** Kiosk routes: a valid signature, none or garbage. Console routes: an admin's session, or none. */
  credentials: fc.constantFrom('valid', 'none', 'garbage'),
  extraHeaders: fc.dictionary(
    fc.constantFrom('x-psh-protocol', 'tus-resumable', 'upload-length', 'upload-offset', 'upload-metadata', 'if-none-match'),
    fc.string({ maxLength: 40 }),
    { maxKeys: 3 },
  ),
});
type FuzzRequest = typeof request extends fc.Arbitrary<infer T> ? T : never;

type Outcome = { status: number } | { failure: string };

async function send(spec: FuzzRequest): Promise<{ method: string; path: string; outcome: Outcome }> {
  const route = routes[spec.route % routes.length];
  if (!route) throw new Error('no routes');
  const { method } = route;
  const [path = route.url] = fc.sample(pathFor(route.url), { numRuns: 1, seed: spec.pathSeed });
  const hasBody = spec.body !== undefined && method !== 'GET' && method !== 'HEAD';
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(spec.extraHeaders)) headers[name] = value.replace(/[^\x20-\x7e]/g, '');
  let payload: string | Buffer | undefined;
  if (hasBody && spec.body !== undefined) {
    if (typeof spec.body === 'object' && 'form' in spec.body) {
      payload = new URLSearchParams({ ...spec.body.fields, _csrf: spec.body.rightToken ? staff.csrf : 'forged' }).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    } else {
      payload = spec.body;
      if (spec.contentType) headers['content-type'] = spec.contentType;
    }
  }
  const isConsole = path.startsWith('/console');
  // Signing out would end the session every other console request uses: /console/logout is fuzzed as a stranger.
  if (isConsole && spec.credentials === 'valid' && !path.startsWith('/console/logout')) {
    Object.assign(headers, { cookie: staff.cookie, origin: central.url, 'sec-fetch-site': 'same-origin' });
  } else if (!isConsole && spec.credentials === 'valid') {
    const signedBody = path.startsWith('/api/kiosk/uploads') ? UNSIGNED_BODY : typeof payload === 'string' ? payload : undefined;
    Object.assign(headers, device.sign(method, path.split('?')[0] ?? path, signedBody));
  } else if (spec.credentials === 'garbage') {
    Object.assign(headers, {
      'x-psh-device': device.deviceId,
      'x-psh-timestamp': 'soon',
      'x-psh-nonce': 'n',
      'x-psh-signature': '!!!',
      cookie: `${STAFF_COOKIE}=forged`,
    });
  }
  try {
    const answer = await rawRequest(`${central.url}${path}`, {
      method,
      headers,
      timeoutMs: HANG_MS,
      ...(payload !== undefined ? { body: payload } : {}),
    });
    return { method, path, outcome: { status: answer.status } };
  } catch (error) {
    // A reset, a connection closed without an answer, or no answer in time: each is a failure.
    return { method, path, outcome: { failure: (error as Error).message } };
  }
}

describe('Central under fuzzed requests', () => {
  it('knows its routes: every path of the OpenAPI document is in the route table that is fuzzed', async () => {
    const openapi = (await (await fetch(`${central.url}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const table = new Set(routes.map((route) => `${route.method} ${route.url}`));
    const documented = Object.entries(openapi.paths).flatMap(([path, operations]) =>
      // OpenAPI writes ":name" as "{name}" and a wildcard ("/record/tile/*") as "{*}".
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1').replace(/\{\*\}/g, '*')}`),
    );
    expect(documented.length).toBeGreaterThan(5);
    expect(documented.filter((entry) => !table.has(entry))).toEqual([]);
    // The console and the public site are there too, not only the documented kiosk API.
    expect([...table].filter((entry) => entry.includes(' /console')).length).toBeGreaterThan(10);
    expect(routes.length).toBeGreaterThan(50);
  });

  it(
    `answers ${REQUESTS} generated bad requests across every route without a 5xx, a reset or a hang, and stays healthy`,
    { timeout: 10 * 60_000 },
    async () => {
      const specs = fc.sample(request, { numRuns: REQUESTS, seed: Number(process.env.FUZZ_SEED ?? 42) });
      const statuses = new Map<number | string, number>();
      const reached = new Set<string>();
      const failures: string[] = [];
      let next = 0;
      const worker = async () => {
        while (next < specs.length) {
          const spec = specs[next++];
          if (!spec) break;
          const { method, path, outcome } = await send(spec);
          reached.add(`${method} ${routes[spec.route % routes.length]?.url ?? ''}`);
          const key = 'status' in outcome ? outcome.status : outcome.failure;
          statuses.set(key, (statuses.get(key) ?? 0) + 1);
          const bad = 'failure' in outcome ? outcome.failure : outcome.status >= 500 ? String(outcome.status) : undefined;
          if (bad && failures.length < 10)
            failures.push(
              `${bad} ${method} ${path.slice(0, 120)} ${(typeof spec.body === 'string' ? spec.body : (JSON.stringify(spec.body) ?? '')).slice(0, 80)}`,
            );
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      console.log(
        `fuzz: ${String(REQUESTS)} requests over ${String(reached.size)} of ${String(routes.length)} routes, outcomes ${JSON.stringify(Object.fromEntries(statuses))}`,
      );
      expect(failures).toEqual([]);
      expect(reached.size).toBe(routes.length);
      const health = await fetch(`${central.url}/api/health`);
      expect(health.status).toBe(200);
      // The admin's session lasted the whole run, so the signed-in third of console requests really reached the console.
      expect((await fetch(`${central.url}/console/feedback`, { headers: { cookie: staff.cookie }, redirect: 'manual' })).status).toBe(200);
      const stored = await central.db
        .selectFrom('submissions')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(stored.n)).toBeLessThan(REQUESTS);
    },
  );
});
