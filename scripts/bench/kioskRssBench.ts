import { join } from 'node:path';
import type { HandlerArgs, HandlerName, HandlerResult, InvokeResult } from '../../src-main/api/contract.js';
import { writeKioskConfig } from '../../tests/support/processes.js';
import { makeTempDir } from '../../tests/support/tempDir.js';
import { startCentralProcess } from './centralProcess.js';
import { startCompiledKiosk } from './compiledKiosk.js';
import { round, type BenchResult } from './stats.js';

/** Readings: after the first cycles, once warm, and at the end. */
const EARLY = 100;
const FIRST = 1000;
const LAST = 4000;

/**
 * kiosk.rss_growth_pct: the kiosk HOST process's own memory (the compiled
 * browser host, started with --expose-gc so each reading follows a full
 * collection) between visitor cycle 1,000 and 4,000. One cycle is what a
 * visitor causes: a session, a rating, a sync round to a real Central, the
 * session's end, all through the kiosk API over HTTP. The first thousand
 * cycles fill SQLite's page cache and the allocator's arenas (measured: 119 ->
 * 132 MB, then flat within 1-2%); that warm-up is reported as
 * kiosk.rss_warmup_mb, and the limit is on what keeps growing after it, which
 * is what would add up over a kiosk's weeks.
 */
export async function benchKioskRss(): Promise<BenchResult[]> {
  const dir = makeTempDir('bench-rss');
  const token = 'bench-rss-enrolment-token-00000';
  const central = await startCentralProcess(join(dir.path, 'central'), token);
  const config = writeKioskConfig(dir.path, central.url, {
    central: { url: central.url, enrolmentToken: token, syncIntervalMs: 3_600_000 },
  });
  const kiosk = await startCompiledKiosk(config, {}, ['--expose-gc']);
  const invoke = async <N extends HandlerName>(name: N, args: HandlerArgs<N>): Promise<HandlerResult<N>> => {
    const response = await fetch(`${kiosk.url}/api/invoke/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ args }),
    });
    const answer = (await response.json()) as InvokeResult<HandlerResult<N>>;
    if (!answer.ok) throw new Error(`${name}: ${answer.error.message}`);
    return answer.value;
  };
  try {
    let early = { rss: 0, heapUsed: 0 };
    let first = { rss: 0, heapUsed: 0 };
    for (let cycle = 1; cycle <= LAST; cycle += 1) {
      const { sessionId } = await invoke('session.start', { language: 'ka' });
      await invoke('rating.submit', { sessionId, serviceId: 'civil-registry', score: (cycle % 5) + 1 });
      await invoke('sync.now', undefined);
      await invoke('session.end', { sessionId, reason: 'finished' });
      if (cycle === EARLY) early = await invoke('app.memory', undefined);
      if (cycle === FIRST) first = await invoke('app.memory', undefined);
    }
    const last = await invoke('app.memory', undefined);
    const status = await invoke('sync.status', undefined);
    if (status.pending > 0 || status.dead > 0) throw new Error(`not every rating was delivered: ${JSON.stringify(status)}`);
    const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
    console.log(
      `kiosk host rss: cycle ${String(EARLY)} ${mb(early.rss)} MB, cycle ${String(FIRST)} ${mb(first.rss)} MB, cycle ${String(LAST)} ${mb(last.rss)} MB; ` +
        `JS heap ${mb(early.heapUsed)} -> ${mb(first.heapUsed)} -> ${mb(last.heapUsed)} MB`,
    );
    return [
      { name: 'kiosk.rss_warmup_mb', value: round((first.rss - early.rss) / 1e6, 1), unit: 'MB' },
      { name: 'kiosk.rss_growth_pct', value: round(((last.rss - first.rss) / first.rss) * 100, 2), unit: '%', limit: 5, direction: 'max' },
      {
        name: 'kiosk.heap_growth_pct',
        value: round(((last.heapUsed - first.heapUsed) / first.heapUsed) * 100, 2),
        unit: '%',
        limit: 10,
        direction: 'max',
      },
    ];
  } finally {
    await kiosk.stop();
    await central.stop();
    dir.remove();
  }
}
