import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoContentPack } from '../../kiosk-config/demo/demoContentPack.js';
import type { RunningCentral } from '../../sync/central/startCentral.js';
import { verifyRecord } from '../../sync/record/verifyRecord.js';
import { makeTempDir } from '../support/tempDir.js';
import { startCentral } from '../support/testCentral.js';

// Issue #33 item 6: the demo tells one story. Its feedback history is replayed through ingest and
// the feedback service, so the tables (/figures) and the signed log (/record/indicators) agree, and
// a journalist reading the record sees its times run forward. Read as an outside client reads them.
const dir = makeTempDir('demo-story');
let central: RunningCentral;
beforeAll(async () => {
  central = await startCentral({
    dataDir: dir.path,
    starterContent: demoContentPack,
    demoData: true,
    publicUrl: 'https://psh.example.ge/',
  });
}, 120_000);
afterAll(async () => {
  await central.close();
  dir.remove();
});

const json = async <T>(path: string): Promise<T> => {
  const response = await fetch(`${central.url}${path}`);
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
};

interface Entry {
  readonly at: string;
  readonly kind: string;
}

describe("the demo's one story", () => {
  it('counts the same 24-hour share on /figures and /record/indicators', async () => {
    const figures = await json<{ shareOnTime: number | null; answered: number; openOverdue: number }>('/figures.json');
    const { indicators } = await json<{ indicators: Array<{ id: string; value?: number; basis: number }> }>(
      '/record/indicators?format=json',
    );
    const fromLog = indicators.find((indicator) => indicator.id === 'answered-within-24h');
    const share = figures.shareOnTime;
    expect(share).not.toBeNull();
    // The demo's story has late answers and overdue ones, or agreeing would prove little.
    expect(share).toBeGreaterThan(0.5);
    expect(share).toBeLessThan(1);
    // The tables count each feedback whose deadline passed (answered late or still open); the log, each deadline that passed.
    expect(fromLog?.basis).toBe(figures.answered + figures.openOverdue);
    // The page rounds a percent to one decimal, figures.json a fraction to four.
    expect(fromLog?.value).toBe(Math.round(1000 * (share ?? 0)) / 10);
  });

  it('keeps a record whose times run forward from five months ago, and that verifies', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1100)); // a new checkpoint at most once a second
    const fetcher = async (path: string) => Buffer.from(await (await fetch(`${central.url}/record/${path}`)).arrayBuffer());
    const key = (await (await fetch(`${central.url}/record/key`)).text()).trim();
    const entries = (await verifyRecord(fetcher, key)).entries.map((entry) => JSON.parse(entry.toString('utf8')) as Entry);
    const times = entries.map((entry) => Date.parse(entry.at));
    expect(times.every((time, index) => index === 0 || time >= (times[index - 1] ?? 0))).toBe(true);
    expect(Date.now() - (times[0] ?? Date.now())).toBeGreaterThan(140 * 86_400_000);
    const kinds = new Set(entries.map((entry) => entry.kind));
    for (const kind of ['submission.accepted', 'feedback.answered', 'feedback.overdue', 'content.published'])
      expect(kinds, kind).toContain(kind);
  });
});
