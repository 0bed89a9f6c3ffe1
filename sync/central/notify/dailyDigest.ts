import { sql, type Kysely } from 'kysely';
import type { CentralDatabase } from '../db/schema.js';
import { tbilisiTime } from '../web/tbilisiTime.js';
import { sendingTrouble } from '../services/sendingTrouble.js';
import { OPEN } from './deadlinePlanner.js';

/** Second in every digest's subject, so a mail rule can file it. */
export const DIGEST_SUBJECT = 'digest';
/** The overdue codes listed by name; the rest are counted (the console lists them all). */
const LISTED = 10;

interface BranchDay {
  branch: string;
  overdue: { code: string; due: string }[];
  overdueCount: number;
  unassigned: number;
  proposals: number;
  alerts: string[];
}

const blankDay = (branch: string): BranchDay => ({ branch, overdue: [], overdueCount: 0, unassigned: 0, proposals: 0, alerts: [] });

/** What waits in each branch this morning: overdue and unassigned feedback, proposals to moderate, open rating alerts. */
async function branchDays(db: Kysely<CentralDatabase>, branchId: string | null, now: Date): Promise<BranchDay[]> {
  const days = new Map<string, BranchDay>();
  const dayOf = (branch: string) => days.get(branch) ?? days.set(branch, blankDay(branch)).get(branch)!;
  const only = branchId === null ? sql`1 = 1` : sql`branch_id = ${branchId}`;
  const at = now.toISOString();
  const overdue = await sql<{ branch_id: string; code: string; current_due_at: string }>`SELECT branch_id, code, current_due_at
    FROM feedback WHERE status IN ${OPEN} AND current_due_at < ${at} AND ${only} ORDER BY current_due_at`.execute(db);
  for (const row of overdue.rows) {
    const day = dayOf(row.branch_id);
    day.overdueCount += 1;
    if (day.overdue.length < LISTED) day.overdue.push({ code: row.code, due: row.current_due_at });
  }
  const unassigned = await sql<{ branch_id: string; n: number | string }>`SELECT branch_id, count(*) AS n
    FROM feedback WHERE status IN ${OPEN} AND team IS NULL AND ${only} GROUP BY branch_id`.execute(db);
  for (const row of unassigned.rows) dayOf(row.branch_id).unassigned = Number(row.n);
  const proposals = await sql<{ branch_id: string; n: number | string }>`SELECT branch_id, count(*) AS n
    FROM proposals WHERE status = 'pending' AND ${only} GROUP BY branch_id`.execute(db);
  for (const row of proposals.rows) dayOf(row.branch_id).proposals = Number(row.n);
  const alerts = await sql<{
    branch_id: string;
    scope: string;
    subject: string;
    low_share: number;
  }>`SELECT branch_id, scope, subject, low_share
    FROM rating_alerts WHERE closed_at IS NULL AND ${only} ORDER BY opened_at`.execute(db);
  for (const row of alerts.rows)
    dayOf(row.branch_id).alerts.push(`${row.scope} ${row.subject}: ${String(Math.round(Number(row.low_share) * 100))}% 1–2`);
  return [...days.values()].sort((a, b) => a.branch.localeCompare(b.branch));
}

/** One branch's part of the digest, each line in Georgian then English (staff read the console in either). */
function branchSection(day: BranchDay): string {
  const lines = [`■ ${day.branch}`];
  if (day.overdueCount > 0) {
    lines.push(`ვადაგადაცილებული / overdue: ${String(day.overdueCount)}`);
    for (const item of day.overdue) lines.push(`  ${item.code} (${tbilisiTime(item.due)})`);
    if (day.overdueCount > day.overdue.length) lines.push(`  … +${String(day.overdueCount - day.overdue.length)}`);
  }
  if (day.unassigned > 0) lines.push(`გუნდის გარეშე / unassigned: ${String(day.unassigned)}`);
  if (day.proposals > 0) lines.push(`მოდერაციის რიგში / waiting for moderation: ${String(day.proposals)}`);
  for (const alert of day.alerts) lines.push(`შეფასებების გაფრთხილება / rating alert: ${alert}`);
  return lines.join('\n');
}

/**
 * A supervisor's morning e-mail: for their branch (or every branch), what is
 * overdue, unassigned, waiting for moderation, and which rating alerts are
 * open; and whether Central's messages to citizens are failing. A quiet day
 * says so: the e-mail's arrival is itself the sign the sender works.
 */
export async function dailyDigestOf(
  db: Kysely<CentralDatabase>,
  branchId: string | null,
  day: string,
  consoleUrl: string,
  now = new Date(),
): Promise<{ subject: string; text: string }> {
  const days = await branchDays(db, branchId, now);
  const trouble = await sendingTrouble(db, now);
  const sections = days.map(branchSection);
  if (trouble.failing > 0)
    sections.push(`შეტყობინებები ვერ იგზავნება / messages to citizens failing: ${String(trouble.failing)} (${trouble.lastError ?? '—'})`);
  const body = sections.length > 0 ? sections.join('\n\n') : 'ყველაფერი დროულადაა. / Nothing overdue, unassigned or waiting.';
  const overdue = days.reduce((sum, branchDay) => sum + branchDay.overdueCount, 0);
  return {
    subject: `PSH · ${DIGEST_SUBJECT} · ${day} · ${branchId ?? 'all branches'} · ${String(overdue)} overdue`,
    text: `დღის მიმოხილვა / Daily digest ${day}\n\n${body}\n\n${consoleUrl}\n`,
  };
}
