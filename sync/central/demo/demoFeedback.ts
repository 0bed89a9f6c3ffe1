import type { Kysely } from 'kysely';
import { FEEDBACK_KINDS } from '../../protocol/submission.js';
import { newTrackingCode } from '../../protocol/trackingCode.js';
import type { CentralDatabase, FeedbackStatus } from '../db/schema.js';
import { ANSWER_WITHIN_MS } from '../services/feedbackClock.js';
import { TEAMS } from '../services/feedback.js';
import { seededRandom } from '../../node/seededRandom.js';

const BRANCHES = ['tbilisi-central', 'tbilisi-saburtalo', 'batumi', 'kutaisi', 'rustavi', 'zugdidi'];
const MESSAGES = [
  'რიგში ძალიან დიდხანს მომიწია ლოდინი, თითქმის ერთი საათი.',
  'ოპერატორი ძალიან თავაზიანი და ყურადღებიანი იყო. მადლობა!',
  'შეიძლება ონლაინ ჯავშნის დამატება ამ სერვისზე?',
  'რა დოკუმენტებია საჭირო ბინის გასხვისებისთვის?',
  'The queue display showed the wrong number for twenty minutes.',
  'Please add more seats near the passport desk; elderly visitors stand for a long time.',
  'Очень быстро оформили паспорт, спасибо.',
  'Xidmət çox yaxşı idi, amma parkinq yoxdur.',
  'კიოსკის ეკრანი ზოგჯერ არ რეაგირებს შეხებაზე.',
  'Can I pick up my ID card at another branch?',
];
const RESPONSES = [
  'გმადლობთ. ფილიალის ხელმძღვანელმა დაამატა მეორე ოპერატორი დილის საათებში.',
  'Thank you. Online booking for this service opens next month; we will announce it on psh.gov.ge.',
  'გმადლობთ თქვენი შეფასებისთვის, გადავეცით გუნდს.',
  'You can choose the pick-up branch when you apply; for an existing application call 2 405 405.',
];

/**
 * A few hundred feedback items over the last five months, across branches,
 * services and kinds: most answered on time, some late, some open and
 * overdue, some open inside their 24 hours. Only into an empty table.
 */
export async function seedDemoFeedback(
  db: Kysely<CentralDatabase>,
  serviceIds: readonly string[],
  count = 320,
  now = Date.now(),
): Promise<number> {
  const existing = await db
    .selectFrom('feedback')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(existing.n) > 0) return 0;
  const random = seededRandom(20261127);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const rows: Array<CentralDatabase['feedback']> = [];
  const responses: Array<CentralDatabase['feedback_responses']> = [];
  for (let i = 0; i < count; i += 1) {
    // Recent items are denser: the last days hold the open ones.
    const ageMs = i < 30 ? random() * 2 * 86_400_000 : random() * 150 * 86_400_000;
    const start = now - ageMs;
    const offlineSec = random() < 0.1 ? Math.round(random() * 6 * 3600) : Math.round(random() * 20);
    const due = start + ANSWER_WITHIN_MS;
    const roll = random();
    let status: FeedbackStatus;
    let answeredAt: number | null = null;
    if (due > now && roll < 0.6) status = pick(['received', 'in-review'] as const);
    else if (roll < 0.04) status = 'received';
    else {
      answeredAt = start + (roll < 0.88 ? random() * 20 : 24 + random() * 30) * 3_600_000;
      if (answeredAt > now) answeredAt = null;
      status = answeredAt === null ? 'in-review' : random() < 0.5 ? 'closed' : 'answered';
    }
    const code = newTrackingCode();
    const iso = (ms: number) => new Date(ms).toISOString();
    rows.push({
      code,
      source: 'demo',
      device_id: null,
      submission_id: null,
      branch_id: pick(BRANCHES),
      service_id: pick(serviceIds),
      kind: pick(FEEDBACK_KINDS),
      message: pick(MESSAGES),
      language: 'ka',
      has_voice: 0,
      contact_sealed: null,
      consent_to_contact: 0,
      notify: 0,
      contact_key: null,
      resolved: null,
      claimed_at: iso(start),
      clock_start_at: iso(start),
      received_at: iso(start + offlineSec * 1000),
      offline_delay_sec: offlineSec,
      due_at: iso(due),
      current_due_at: iso(due),
      status,
      team: random() < 0.7 ? pick(TEAMS) : null,
      first_answered_at: answeredAt === null ? null : iso(answeredAt),
      last_answered_at: answeredAt === null ? null : iso(answeredAt),
      closed_at: status === 'closed' && answeredAt !== null ? iso(answeredAt) : null,
      reopened_count: 0,
      updated_at: iso(answeredAt ?? start),
    });
    if (answeredAt !== null)
      responses.push({ code, position: 1, text: pick(RESPONSES), published_at: iso(answeredAt), author: 'demo-responder' });
  }
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 100)
      await trx
        .insertInto('feedback')
        .values(rows.slice(i, i + 100))
        .execute();
    for (let i = 0; i < responses.length; i += 100)
      await trx
        .insertInto('feedback_responses')
        .values(responses.slice(i, i + 100))
        .execute();
  });
  return rows.length;
}
