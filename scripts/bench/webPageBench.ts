import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { demoSurvey } from '../../kiosk-config/demo/demoSurvey.js';
import { makeTempDir } from '../../tests/support/tempDir.js';
import { startCentralProcess } from './centralProcess.js';
import { percentile, round, type BenchResult } from './stats.js';

const PHONES = 200;
const LOAD_MS = 10_000;
const QUESTION = `/D/TB01-07/surveys/${demoSurvey.id}/q/visits`;
/** Forms one visitor posts before the next visitor at the same phone takes over (under the 30 a minute a session may post). */
const POSTS_PER_VISITOR = 25;

interface Phone {
  readonly cookie: string;
  readonly csrf: string;
  /** Each phone from its own address (127.0.0.2, ...: all of 127/8 is loopback), as phones are: limits are per address. */
  readonly address: string;
  /** Its connection, kept alive between pages as a phone's browser keeps it. */
  readonly agent: Agent;
}

/** One HTTP exchange on loopback: status, headers, and the bytes as they crossed the wire (no decoding). */
function exchange(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; address?: string; agent?: Agent } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; bytes: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: options.method ?? 'GET', headers: options.headers, agent: options.agent ?? false, localAddress: options.address },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: body.length, text: body.toString('utf8') });
        });
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/**
 * web.page_p95_ms: the server time (Fastify's own responseTime, from Central's
 * request log) of a survey question page and of its form post, p95 over 10 s
 * of 200 simulated phones on loopback, each with its own session, looping
 * "show the question, answer it". Central is the compiled one in its own
 * process; the phones are this process (a client on the same 2 cores).
 * web.page_kb: what a phone downloads for that page with its stylesheet, as
 * the bytes on the wire when it accepts br and gzip as browsers do; its
 * baseline is the same two without compression, measured in the same run.
 * The phones of the load ask for compressed pages too, so the p95 includes compressing them.
 * web.figures_kb: the same for /figures, the largest public page (issue #33: under 30 kB).
 */
export async function benchWebPages(): Promise<BenchResult[]> {
  const dir = makeTempDir('bench-web');
  const requests = new Map<string, string>();
  const serverMs: number[] = [];
  const central = await startCentralProcess(dir.path, 'bench-web-token-0123456789', {
    args: ['--demo-data'],
    env: { PSH_CENTRAL_LOG_LEVEL: 'info' },
    onLine: (line) => {
      if (!line.startsWith('{')) return;
      const entry = JSON.parse(line) as { reqId?: string; req?: { url?: string }; responseTime?: number };
      if (entry.reqId === undefined) return;
      if (entry.req?.url) requests.set(entry.reqId, entry.req.url);
      else if (entry.responseTime !== undefined && requests.get(entry.reqId) === QUESTION) serverMs.push(entry.responseTime);
    },
  });
  try {
    const open = async (address: string): Promise<Phone> => {
      const start = await exchange(`${central.url}/D/TB01-07/surveys/${demoSurvey.id}`, { address });
      const cookie = String([start.headers['set-cookie']].flat()[0] ?? '').split(';')[0] ?? '';
      const page = await exchange(`${central.url}${QUESTION}`, { headers: { cookie }, address });
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1];
      if (!csrf) throw new Error(`no form on ${QUESTION}: ${page.status}`);
      return { cookie, csrf, address, agent: new Agent({ keepAlive: true, maxSockets: 1, localAddress: address }) };
    };
    const phones: Phone[] = [];
    for (let i = 0; i < PHONES; i += 1) phones.push(await open(`127.0.${Math.floor(i / 250)}.${(i % 250) + 2}`));

    // What one phone downloads for the page: the page and its stylesheet, as a phone's browser asks for them.
    const accept = { 'accept-encoding': 'gzip, deflate, br' };
    const page = await exchange(`${central.url}${QUESTION}`, { headers: { ...accept, cookie: phones[0]?.cookie ?? '' } });
    const css = await exchange(`${central.url}/static/site.css`, { headers: accept });
    const pageKb = (page.bytes + css.bytes) / 1024;
    const plainPage = await exchange(`${central.url}${QUESTION}`, { headers: { cookie: phones[0]?.cookie ?? '' } });
    const plainCss = await exchange(`${central.url}/static/site.css`);
    const plainKb = (plainPage.bytes + plainCss.bytes) / 1024;
    if (page.headers['content-encoding'] === undefined) throw new Error('Central sent the question page uncompressed');
    // The largest public page a phone opens from a shared link (issue #33): the 24-hour figures, on the demo's five months.
    const figures = await exchange(`${central.url}/figures`, { headers: accept });
    const plainFigures = await exchange(`${central.url}/figures`);
    if (figures.status !== 200 || figures.headers['content-encoding'] === undefined)
      throw new Error(`/figures: ${String(figures.status)}, not compressed`);
    const figuresKb = (figures.bytes + css.bytes) / 1024;
    const plainFiguresKb = (plainFigures.bytes + plainCss.bytes) / 1024;

    serverMs.length = 0;
    const clientMs: number[] = [];
    const until = performance.now() + LOAD_MS;
    await Promise.all(
      phones.map(async (first, index) => {
        let phone = first;
        let posts = 0;
        while (performance.now() < until) {
          // A phone session may post a form 30 times a minute (phone/phoneLimits.ts): after 25, the next visitor at
          // this phone's address starts a session of their own, as a queue of people would. Not timed.
          if (posts === POSTS_PER_VISITOR) {
            phone.agent.destroy();
            phone = await open(phone.address);
            phones[index] = phone;
            posts = 0;
          }
          posts += 1;
          let started = performance.now();
          await exchange(`${central.url}${QUESTION}`, { headers: { ...accept, cookie: phone.cookie }, agent: phone.agent });
          clientMs.push(performance.now() - started);
          started = performance.now();
          const posted = await exchange(`${central.url}${QUESTION}`, {
            method: 'POST',
            headers: { cookie: phone.cookie, 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
            body: `_csrf=${encodeURIComponent(phone.csrf)}&answer=monthly`,
            agent: phone.agent,
          });
          clientMs.push(performance.now() - started);
          if (posted.status !== 303) throw new Error(`the answer was not taken: ${posted.status}`);
        }
      }),
    );
    phones.forEach((phone) => phone.agent.destroy());
    // Let the last log lines arrive.
    await new Promise((resolve) => setTimeout(resolve, 300));
    return [
      { name: 'web.page_p95_ms', value: round(percentile(serverMs, 95), 2), unit: 'ms', limit: 50, direction: 'max' },
      { name: 'web.page_client_p95_ms', value: round(percentile(clientMs, 95), 1), unit: 'ms' },
      { name: 'web.page_requests_per_s', value: round(clientMs.length / (LOAD_MS / 1000), 0), unit: 'req/s' },
      {
        name: 'web.page_kb',
        value: round(pageKb, 1),
        unit: 'kB',
        limit: 30,
        direction: 'max',
        baseline: round(plainKb, 1),
        ratio: round(pageKb / plainKb, 2),
      },
      {
        name: 'web.figures_kb',
        value: round(figuresKb, 1),
        unit: 'kB',
        limit: 30,
        direction: 'max',
        baseline: round(plainFiguresKb, 1),
        ratio: round(figuresKb / plainFiguresKb, 2),
      },
    ];
  } finally {
    await central.stop();
    dir.remove();
  }
}
