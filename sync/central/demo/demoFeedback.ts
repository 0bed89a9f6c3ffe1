import { generateKeyPairSync } from 'node:crypto';
import type { Kysely } from 'kysely';
import { newConfirmationCode } from '../../node/confirmationCode.js';
import { seededRandom } from '../../node/seededRandom.js';
import { FEEDBACK_KINDS, type FeedbackPayload } from '../../protocol/submission.js';
import { newTrackingCode } from '../../protocol/trackingCode.js';
import type { CentralDatabase } from '../db/schema.js';
import { centralEnvelope } from '../services/centralEnvelope.js';
import { atRecordedTime, endReplay } from '../services/clock.js';
import { createEnrolmentToken, enrolDevice } from '../services/enrolment.js';
import { assignTeam, respond, setStatus, TEAMS } from '../services/feedback.js';
import { ingestBatch } from '../services/ingest.js';
import { appendScheduledEvents } from '../services/record/scheduledEvents.js';
import type { VoteKeys } from '../services/voteCheck.js';
import { DEMO_BRANCHES } from './demoDesks.js';
import { DEMO_MESSAGES, DEMO_RESPONSES } from './demoWords.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The demo's responder (seedDemoData's account): the record names the role that answered, never the person. */
const RESPONDER = 'responder';

/** One demo feedback's life, drawn at random: when it was sent and received, and what staff did when. */
interface DemoLife {
  readonly sentAt: number;
  readonly receivedAt: number;
  readonly branchId: string;
  readonly payload: FeedbackPayload;
  readonly team: string | undefined;
  readonly inReviewAt: number | undefined;
  readonly answeredAt: number | undefined;
  readonly closedAt: number | undefined;
}

/**
 * Five months of feedback: most answered in time, some late, some open and
 * overdue, some open inside their 24 hours, a tenth delayed in a kiosk's
 * offline queue. Seeded: the same story at every start.
 */
function demoLives(serviceIds: readonly string[], count: number, now: number): DemoLife[] {
  const random = seededRandom(20261127);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const lives: DemoLife[] = [];
  for (let i = 0; i < count; i += 1) {
    // Recent items are denser: the last days hold the open ones.
    const sentAt = now - (i < 30 ? random() * 2 * DAY : random() * 150 * DAY);
    const receivedAt = Math.min(now, sentAt + (random() < 0.1 ? random() * 6 * HOUR : random() * 20_000));
    const roll = random();
    const openInTime = sentAt + DAY > now && roll < 0.6;
    const neverAnswered = !openInTime && roll < 0.04;
    const answerAt = openInTime || neverAnswered ? undefined : sentAt + (roll < 0.88 ? random() * 20 : 24 + random() * 30) * HOUR;
    const answeredAt = answerAt === undefined || answerAt > now ? undefined : Math.max(answerAt, receivedAt + 5 * 60_000);
    const closes = random() < 0.5;
    const team = random() < 0.7 ? pick(TEAMS) : undefined;
    lives.push({
      sentAt,
      receivedAt,
      branchId: pick(DEMO_BRANCHES).id,
      payload: {
        type: 'feedback',
        trackingCode: newTrackingCode(),
        kind: pick(FEEDBACK_KINDS),
        serviceId: pick(serviceIds),
        deskId: String(1 + Math.floor(random() * 12)),
        message: pick(DEMO_MESSAGES),
        language: 'ka',
        consentToContact: false,
      },
      team,
      inReviewAt: answeredAt === undefined && random() < 0.5 ? receivedAt + 30 * 60_000 : undefined,
      answeredAt,
      closedAt: answeredAt !== undefined && closes ? answeredAt + HOUR : undefined,
    });
  }
  return lives;
}

/** One thing that happened at a time; a receipt may add the deadline check its 24 hours call for. */
interface Step {
  readonly at: number;
  readonly run: () => Promise<Step[]>;
}

/** A demo kiosk per branch, enrolled as a real one is (a one-time token and its own Ed25519 key). */
async function enrolDemoKiosks(db: Kysely<CentralDatabase>): Promise<Map<string, string>> {
  const devices = new Map<string, string>();
  for (const { id: branchId } of DEMO_BRANCHES) {
    const { token } = await createEnrolmentToken(db, branchId, 1);
    const publicKey = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const enrolled = await enrolDevice(db, token, `demo-${branchId}`, publicKey, branchId);
    if (typeof enrolled === 'string') throw new Error(`demo: kiosk for ${branchId} not enrolled: ${enrolled}`);
    devices.set(branchId, enrolled.deviceId);
  }
  return devices;
}

/** What staff did with one feedback after it arrived, each at its time: what would come after now has not happened yet. */
function staffSteps(db: Kysely<CentralDatabase>, life: DemoLife, respondWith: string, now: number): Step[] {
  const code = life.payload.trackingCode;
  const steps: Step[] = [];
  const step = (at: number | undefined, action: () => Promise<unknown>) => {
    if (at !== undefined && at <= now) steps.push({ at, run: () => action().then(() => []) });
  };
  step(life.team === undefined ? undefined : life.receivedAt + 10 * 60_000, () => assignTeam(db, code, life.team ?? '', RESPONDER));
  step(life.inReviewAt, () => setStatus(db, code, 'in-review', RESPONDER));
  step(life.answeredAt, () => respond(db, code, respondWith, RESPONDER));
  step(life.closedAt, () => setStatus(db, code, 'closed', RESPONDER));
  return steps;
}

/**
 * The demo's feedback history, replayed in time order through the paths real
 * feedback takes: each item pushed by its branch's kiosk through ingest (the
 * same checks, deadline and record entry), answered and closed through the
 * feedback service, and each deadline that passes unanswered recorded by the
 * scheduler a minute later, as a running Central does. Every step runs at its
 * own time (services/clock.ts), so `/figures` (the tables) and
 * `/record/indicators` (the signed log) count the same history. Only into an
 * empty table; returns how many items were replayed.
 */
export async function seedDemoFeedback(
  db: Kysely<CentralDatabase>,
  keys: VoteKeys,
  serviceIds: readonly string[],
  contentVersion: number,
  { count = 320, now = Date.now() }: { count?: number; now?: number } = {},
): Promise<number> {
  const existing = await db
    .selectFrom('feedback')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(existing.n) > 0) return 0;
  const lives = demoLives(serviceIds, count, now);
  const firstAt = Math.min(...lives.map((life) => life.sentAt)) - HOUR;
  const devices = await atRecordedTime(new Date(firstAt), () => enrolDemoKiosks(db));
  const deadlineCheck = (code: string): Promise<Step[]> =>
    db
      .selectFrom('feedback')
      .select('current_due_at')
      .where('code', '=', code)
      .executeTakeFirstOrThrow()
      .then((row) => {
        const at = Date.parse(row.current_due_at) + 60_000;
        return at > now ? [] : [{ at, run: () => appendScheduledEvents(db).then(() => []) }];
      });
  const queue: Step[] = lives.map((life, index) => ({
    at: life.receivedAt,
    run: async () => {
      const envelope = centralEnvelope(life.payload, {
        contentVersion,
        confirmationCode: newConfirmationCode(),
        createdAt: new Date(life.sentAt),
      });
      const [receipt] = await ingestBatch(db, keys, devices.get(life.branchId) ?? '', [envelope]);
      if (receipt?.status !== 'accepted') throw new Error(`demo: feedback not accepted: ${JSON.stringify(receipt)}`);
      return [
        ...(await deadlineCheck(life.payload.trackingCode)),
        ...staffSteps(db, life, DEMO_RESPONSES[index % DEMO_RESPONSES.length] ?? '', now),
      ];
    },
  }));
  try {
    for (let next = earliest(queue); next; next = earliest(queue)) {
      const step = next;
      queue.push(...(await atRecordedTime(new Date(step.at), step.run)));
    }
  } finally {
    endReplay();
  }
  return lives.length;
}

/** Takes the earliest step out of the queue (a few hundred steps: a scan is enough). */
function earliest(queue: Step[]): Step | undefined {
  let best = -1;
  queue.forEach((step, index) => {
    if (best < 0 || step.at < (queue[best]?.at ?? Infinity)) best = index;
  });
  return best < 0 ? undefined : queue.splice(best, 1)[0];
}
