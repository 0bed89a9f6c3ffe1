import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoContentPack } from '../../kiosk-config/demo/demoContentPack.js';
import { Ballot } from '../../sync/protocol/ballot.js';
import { ContentPack } from '../../sync/protocol/contentPack.js';
import { addBranch, addDesk } from '../../sync/central/services/desks.js';
import { ANONYMOUS_VOTES_PER_ADDRESS_PER_MINUTE } from '../../sync/central/services/phoneVoteLimit.js';
import { startCentral } from '../support/testCentral.js';
import type { RunningCentral } from '../../sync/central/startCentral.js';
import { phoneClient } from '../support/phoneClient.js';
import { makeTempDir } from '../support/tempDir.js';

// Behind a reverse proxy every phone arrives from the proxy's address. `--trust-proxy` names the proxy, and
// only then is its X-Forwarded-For believed: the per-address limit on anonymous phone votes then counts each
// phone's address. Without it, the header is ignored (anyone can write it), as Central facing phones directly must.
const POLL = Ballot.parse({
  id: 'proxy-poll',
  title: { ka: 'გამოკითხვა', en: 'Poll' },
  policy: 'session',
  initiatives: [
    { id: 'one', title: { ka: 'ერთი', en: 'One' }, description: { ka: 'ერთი', en: 'One' }, origin: 'study' },
    { id: 'two', title: { ka: 'ორი', en: 'Two' }, description: { ka: 'ორი', en: 'Two' }, origin: 'study' },
  ],
  opensAt: '2026-01-01T00:00:00Z',
  closesAt: '2030-01-01T00:00:00Z',
});
const dir = makeTempDir('trust-proxy');
const centrals: RunningCentral[] = [];

const start = async (name: string, trustProxy?: string) => {
  const central = await startCentral({
    dataDir: join(dir.path, name),
    starterContent: ContentPack.parse({ ...demoContentPack, ballots: [POLL] }),
    ...(trustProxy ? { trustProxy } : {}),
  });
  await addBranch(central.db, { id: 'gori', code: 'GO01', nameKa: 'გორი', nameEn: 'Gori' });
  await addDesk(central.db, { branchId: 'gori', id: 'desk-1', number: 1, services: ['civil-registry'] }, ['civil-registry']);
  centrals.push(central);
  return central;
};
let behindProxy: RunningCentral;
let facingPhones: RunningCentral;

beforeAll(async () => {
  behindProxy = await start('behind-proxy', '127.0.0.1');
  facingPhones = await start('facing-phones');
});
afterAll(async () => {
  for (const central of centrals) await central.close();
  dir.remove();
});

/** One anonymous vote from a new browser, whose request says it was forwarded for `address`. */
async function vote(central: RunningCentral, address: string): Promise<number> {
  const phone = phoneClient(central.url);
  const page = `/D/GO01-01/votes/${POLL.id}`;
  const headers = { 'x-forwarded-for': address };
  await phone.get(page);
  await phone.post(page, { choice: 'one' }, { headers });
  return (await phone.post(`${page}/check`, {}, { headers })).status;
}

describe('the client address behind a reverse proxy', () => {
  const count = ANONYMOUS_VOTES_PER_ADDRESS_PER_MINUTE + 2;

  it('with --trust-proxy, counts each forwarded address on its own', async () => {
    const statuses = [];
    for (let index = 0; index < count; index += 1) statuses.push(await vote(behindProxy, `203.0.113.${index + 1}`));
    expect(statuses.every((status) => status === 200)).toBe(true);
    const same = [];
    for (let index = 0; index < count; index += 1) same.push(await vote(behindProxy, '198.51.100.7'));
    expect(same.filter((status) => status === 200)).toHaveLength(ANONYMOUS_VOTES_PER_ADDRESS_PER_MINUTE);
    expect(same.slice(ANONYMOUS_VOTES_PER_ADDRESS_PER_MINUTE)).toEqual([429, 429]);
  });

  it('without it, ignores the header: every phone is the address it connects from', async () => {
    const statuses = [];
    for (let index = 0; index < count; index += 1) statuses.push(await vote(facingPhones, `203.0.113.${index + 1}`));
    expect(statuses.filter((status) => status === 200)).toHaveLength(ANONYMOUS_VOTES_PER_ADDRESS_PER_MINUTE);
  });
});
