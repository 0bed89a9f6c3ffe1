import type { Kysely } from 'kysely';
import type { Ballot } from '../../protocol/ballot.js';
import type { CentralDatabase } from '../db/schema.js';
import { findAuthored, publishAuthored } from '../services/contentAuthoring.js';
import { publishResults } from '../services/resultsPublishing.js';
import { appendRecord } from '../services/record/recordLog.js';
import { submissionEntryDetail } from '../services/submissionEntry.js';

/** A ballot that closed before the demo's "now", so `npm start` has a published result to show on the kiosk. */
export const demoClosedBallot: Ballot = {
  id: 'improvements-2026',
  title: {
    ka: 'რა გაუმჯობესდეს პირველ რიგში?',
    en: 'What should improve first?',
    ru: 'Что улучшить в первую очередь?',
  },
  policy: 'session',
  maxChoices: 1,
  opensAt: '2026-05-01T00:00:00.000Z',
  closesAt: '2026-10-31T20:00:00.000Z',
  branches: [],
  channels: ['kiosk', 'web'],
  initiatives: [
    {
      id: 'online-booking',
      origin: 'study',
      title: { ka: 'ონლაინ ჯავშანი ყველა სერვისზე', en: 'Online booking for every service' },
      description: { ka: 'დროის დაჯავშნა psh.gov.ge-ზე.', en: 'Book a time on psh.gov.ge.' },
    },
    {
      id: 'longer-hours',
      origin: 'feedback',
      title: { ka: 'გახანგრძლივებული სამუშაო საათები', en: 'Longer opening hours' },
      description: { ka: 'ფილიალები ღიაა 20:00-მდე სამუშაო დღეებში.', en: 'Branches open until 20:00 on weekdays.' },
    },
    {
      id: 'more-seats',
      origin: 'feedback',
      title: { ka: 'მეტი სკამი მოსაცდელში', en: 'More seats in waiting areas' },
      description: { ka: 'განსაკუთრებით ხანდაზმულებისთვის.', en: 'Especially for older visitors.' },
    },
    {
      id: 'sign-language',
      origin: 'proposal',
      title: { ka: 'ჟესტური ენის თარჯიმანი', en: 'Sign language interpreter' },
      description: { ka: 'ვიდეოზარით, ყველა ფილიალში.', en: 'By video call, in every branch.' },
    },
  ],
};

const VOTES: Readonly<Record<string, number>> = { 'online-booking': 1284, 'longer-hours': 946, 'more-seats': 512, 'sign-language': 301 };
const DEVICES = ['demo-tbilisi-central', 'demo-batumi', 'demo-kutaisi', 'demo-rustavi', 'demo-zugdidi', 'demo-gori'];

/**
 * Once per demo database: the closed ballot, its anonymous votes spread over
 * its six months across six kiosks (never a burst), and its published result
 * with what happens next.
 */
export async function seedDemoResults(db: Kysely<CentralDatabase>): Promise<void> {
  if (await findAuthored(db, 'ballot', demoClosedBallot.id)) return;
  await publishAuthored(db, { kind: 'ballot', item: demoClosedBallot });
  const start = Date.parse(demoClosedBallot.opensAt);
  const span = Date.parse(demoClosedBallot.closesAt) - start;
  const choices = Object.entries(VOTES).flatMap(([initiative, count]) => Array.from({ length: count }, () => initiative));
  const total = choices.length;
  await db.transaction().execute(async (trx) => {
    for (let index = 0; index < total; index += 500) {
      const slice = choices.slice(index, index + 500).map((initiative, offset) => {
        const n = index + offset;
        // Interleaved so every device's votes spread evenly over the six months.
        const at = new Date(start + Math.floor((((n * 7919) % total) / total) * span)).toISOString();
        return {
          device_id: DEVICES[n % DEVICES.length] ?? 'demo',
          submission_id: `demo-vote-${String(n)}`,
          ballot_id: demoClosedBallot.id,
          initiative_id: initiative,
          at,
        };
      });
      await trx
        .insertInto('votes')
        .values(
          slice.map((vote) => ({
            device_id: vote.device_id,
            submission_id: vote.submission_id,
            ballot_id: vote.ballot_id,
            voter_key: null,
            claimed_at: vote.at,
            received_at: vote.at,
            counted: 1,
          })),
        )
        .execute();
      await trx
        .insertInto('vote_choices')
        .values(
          slice.map((vote) => ({
            device_id: vote.device_id,
            submission_id: vote.submission_id,
            ballot_id: vote.ballot_id,
            initiative_id: vote.initiative_id,
            counted: 1,
          })),
        )
        .execute();
      // The public record tells the demo ballot's story as a real one's: an entry per vote (which ballot, never
      // which choice), so its process page counts them by day, as in a real Central.
      for (const vote of slice) {
        const { detail } = submissionEntryDetail({
          type: 'vote',
          branch: vote.device_id.replace(/^demo-/, ''),
          device: vote.device_id,
          contentVersion: 1,
          recordedAt: vote.at,
          receivedAt: vote.at,
          process: `ballot:${demoClosedBallot.id}`,
        });
        await appendRecord(trx, { kind: 'submission.accepted', subject: vote.submission_id, detail });
      }
    }
  });
  await publishResults(
    db,
    'ballot',
    demoClosedBallot.id,
    {
      ka: 'ონლაინ ჯავშანი ყველა სერვისზე ამოქმედდება 2027 წლის თებერვლიდან. გახანგრძლივებულ სამუშაო საათებს ჯერ ხუთ ფილიალში გამოვცდით.',
      en: 'Online booking for every service starts in February 2027. Longer opening hours will be tried first in five branches.',
      ru: 'Онлайн-запись на все услуги заработает с февраля 2027 года. Продлённые часы работы сначала опробуют в пяти филиалах.',
    },
    'demo',
  );
}
