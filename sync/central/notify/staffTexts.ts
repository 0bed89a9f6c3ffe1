import type { CentralDatabase, StaffNotificationKind } from '../db/schema.js';
import { tbilisiTime } from '../web/tbilisiTime.js';

/** Staff work in Georgian (the console's default); the English follows for those who read the console in English. */
const LINES: Record<Exclude<StaffNotificationKind, 'rating-alert'>, { readonly ka: string; readonly en: string }> = {
  'deadline-soon': {
    ka: 'გამოხმაურებას {code} პასუხი სჭირდება {due}-მდე (თბილისის დროით): დარჩა 4 საათზე ნაკლები.',
    en: 'Feedback {code} needs its answer by {due} (Tbilisi time): less than 4 hours left.',
  },
  'deadline-near': {
    ka: 'გამოხმაურებას {code} პასუხი ჯერ არ აქვს; ვადა იწურება {due}-ზე (თბილისის დროით), ერთ საათზე ნაკლებში.',
    en: 'Feedback {code} is still unanswered; its 24 hours end at {due} (Tbilisi time), in less than an hour.',
  },
  'deadline-breached': {
    ka: 'გამოხმაურებას {code} 24 საათში პასუხი არ გაეცა (ვადა: {due}, თბილისის დროით).',
    en: 'Feedback {code} was not answered within 24 hours (due {due}, Tbilisi time).',
  },
};

/** A deadline warning by e-mail: what, by when, and the console page to answer it on. */
export function staffEmailOf(
  kind: Exclude<StaffNotificationKind, 'rating-alert'>,
  code: string,
  dueAt: string,
  consoleLink: string,
): { subject: string; text: string } {
  const fill = (line: string) => line.replace('{code}', code).replace('{due}', tbilisiTime(dueAt));
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
