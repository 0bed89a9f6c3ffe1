import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { benchCentralIngest } from './centralIngestBench.js';
import { benchInbox } from './inboxBench.js';
import { benchRecord } from './recordBench.js';
import { benchProcessIndex } from './processIndexBench.js';
import { benchTally } from './tallyBench.js';
import { benchPostgres } from './postgresBench.js';
import { benchWebPages } from './webPageBench.js';
import { benchTapToPaint } from './tapToPaintBench.js';
import { benchKioskRss } from './kioskRssBench.js';
import { benchOutbox } from './outboxBench.js';
import { benchKioskReady } from './readyBench.js';
import { benchSpeech } from './speechBench.js';
import { benchListening } from './listeningBench.js';
import { benchSyncDrain } from './syncDrainBench.js';
import { benchNotify } from './notifyBench.js';
import { benchFleet } from './fleetBench.js';
import { benchReceiptCheck } from './receiptBench.js';
import { benchListenAudio } from './listenBench.js';
import { benchSummary, describeResult } from './judge.js';
import type { BenchResult } from './stats.js';

// `npm run bench`: prints each figure against its limit, writes var/bench/results.json,
// and ends with `bench: N within limits, M over`.
async function main(): Promise<void> {
  if (!existsSync('dist/renderer/index.html') || !existsSync('dist/node/src-main/browser-host/cli.js')) {
    throw new Error('Build first: npm run build:renderer && npm run build:node');
  }
  // Start-up and memory first, while this process is still small; the heavy loads last.
  const results: BenchResult[] = [
    ...(await benchKioskReady()),
    ...(await benchKioskRss()),
    ...(await benchSpeech()),
    ...(await benchListening()),
    ...(await benchTapToPaint()),
    ...(await benchOutbox()),
    ...(await benchSyncDrain()),
    ...(await benchCentralIngest()),
    ...(await benchInbox()),
    ...(await benchTally()),
    ...(await benchPostgres()),
    ...(await benchWebPages()),
    ...(await benchListenAudio()),
    ...(await benchRecord()),
    ...(await benchProcessIndex()),
    ...(await benchReceiptCheck()),
    ...(await benchNotify()),
    ...(await benchFleet()),
  ];
  mkdirSync('var/bench', { recursive: true });
  writeFileSync('var/bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
  console.log('');
  for (const result of results) console.log(describeResult(result));
  // The figures judge themselves; the exit code stays 0 either way (a slow machine is news, not a crash).
  console.log(benchSummary(results));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
