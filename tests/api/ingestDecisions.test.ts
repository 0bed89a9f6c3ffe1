import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoBallot } from '../../kiosk-config/demo/demoBallot.js';
import { demoContentPack } from '../../kiosk-config/demo/demoContentPack.js';
import { openCentralDb } from '../../sync/central/db/openCentralDb.js';
import type { CentralDatabase } from '../../sync/central/db/schema.js';
import { publishContentPack } from '../../sync/central/services/content.js';
import { ANSWER_WITHIN_MS } from '../../sync/central/services/feedbackClock.js';
import { ingestBatch } from '../../sync/central/services/ingest.js';
import { ReplayedNonceError } from '../../sync/central/services/requestVerification.js';
import { loadSealingKey } from '../../sync/central/services/sealingKey.js';
import { loadVoterKey } from '../../sync/central/services/voterKey.js';
import type { VoteKeys } from '../../sync/central/services/voteCheck.js';
import { sealToCentral } from '../../sync/node/sealToCentral.js';
import type { Receipt } from '../../sync/protocol/push.js';
import type { FeedbackPayload, SubmissionEnvelope } from '../../sync/protocol/submission.js';
import { newTrackingCode } from '../../sync/protocol/trackingCode.js';
import { PROTOCOL_VERSION } from '../../sync/protocol/version.js';
import { envelopeOf, ratingEnvelope } from '../support/envelope.js';
import { makeTempDir } from '../support/tempDir.js';
import { testDatabase } from '../support/testCentral.js';

// Ingest's decisions are written once (sync/central/services/ingestDecision.ts) and each engine only reads and
// writes around them. This one table of cases runs in the sqlite project and again in the postgres project, so
// both engines give the same receipts and leave the same rows. Each case has its own device.
const dir = makeTempDir('ingest-decisions');
let db: Kysely<CentralDatabase>;
let keys: VoteKeys;
let devices = 0;

beforeAll(async () => {
  db = await openCentralDb(dir.path, await testDatabase(dir.path));
  await publishContentPack(db, demoContentPack);
  keys = { sealingKey: loadSealingKey(dir.path), voterKeyOf: loadVoterKey(dir.path) };
});
afterAll(async () => {
  await db.destroy();
  dir.remove();
});

async function newDevice(lastIngestAt: string | null = null): Promise<string> {
  devices += 1;
  const id = `device-${String(devices)}`;
  await db
    .insertInto('devices')
    .values({
      id,
      kiosk_id: id,
      branch_id: 'zugdidi',
      public_key: 'unused: no signed requests here',
      enrolled_at: '2026-01-01T00:00:00.000Z',
      last_ingest_at: lastIngestAt,
    })
    .execute();
  return id;
}

const statuses = (receipts: readonly Receipt[]) => receipts.map((receipt) => [receipt.status, receipt.reason ?? '']);

const feedback = (seq: number, trackingCode = newTrackingCode(), createdAt?: string) => {
  const envelope = envelopeOf(seq, {
    type: 'feedback',
    trackingCode,
    kind: 'complaint',
    serviceId: 'civil-registry',
    deskId: 'desk-7',
    message: 'the queue did not move',
    language: 'ka',
    consentToContact: false,
  } satisfies FeedbackPayload);
  return createdAt === undefined ? envelope : { ...envelope, createdAt };
};

const [firstInitiative = ''] = demoBallot.initiatives.map((initiative) => initiative.id);
const verifiedVote = (seq: number, personalNumber: string, createdAt: string): SubmissionEnvelope => ({
  ...envelopeOf(seq, { type: 'vote', ballotId: demoBallot.id, choices: [firstInitiative], language: 'ka' }),
  createdAt,
  personal: { personalNumber: sealToCentral(personalNumber, keys.sealingKey.publicKeyPem) },
});

const countedOf = async (ids: readonly string[]) => {
  const rows = await db.selectFrom('votes').select(['submission_id', 'counted']).where('submission_id', 'in', ids).execute();
  const choices = await db.selectFrom('vote_choices').select(['submission_id', 'counted']).where('submission_id', 'in', ids).execute();
  const byId = new Map(rows.map((row) => [row.submission_id, Number(row.counted)]));
  // A vote's choices count exactly when the vote does.
  for (const choice of choices) expect(Number(choice.counted)).toBe(byId.get(choice.submission_id));
  return ids.map((id) => byId.get(id));
};
const storedRows = async (id: string) => (await db.selectFrom('submissions').select('id').where('id', '=', id).execute()).length;

describe('ingest decides the same on either engine', () => {
  it.each([
    {
      name: 'a new submission is accepted, once',
      batches: () => [[ratingEnvelope(1)]],
      expected: [[['accepted', '']]],
    },
    {
      name: 'a resend of the same submission is a duplicate',
      batches: () => {
        const rating = ratingEnvelope(1);
        return [[rating], [rating]];
      },
      expected: [[['accepted', '']], [['duplicate', '']]],
    },
    {
      name: 'the same id with other content is a conflict',
      batches: () => {
        const rating = ratingEnvelope(1);
        const other = { ...ratingEnvelope(1, { score: 1 }), id: rating.id };
        return [[rating], [other]];
      },
      expected: [[['accepted', '']], [['conflict', 'same id, different content']]],
    },
    {
      name: 'the same id twice in one batch: the second is a duplicate',
      batches: () => {
        const rating = ratingEnvelope(1);
        return [[rating, rating]];
      },
      expected: [
        [
          ['accepted', ''],
          ['duplicate', ''],
        ],
      ],
    },
    {
      name: 'a payload that does not match its hash is refused by the protocol, and the rest of the batch stands',
      batches: () => [[{ ...ratingEnvelope(1), payloadSha256: '0'.repeat(64) }, ratingEnvelope(2)]],
      expected: [
        [
          ['rejected', 'payloadSha256 does not match the payload'],
          ['accepted', ''],
        ],
      ],
    },
    {
      name: 'a protocol version newer than Central’s is refused',
      batches: () => [[{ ...ratingEnvelope(1), schemaVersion: 99 }]],
      expected: [[['rejected', `schema version 99 is newer than Central's ${String(PROTOCOL_VERSION)}`]]],
    },
    {
      name: 'a tracking code already given is refused; the resend of its own feedback is a duplicate',
      batches: () => {
        const code = newTrackingCode();
        const first = feedback(1, code);
        return [[first], [feedback(2, code), first]];
      },
      expected: [
        [['accepted', '']],
        [
          ['rejected', 'tracking code already in use; give the visitor a new one'],
          ['duplicate', ''],
        ],
      ],
    },
    {
      name: 'two feedback with one tracking code in one batch: the second is refused',
      batches: () => {
        const code = newTrackingCode();
        return [[feedback(1, code), feedback(2, code)]];
      },
      expected: [
        [
          ['accepted', ''],
          ['rejected', 'tracking code already in use; give the visitor a new one'],
        ],
      ],
    },
  ])('$name', async ({ batches, expected }) => {
    const device = await newDevice();
    const sent = batches();
    const receipts = [];
    for (const items of sent) receipts.push(statuses(await ingestBatch(db, keys, device, items)));
    expect(receipts).toEqual(expected);
    // Each accepted submission is stored once, and a refused one not at all.
    const items = sent.flat();
    const stored = await Promise.all(items.map((item) => storedRows(item.id)));
    expect(stored).toEqual(
      receipts
        .flat()
        .map(([status], at) => (status === 'rejected' && !items.slice(0, at).some((item) => item.id === items[at]?.id) ? 0 : 1)),
    );
  });

  it('one record entry per accepted submission, none for a duplicate or a refusal', async () => {
    const device = await newDevice();
    const before = (await db.selectFrom('record_entries').select(db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n;
    const rating = ratingEnvelope(1);
    await ingestBatch(db, keys, device, [rating, { ...ratingEnvelope(2), payloadSha256: '0'.repeat(64) }]);
    await ingestBatch(db, keys, device, [rating, ratingEnvelope(3)]);
    const after = (await db.selectFrom('record_entries').select(db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n;
    expect(Number(after) - Number(before)).toBe(2);
    const progress = await db.selectFrom('devices').select(['held_count', 'max_seq']).where('id', '=', device).executeTakeFirstOrThrow();
    expect([Number(progress.held_count), Number(progress.max_seq)]).toEqual([2, 3]);
  });

  it('a verified vote: the one the kiosk recorded first counts, whatever order the kiosks sync in', async () => {
    const [a, b] = [await newDevice(), await newDevice()];
    const later = verifiedVote(1, '01001011111', '2026-12-01T10:00:00.000Z');
    const earlier = verifiedVote(1, '01001011111', '2026-12-01T09:00:00.000Z');
    const latest = verifiedVote(2, '01001011111', '2026-12-01T11:00:00.000Z');
    expect(statuses(await ingestBatch(db, keys, a, [later]))).toEqual([['accepted', '']]);
    expect(await countedOf([later.id])).toEqual([1]);
    // The earlier vote arrives second, from another kiosk: it counts, and the stored one stops counting.
    expect(statuses(await ingestBatch(db, keys, b, [earlier]))).toEqual([['accepted', '']]);
    expect(await countedOf([later.id, earlier.id])).toEqual([0, 1]);
    // A later one is kept, uncounted.
    expect(statuses(await ingestBatch(db, keys, a, [latest]))).toEqual([['accepted', '']]);
    expect(await countedOf([later.id, earlier.id, latest.id])).toEqual([0, 1, 0]);
  });

  it('two votes by one voter in one batch: the earlier counts, in whichever order the batch holds them', async () => {
    const device = await newDevice();
    const second = verifiedVote(1, '02002022222', '2026-12-01T10:00:00.000Z');
    const first = verifiedVote(2, '02002022222', '2026-12-01T09:00:00.000Z');
    expect(statuses(await ingestBatch(db, keys, device, [second, first]))).toEqual([
      ['accepted', ''],
      ['accepted', ''],
    ]);
    expect(await countedOf([second.id, first.id])).toEqual([0, 1]);
  });

  it('feedback’s 24 hours start when the kiosk recorded it, but never before the kiosk’s previous sync', async () => {
    const previousSync = '2026-12-01T08:00:00.000Z';
    const device = await newDevice(previousSync);
    const onTime = feedback(1, undefined, '2026-12-01T09:00:00.000Z');
    const behind = feedback(2, undefined, '2026-11-30T09:00:00.000Z');
    await ingestBatch(db, keys, device, [onTime, behind]);
    const rows = await db
      .selectFrom('feedback')
      .select(['submission_id', 'clock_start_at', 'due_at', 'current_due_at', 'branch_id', 'status'])
      .where('device_id', '=', device)
      .orderBy('submission_id')
      .execute();
    const due = (start: string) => new Date(Date.parse(start) + ANSWER_WITHIN_MS).toISOString();
    expect(rows.find((row) => row.submission_id === onTime.id)).toMatchObject({
      clock_start_at: onTime.createdAt,
      due_at: due(onTime.createdAt),
      current_due_at: due(onTime.createdAt),
      branch_id: 'zugdidi',
      status: 'received',
    });
    // A kiosk clock running behind cannot buy time.
    expect(rows.find((row) => row.submission_id === behind.id)).toMatchObject({ clock_start_at: previousSync, due_at: due(previousSync) });
  });

  it('a replayed nonce refuses its whole batch, and nothing of it is stored', async () => {
    const device = await newDevice();
    await ingestBatch(db, keys, device, [ratingEnvelope(1)], 'nonce-1');
    const replay = ratingEnvelope(2);
    await expect(ingestBatch(db, keys, device, [replay], 'nonce-1')).rejects.toBeInstanceOf(ReplayedNonceError);
    expect(await storedRows(replay.id)).toBe(0);
  });
});
