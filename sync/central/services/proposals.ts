import type { Kysely, Selectable, Transaction } from 'kysely';
import { refusal, success, type Outcome } from './outcome.js';
import type { ContentPack } from '../../protocol/contentPack.js';
import type { CentralDatabase } from '../db/schema.js';
import { latestContentPack, publishContentPack } from './content.js';
import { appendLedger } from './ledger.js';

export type ProposalRow = Selectable<CentralDatabase['proposals']>;

export async function proposalQueue(db: Kysely<CentralDatabase>): Promise<ProposalRow[]> {
  // Pending first (oldest first), then the decided ones, newest first.
  const pending = await db.selectFrom('proposals').selectAll().where('status', '=', 'pending').orderBy('received_at').limit(200).execute();
  const decided = await db
    .selectFrom('proposals')
    .selectAll()
    .where('status', '!=', 'pending')
    .orderBy('decided_at', 'desc')
    .limit(50)
    .execute();
  return [...pending, ...decided];
}

export const findProposal = (db: Kysely<CentralDatabase>, code: string) =>
  db.selectFrom('proposals').selectAll().where('code', '=', code).executeTakeFirst();

export interface Acceptance {
  readonly ballotId: string;
  /** The initiative's texts as staff edited them; Georgian is required, English optional. */
  readonly title: { readonly ka: string; readonly en?: string | undefined };
  readonly description: { readonly ka: string; readonly en?: string | undefined };
}

/** A moderation decision: the new content pack when a proposal was accepted into a ballot. */
export type Decision = Outcome<{ readonly pack?: ContentPack }>;

/**
 * Accepts a proposal: it becomes an initiative (origin "proposal") of the chosen
 * ballot in a new content pack version, which kiosks pull on their next sync.
 */
export async function acceptProposal(db: Kysely<CentralDatabase>, code: string, acceptance: Acceptance, actor: string): Promise<Decision> {
  const proposal = await findProposal(db, code);
  if (!proposal) return refusal('proposalUnknown');
  if (proposal.status !== 'pending') return refusal('proposalDecided', { params: { status: proposal.status } });
  const latest = await latestContentPack(db);
  const ballot = latest?.ballots.find((candidate) => candidate.id === acceptance.ballotId);
  if (!latest || !ballot) return refusal('ballotNotCurrent', { field: 'ballot' });
  if (!acceptance.title.ka.trim() || !acceptance.description.ka.trim()) return refusal('initiativeGeorgianRequired', { field: 'titleKa' });
  if (ballot.initiatives.length >= 30) return refusal('ballotFull', { field: 'ballot' });
  const initiativeId = `proposal-${code.toLowerCase()}`;
  const optional = (text: string | undefined) => (text?.trim() ? text.trim() : undefined);
  const initiative = {
    id: initiativeId,
    origin: 'proposal' as const,
    title: { ka: acceptance.title.ka.trim(), ...(optional(acceptance.title.en) ? { en: optional(acceptance.title.en) } : {}) },
    description: {
      ka: acceptance.description.ka.trim(),
      ...(optional(acceptance.description.en) ? { en: optional(acceptance.description.en) } : {}),
    },
  };
  const pack: ContentPack = {
    ...latest,
    version: latest.version + 1,
    publishedAt: new Date().toISOString(),
    ballots: latest.ballots.map((candidate) =>
      candidate.id === ballot.id ? { ...candidate, initiatives: [...candidate.initiatives, initiative] } : candidate,
    ),
  };
  // One commit: the pack with the initiative, the proposal's decision and their record entries, or none of them.
  await db.transaction().execute(async (trx) => {
    if (!(await publishContentPack(trx, pack)))
      throw new Error(`content version ${String(pack.version)} was published meanwhile; decide again`);
    const decided = await trx
      .updateTable('proposals')
      .set({ status: 'accepted', ballot_id: ballot.id, initiative_id: initiativeId, decided_at: pack.publishedAt, decided_by: actor })
      .where('code', '=', code)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (decided.numUpdatedRows !== 1n) throw new Error(`proposal ${code} was decided meanwhile`);
    await appendLedger(trx, 'proposal.accepted', code, {
      ...(await receivedFacts(trx, code)),
      ballotId: ballot.id,
      initiativeId,
      contentVersion: pack.version,
      by: actor,
    });
  });
  return success({ pack });
}

/**
 * What a decision's entry says of the proposal it decides: where and when it
 * came, and the submission entry that recorded it (its subject), so the
 * proposal's story in the public record starts at its arrival. Never its text.
 */
async function receivedFacts(trx: Transaction<CentralDatabase>, code: string) {
  const row = await trx
    .selectFrom('proposals')
    .select(['submission_id', 'branch_id', 'received_at'])
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  return { submission: row.submission_id, branch: row.branch_id, receivedAt: row.received_at };
}

/** Rejects a proposal with a reason the proposer (and everyone) can read. */
export async function rejectProposal(db: Kysely<CentralDatabase>, code: string, reason: string, actor: string): Promise<Decision> {
  if (!reason.trim()) return refusal('reasonRequired', { field: 'reason' });
  // The decision and its public record commit together.
  return db.transaction().execute(async (trx): Promise<Decision> => {
    const text = reason.trim().slice(0, 2000);
    const updated = await trx
      .updateTable('proposals')
      .set({ status: 'rejected', reason: text, decided_at: new Date().toISOString(), decided_by: actor })
      .where('code', '=', code)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (updated.numUpdatedRows !== 1n) return refusal('proposalNotPending');
    await appendLedger(trx, 'proposal.rejected', code, { ...(await receivedFacts(trx, code)), by: actor, reason: text });
    return success({});
  });
}
