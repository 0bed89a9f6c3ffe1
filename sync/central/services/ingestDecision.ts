import type { Receipt } from '../../protocol/push.js';
import type { SubmissionEnvelope } from '../../protocol/submission.js';
import { feedbackClock } from './feedbackClock.js';
import type { ItemVerdict } from './itemCheck.js';
import { placeOfDevice, submissionEntryDetail, submissionFacts } from './submissionEntry.js';
import type { CanonicalJson } from './record/recordLog.js';
import { countsBefore } from './voteCheck.js';

/**
 * Ingest's decisions, once for both engines. An engine reads what Central
 * holds that bears on a batch (`BatchQuestions` → `HeldState`), under its
 * write lock; `decideBatch` turns that and the batch into receipts and the
 * rows to write (`BatchPlan`), with no I/O; the engine writes the plan in the
 * same transaction. So SQLite and PostgreSQL differ only in how they read and
 * write, and one table of cases (tests/api/ingestDecisions.test.ts) runs on both.
 */

/** The device as it was before this batch: its place, and its previous acknowledged sync (the floor of feedback clocks). */
export interface DeviceRow {
  readonly branch_id: string;
  readonly channel: string;
  readonly last_ingest_at: string | null;
}

/** A vote's place in "which vote counts": when the kiosk recorded it, then device, then id. */
export type VoteOrder = readonly [claimedAt: string, deviceId: string, submissionId: string];

/** What the engine must look up before deciding a batch. */
export interface BatchQuestions {
  /** Submission ids of this batch, to find the ones this device already sent. */
  readonly ids: readonly string[];
  /** Tracking codes of the batch's feedback and proposals, to find the ones already given. */
  readonly codes: readonly string[];
  /** (ballot, voter key) of its verified votes, to find the vote that counts now for each. */
  readonly voters: ReadonlyArray<{ readonly ballotId: string; readonly voterKey: string }>;
}

/** What Central holds that bears on the batch, read under the engine's write lock. */
export interface HeldState {
  /** Submission id → payload hash, for ids of this batch the device already sent. */
  readonly held: ReadonlyMap<string, string>;
  readonly takenCodes: ReadonlySet<string>;
  readonly device: DeviceRow | undefined;
  /** voterSlot(ballot, voter key) → the stored vote that counts for that voter now. */
  readonly countedVotes: ReadonlyMap<string, VoteOrder>;
}

export interface SubmissionRow {
  readonly id: string;
  readonly seq: number;
  readonly type: string;
  readonly payloadJson: string;
  readonly payloadSha256: string;
  readonly claimedAt: string;
  readonly contentVersion: number;
  readonly confirmationCode: string;
  readonly attachmentsPending: number;
}

export interface AttachmentRow {
  readonly submissionId: string;
  readonly name: string;
  readonly size: number;
  readonly sha256: string;
  readonly contentType: string;
}

export interface VoteRow {
  readonly submissionId: string;
  readonly ballotId: string;
  readonly voterKey: string | null;
  readonly claimedAt: string;
  counted: 0 | 1;
  readonly choices: readonly string[];
}

export interface FeedbackRow {
  readonly code: string;
  readonly submissionId: string;
  readonly branchId: string;
  readonly serviceId: string;
  readonly kind: string;
  readonly message: string | null;
  readonly language: string;
  readonly hasVoice: 0 | 1;
  readonly contactSealed: string | null;
  readonly consent: 0 | 1;
  readonly notify: 0 | 1;
  readonly claimedAt: string;
  readonly clockStartAt: string;
  readonly offlineDelaySec: number;
  readonly dueAt: string;
}

export interface ProposalRow {
  readonly code: string;
  readonly submissionId: string;
  readonly branchId: string;
  readonly title: string;
  readonly description: string | null;
  readonly language: string;
  readonly hasVoice: 0 | 1;
  readonly contactSealed: string | null;
  readonly notify: 0 | 1;
}

/** A `submission.accepted` entry of the public record, and its receipt's lookup hash. */
export interface EntryRow {
  readonly subject: string;
  readonly detail: CanonicalJson;
  readonly lookup?: string;
}

/** Everything one batch writes, all in the commit that acknowledges it. */
export interface BatchPlan {
  readonly receivedAt: string;
  readonly receipts: readonly Receipt[];
  readonly submissions: readonly SubmissionRow[];
  readonly attachments: readonly AttachmentRow[];
  readonly votes: readonly VoteRow[];
  /** Stored votes that a vote of this batch displaces: (device, submission). */
  readonly uncount: ReadonlyArray<readonly [deviceId: string, submissionId: string]>;
  readonly feedback: readonly FeedbackRow[];
  readonly proposals: readonly ProposalRow[];
  readonly entries: readonly EntryRow[];
  /** The ledger line ("what this batch accepted") and the device's progress; absent when nothing was accepted. */
  readonly progress?: { readonly ledgerJson: string; readonly count: number; readonly maxSeq: number };
}

export const voterSlot = (ballotId: string, voterKey: string): string => `${ballotId}\u0000${voterKey}`;

const trackingCodeOf = (item: SubmissionEnvelope): string | undefined =>
  item.payload.type === 'feedback' || item.payload.type === 'proposal' ? item.payload.trackingCode : undefined;

/** What `decideBatch` will need to know of this batch. */
export function batchQuestions(items: readonly SubmissionEnvelope[], verdicts: readonly ItemVerdict[]): BatchQuestions {
  return {
    ids: items.map((item) => item.id),
    codes: items.flatMap((item) => trackingCodeOf(item) ?? []),
    voters: items.flatMap((item, at) => {
      const verdict = verdicts[at];
      return item.payload.type === 'vote' && verdict?.ok && verdict.voterKey !== null
        ? [{ ballotId: item.payload.ballotId, voterKey: verdict.voterKey }]
        : [];
    }),
  };
}

/** An item this batch stores, with what its check found. */
interface Accepted {
  readonly item: SubmissionEnvelope;
  readonly payloadJson: string;
  readonly voterKey: string | null;
}

/**
 * Item by item, in the batch's order: refused by its check, refused for a
 * tracking code given to something else, a duplicate (same id, same hash),
 * a conflict (same id, other hash), or accepted. An item accepted earlier in
 * the batch counts as held for the items after it.
 */
function sortItems(
  items: readonly SubmissionEnvelope[],
  verdicts: readonly ItemVerdict[],
  state: HeldState,
  receivedAt: string,
): { receipts: Receipt[]; accepted: Accepted[] } {
  const held = new Map(state.held);
  const taken = new Set(state.takenCodes);
  const receipts: Receipt[] = [];
  const accepted: Accepted[] = [];
  items.forEach((item, at) => {
    const receipt = (status: Receipt['status'], reason?: string): Receipt => ({
      id: item.id,
      status,
      receivedAt,
      ...(reason ? { reason } : {}),
    });
    const verdict = verdicts[at];
    if (!verdict?.ok) {
      receipts.push(receipt('rejected', verdict?.reason ?? 'not checked'));
      return;
    }
    const code = trackingCodeOf(item);
    const heldSha = held.get(item.id);
    // A resend of this very submission is a duplicate below, not a taken code.
    if (code !== undefined && taken.has(code) && heldSha === undefined) {
      receipts.push(receipt('rejected', 'tracking code already in use; give the visitor a new one'));
      return;
    }
    if (heldSha !== undefined) {
      receipts.push(heldSha === item.payloadSha256 ? receipt('duplicate') : receipt('conflict', 'same id, different content'));
      return;
    }
    held.set(item.id, item.payloadSha256);
    if (code !== undefined) taken.add(code);
    accepted.push({ item, payloadJson: verdict.payloadJson, voterKey: verdict.voterKey });
    receipts.push(receipt('accepted'));
  });
  return { receipts, accepted };
}

/**
 * Per ballot and voter key exactly one vote counts: the one `countsBefore`
 * puts first (the earliest the kiosk recorded, then device and id), so kiosks
 * that sync in any order converge on one tally. Later ones are kept, uncounted.
 */
function decideVotes(
  deviceId: string,
  accepted: readonly Accepted[],
  state: HeldState,
): { votes: VoteRow[]; uncount: Array<readonly [string, string]> } {
  const current = new Map<string, { order: VoteOrder; stored: boolean; row?: VoteRow }>();
  for (const [slot, order] of state.countedVotes) current.set(slot, { order, stored: true });
  const uncount: Array<readonly [string, string]> = [];
  const votes = accepted.flatMap(({ item, voterKey }): VoteRow[] => {
    if (item.payload.type !== 'vote') return [];
    const { ballotId, choices } = item.payload;
    const row: VoteRow = { submissionId: item.id, ballotId, voterKey, claimedAt: item.createdAt, counted: 1, choices };
    if (voterKey === null) return [row];
    const order: VoteOrder = [item.createdAt, deviceId, item.id];
    const slot = voterSlot(ballotId, voterKey);
    const now = current.get(slot);
    if (now && !countsBefore(order, now.order)) {
      row.counted = 0;
      return [row];
    }
    if (now?.stored) uncount.push([now.order[1], now.order[2]]);
    if (now?.row) now.row.counted = 0;
    current.set(slot, { order, stored: false, row });
    return [row];
  });
  return { votes, uncount };
}

const hasVoice = (item: SubmissionEnvelope): 0 | 1 => (item.attachments.some((file) => file.contentType === 'audio/wav') ? 1 : 0);

/** The citizen asked to be told, and left a contact to be told at: both, or no message is ever planned. */
function wantsNotifications(item: SubmissionEnvelope): boolean {
  const { payload } = item;
  return (payload.type === 'feedback' || payload.type === 'proposal') && payload.notifyMe === true && item.personal?.contact !== undefined;
}

/** Feedback into the inbox, its 24-hour clock started (see feedbackClock.ts); proposals into moderation. */
function messageRows(accepted: readonly Accepted[], device: DeviceRow | undefined, receivedAt: string) {
  const branchId = device?.branch_id ?? 'unknown';
  const feedback: FeedbackRow[] = [];
  const proposals: ProposalRow[] = [];
  for (const { item } of accepted) {
    const { payload } = item;
    if (payload.type !== 'feedback' && payload.type !== 'proposal') continue;
    // What feedback and proposals store alike: where it came from, its language, voice, and the contact to be told at.
    const common = {
      code: payload.trackingCode,
      submissionId: item.id,
      branchId,
      language: payload.language,
      hasVoice: hasVoice(item),
      contactSealed: item.personal?.contact ?? null,
      notify: wantsNotifications(item) ? (1 as const) : (0 as const),
    };
    if (payload.type === 'feedback')
      feedback.push({
        ...common,
        serviceId: payload.serviceId,
        kind: payload.kind,
        message: payload.message ?? null,
        consent: payload.consentToContact ? 1 : 0,
        claimedAt: item.createdAt,
        ...feedbackClock(item.createdAt, receivedAt, device?.last_ingest_at ?? null),
      });
    else proposals.push({ ...common, title: payload.title, description: payload.description ?? null });
  }
  return { feedback, proposals };
}

/** Decides one device's batch against what Central holds: the receipts, and every row the commit writes. */
export function decideBatch(
  deviceId: string,
  items: readonly SubmissionEnvelope[],
  verdicts: readonly ItemVerdict[],
  state: HeldState,
  receivedAt: string,
): BatchPlan {
  const { receipts, accepted } = sortItems(items, verdicts, state, receivedAt);
  const place = placeOfDevice(state.device);
  const stored = accepted.map(({ item }) => item);
  return {
    receivedAt,
    receipts,
    submissions: accepted.map(({ item, payloadJson }) => ({
      id: item.id,
      seq: item.seq,
      type: item.payload.type,
      payloadJson,
      payloadSha256: item.payloadSha256,
      claimedAt: item.createdAt,
      contentVersion: item.contentVersion,
      confirmationCode: item.confirmationCode,
      attachmentsPending: item.attachments.length,
    })),
    attachments: stored.flatMap((item) => item.attachments.map((file) => ({ submissionId: item.id, ...file }))),
    ...decideVotes(deviceId, accepted, state),
    ...messageRows(accepted, state.device, receivedAt),
    // What the record says of each: no payload, no free text, nothing of a vote's choice (see submissionEntry.ts).
    entries: accepted.map(({ item, payloadJson }) => ({
      subject: item.id,
      ...submissionEntryDetail(submissionFacts(item, deviceId, place, receivedAt, payloadJson)),
    })),
    ...(stored.length === 0
      ? {}
      : {
          progress: {
            ledgerJson: JSON.stringify({ accepted: stored.map((item) => [item.id, item.seq, item.payload.type]) }),
            count: stored.length,
            maxSeq: Math.max(...stored.map((item) => item.seq)),
          },
        }),
  };
}
