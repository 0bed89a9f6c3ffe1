import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { benchCentralIngest } from './centralIngestBench.js';
import { benchInbox } from './inboxBench.js';
import { benchTally } from './tallyBench.js';
import { benchTapToPaint } from './tapToPaintBench.js';
import { benchKioskRss } from './kioskRssBench.js';
import { benchOutbox } from './outboxBench.js';
import { benchKioskReady } from './readyBench.js';
import { benchSpeech } from './speechBench.js';
import { benchSyncDrain } from './syncDrainBench.js';
import type { BenchResult } from './stats.js';

// `npm run bench`: prints each figure and writes var/bench/results.json.
async function main(): Promise<void> {
  if (!existsSync('dist/renderer/index.html') || !existsSync('dist/node/src-main/browser-host/cli.js')) {
    throw new Error('Build first: npm run build:renderer && npm run build:node');
  }
  // Start-up and memory first, while this process is still small; the heavy loads last.
  const results: BenchResult[] = [
    ...(await benchKioskReady()),
    ...(await benchKioskRss()),
    ...(await benchSpeech()),
    ...(await benchTapToPaint()),
    ...benchOutbox(),
    ...(await benchSyncDrain()),
    ...(await benchCentralIngest()),
    ...(await benchInbox()),
    ...(await benchTally()),
  ];
  mkdirSync('var/bench', { recursive: true });
  writeFileSync('var/bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
  for (const r of results) {
    const extra = r.ratio !== undefined ? ` (baseline ${r.baseline} ${r.unit}, ratio ${r.ratio}, limit ${r.limit})` : r.limit !== undefined ? ` (limit ${r.limit} ${r.unit})` : '';
    console.log(`${r.name}: ${r.value} ${r.unit}${extra}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
