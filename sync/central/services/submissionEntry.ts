import { receiptCommitment, receiptLookup } from '../../record/receipt.js';
import type { SubmissionEnvelope } from '../../protocol/submission.js';
import { CanonicalJson } from './record/recordLog.js';

export interface SubmissionFacts {
  readonly type: string;
  readonly branch: string | null;
  /** Where it was given when not at a kiosk: "phone" (a desk's QR code). Absent for kiosks, so their entries keep their bytes. */
  readonly channel?: string | undefined;
  readonly device: string;
  readonly contentVersion: number;
  readonly recordedAt: string;
  readonly receivedAt: string;
  /** The process a survey answer or a vote belongs to: "survey:<id>" or "ballot:<id>" (which ballot, never which choice). */
  readonly process?: string | undefined;
  /** The citizen's receipt code and the canonical payload it commits to; absent from kiosks older than receipts. */
  readonly receipt?: { readonly code: string; readonly payloadJson: string } | undefined;
}

/** A device's branch, and its channel unless it is a kiosk (kiosk entries keep the bytes they had before phones). */
export const placeOfDevice = (row: { branch_id: string; channel: string } | undefined) => ({
  branch: row?.branch_id ?? null,
  channel: row === undefined || row.channel === 'kiosk' ? undefined : row.channel,
});

/** What the record says of an accepted submission from a device at a place, received at `receivedAt` (either engine's ingest). */
export function submissionFacts(
  item: SubmissionEnvelope,
  deviceId: string,
  place: ReturnType<typeof placeOfDevice>,
  receivedAt: string,
  payloadJson: string,
): SubmissionFacts {
  return {
    type: item.payload.type,
    branch: place.branch,
    channel: place.channel,
    device: deviceId,
    contentVersion: item.contentVersion,
    recordedAt: item.createdAt,
    receivedAt,
    process:
      item.payload.type === 'survey'
        ? `survey:${item.payload.surveyId}`
        : item.payload.type === 'vote'
          ? `ballot:${item.payload.ballotId}`
          : undefined,
    receipt: item.receiptCode === undefined ? undefined : { code: item.receiptCode, payloadJson },
  };
}

const str = (value: string): string => JSON.stringify(value);

/**
 * The detail of a `submission.accepted` entry: what the public record says of
 * a submission (no payload, no text, nothing of a choice; receipts only as
 * hashes, see sync/record/receipt.ts). Written in canonical key order by hand:
 * ingest writes one per submission, and the general canonicalJson was about a
 * third of the record's cost there (tests/unit/submissionEntry.test.ts checks
 * both give the same bytes). Returns the receipt's lookup hash too, for its index.
 */
export function submissionEntryDetail(facts: SubmissionFacts): { readonly detail: CanonicalJson; readonly lookup?: string } {
  const lookup = facts.receipt && receiptLookup(facts.receipt.code);
  const commitment = facts.receipt && receiptCommitment(facts.receipt.code, facts.receipt.payloadJson);
  const text =
    `{"branch":${facts.branch === null ? 'null' : str(facts.branch)},` +
    (facts.channel === undefined ? '' : `"channel":${str(facts.channel)},`) +
    (commitment === undefined ? '' : `"commitment":${str(commitment)},`) +
    `"contentVersion":${JSON.stringify(facts.contentVersion)},"device":${str(facts.device)},` +
    (facts.process === undefined ? '' : `"process":${str(facts.process)},`) +
    (lookup === undefined ? '' : `"receipt":${str(lookup)},`) +
    `"receivedAt":${str(facts.receivedAt)},"recordedAt":${str(facts.recordedAt)},"type":${str(facts.type)}}`;
  return { detail: new CanonicalJson(text), ...(lookup === undefined ? {} : { lookup }) };
}
