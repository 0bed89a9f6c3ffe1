import { startBenchKiosk } from './benchKiosk.js';
import { round, type BenchResult } from './stats.js';

const FIRST = 100;
const LAST = 2000;

/** kiosk.rss_growth_pct: the kiosk core's memory between sync cycle 100 and 2,000, one submission per cycle. */
export async function benchKioskRss(): Promise<BenchResult[]> {
  const { core, stop } = await startBenchKiosk('rss');
  const gc = (globalThis as { gc?: () => void }).gc;
  let heapAtFirst = 0;
  const rss = () => {
    gc?.();
    return process.memoryUsage().rss;
  };
  try {
    let atFirst = 0;
    for (let cycle = 1; cycle <= LAST; cycle += 1) {
      core.enqueue({ payload: { type: 'rating', serviceId: 'civil-registry', deskId: 'd', score: (cycle % 5) + 1, language: 'ka' }, sessionId: null, contentVersion: 1 });
      await core.sync.syncNow();
      if (cycle === FIRST) {
        atFirst = rss();
        heapAtFirst = process.memoryUsage().heapUsed;
      }
    }
    const atLast = rss();
    const growth = ((atLast - atFirst) / atFirst) * 100;
    const heapAtLast = process.memoryUsage().heapUsed;
    console.log(
      `kiosk rss: cycle ${FIRST} ${(atFirst / 1e6).toFixed(1)} MB, cycle ${LAST} ${(atLast / 1e6).toFixed(1)} MB${gc ? ' (after gc)' : ''}; ` +
        `JS heap ${(heapAtFirst / 1e6).toFixed(1)} -> ${(heapAtLast / 1e6).toFixed(1)} MB`,
    );
    return [{ name: 'kiosk.rss_growth_pct', value: round(growth, 2), unit: '%', limit: 5 }];
  } finally {
    await stop();
  }
}
