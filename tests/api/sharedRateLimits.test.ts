import { afterEach, describe, expect, it } from 'vitest';
import { demoContentPack } from '../../kiosk-config/demo/demoContentPack.js';
import type { RunningCentral } from '../../sync/central/startCentral.js';
import { createStaffUser } from '../../sync/central/services/staffAuth.js';
import { sharedCounter } from '../../sync/central/http/sharedRateLimits.js';
import { signInStaff } from '../support/staffClient.js';
import { startCentral } from '../support/testCentral.js';
import { makeTempDir } from '../support/tempDir.js';

// Two (then three) Centrals on one database, as behind a reverse proxy: in this process, each with its own
// connection pool and its own rate-limit plugin, so what they share is only the database (SQLite file or PostgreSQL).
const running: RunningCentral[] = [];
const dirs: Array<{ remove(): void }> = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((central) => central.close()));
  for (const dir of dirs.splice(0)) dir.remove();
});

async function centralOn(dataDir: string): Promise<RunningCentral> {
  const central = await startCentral({ dataDir, starterContent: demoContentPack });
  running.push(central);
  return central;
}

/** A wrong password's answer: 401 while guesses are allowed, 429 once this address has used its minute's 20. */
const wrongGuess = async (central: RunningCentral) => {
  const answer = await signInStaff(central, 'nino', 'not her password');
  return 'status' in answer ? answer.status : 303;
};

describe('the sign-in limit, shared by every Central on one database', () => {
  it('25 wrong sign-ins spread over two Centrals lock the address after 20, as on one; a Central started later sees the same budget', async () => {
    const dir = makeTempDir('shared-limits');
    dirs.push(dir);
    const first = await centralOn(dir.path);
    await createStaffUser(first.db, 'nino', 'correct horse battery staple', 'responder');
    const second = await centralOn(dir.path);
    const answers: number[] = [];
    for (let guess = 0; guess < 25; guess += 1) answers.push(await wrongGuess(guess % 2 === 0 ? first : second));
    expect(answers.slice(0, 20)).toEqual(Array.from({ length: 20 }, () => 401));
    expect(answers.slice(20)).toEqual([429, 429, 429, 429, 429]);
    // Even the right password waits out the minute: the limit is on guesses from the address, not on wrong ones.
    const third = await centralOn(dir.path);
    expect(await wrongGuess(third)).toBe(429);
    const right = await signInStaff(third, 'nino', 'correct horse battery staple');
    expect('status' in right && right.status).toBe(429);
  });

  it("page limits stay each process's own: no write per page view", async () => {
    const dir = makeTempDir('shared-limits-pages');
    dirs.push(dir);
    const central = await centralOn(dir.path);
    for (let view = 0; view < 5; view += 1) expect((await fetch(`${central.url}/figures`)).status).toBe(200);
    const buckets = await central.db.selectFrom('rate_limit_buckets').select('bucket').execute();
    expect(buckets).toEqual([]);
    expect(await wrongGuess(central)).toBe(401);
    const [counted] = await central.db.selectFrom('rate_limit_buckets').select(['bucket', 'hits']).execute();
    expect(counted?.hits).toBe(1);
    // The address is personal data: the bucket names a hash of it, never the address itself.
    expect(counted?.bucket).toMatch(/^POST \/console\/login [0-9a-f]{64}$/);
    expect(counted?.bucket).not.toContain('127.0.0.1');
  });

  it('keeps no history: a window that has passed is deleted by the next count', async () => {
    const dir = makeTempDir('shared-limits-sweep');
    dirs.push(dir);
    const central = await centralOn(dir.path);
    const count = sharedCounter(central.db, 'test');
    expect(await count('203.0.113.7', 50)).toMatchObject({ current: 1 });
    expect(await count('203.0.113.7', 50)).toMatchObject({ current: 2 });
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await count('198.51.100.9', 50)).toMatchObject({ current: 1 });
    const left = await central.db.selectFrom('rate_limit_buckets').select('bucket').where('bucket', 'like', 'test %').execute();
    expect(left).toHaveLength(1);
  });
});
