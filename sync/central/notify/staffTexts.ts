import type { CentralDatabase, StaffNotificationKind } from '../db/schema.js';
import { tbilisiTime } from '../web/tbilisiTime.js';

/** A message about one feedback's deadline (the rating alert and the digest are worded apart). */
export type DeadlineKind = Exclude<StaffNotificationKind, 'rating-alert' | 'daily-digest'>;

/** Staff work in Georgian (the console's default); the English follows for those who read the console in English. */
const LINES: Record<DeadlineKind, { readonly ka: string; readonly en: string }> = {
  'team-assigned': {
    ka: 'გამოხმაურება {code} თქვენს გუნდს გადაეცა; პასუხი საჭიროა {due}-მდე (თბილისის დროით).',
    en: 'Feedback {code} was assigned to your team; it needs its answer by {due} (Tbilisi time).',
  },
  'deadline-soon': {
    ka: 'გამოხმაურებას {code} პასუხი სჭირდება {due}-მდე (თბილისის დროით): დარჩა {hours} საათზე ნაკლები.',
    en: 'Feedback {code} needs its answer by {due} (Tbilisi time): less than {hours} hours left.',
  },
  'deadline-near': {
    ka: 'გამოხმაურებას {code} პასუხი ჯერ არ აქვს; ვადა იწურება {due}-ზე (თბილისის დროით), {hours} საათზე ნაკლებში.',
    en: 'Feedback {code} is still unanswered; its 24 hours end at {due} (Tbilisi time), in less than {hours} hours.',
  },
  'deadline-breached': {
    ka: 'გამოხმაურებას {code} 24 საათში პასუხი არ გაეცა (ვადა: {due}, თბილისის დროით).',
    en: 'Feedback {code} was not answered within 24 hours (due {due}, Tbilisi time).',
  },
};

/** A deadline warning by e-mail: what, by when, and the console page to answer it on. */
export function staffEmailOf(
  kind: DeadlineKind,
  code: string,
  dueAt: string,
  consoleLink: string,
  now = new Date(),
): { subject: string; text: string } {
  // The hours actually left, rounded up: the warning's own timing is a setting, and "less than 4 hours" must stay true.
  const hours = String(Math.max(1, Math.ceil((Date.parse(dueAt) - now.getTime()) / 3_600_000)));
  const fill = (line: string) => line.replace('{code}', code).replace('{due}', tbilisiTime(dueAt)).replace('{hours}', hours);
  const line = LINES[kind];
  return { subject: `PSH · ${code} · ${tbilisiTime(dueAt)}`, text: `${fill(line.ka)}\n${fill(line.en)}\n\n${consoleLink}\n` };
}

type RatingAlert = CentralDatabase['rating_alerts'];

/** A rating alert by e-mail to the branch's supervisors: where, what fell, by how much, and the console page to acknowledge it on. */
export function ratingAlertEmailOf(alert: RatingAlert, consoleLink: string): { subject: string; text: string } {
  const percent = `${String(Math.round(alert.low_share * 100))}%`;
  const where = {
    ka: alert.scope === 'desk' ? `სარკმელი ${alert.subject}` : `სერვისი ${alert.subject}`,
    en: `${alert.scope} ${alert.subject}`,
  };
  return {
    subject: `PSH · ${alert.branch_id} · ${where.en} · ${percent}`,
    text:
      `ფილიალი ${alert.branch_id}, ${where.ka}: ბოლო საათში ${String(alert.ratings)} შეფასებიდან ${percent} იყო 1 ან 2.\n` +
      `Branch ${alert.branch_id}, ${where.en}: ${percent} of ${String(alert.ratings)} ratings in the last hour were 1 or 2.\n\n${consoleLink}\n`,
  };
}
