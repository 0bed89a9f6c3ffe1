import { canonicalJson } from '../../protocol/canonicalJson.js';
import type { SubmissionEnvelope } from '../../protocol/submission.js';
import { PROTOCOL_VERSION } from '../../protocol/version.js';
import type { PackReader } from './contentPacks.js';
import { messageProblem } from './messageCheck.js';
import { problemText } from './outcome.js';
import { sha256Hex } from './secrets.js';
import { createSurveyCheck } from './surveyCheck.js';
import { createVoteCheck, type VoteKeys } from './voteCheck.js';

/** An item of a batch Central can store (its canonical payload, and a vote's voter key), or why not. */
export type ItemVerdict =
  { readonly ok: true; readonly payloadJson: string; readonly voterKey: string | null } | { readonly ok: false; readonly reason: string };

/**
 * What ingest checks of each item before storing anything, on either engine:
 * the protocol version, the payload against its hash, and answers against the
 * survey or ballot version they were given to (a refusal's reason goes to the
 * kiosk's dead letters, for a technician).
 */
export function createItemCheck(pack: PackReader, keys: VoteKeys) {
  const surveyProblem = createSurveyCheck(pack);
  const voteCheck = createVoteCheck(pack, keys);
  return (item: SubmissionEnvelope): ItemVerdict => {
    if (item.schemaVersion > PROTOCOL_VERSION)
      return { ok: false, reason: `schema version ${item.schemaVersion} is newer than Central's ${PROTOCOL_VERSION}` };
    const payloadJson = canonicalJson(item.payload);
    if (sha256Hex(payloadJson) !== item.payloadSha256) return { ok: false, reason: 'payloadSha256 does not match the payload' };
    const vote = item.payload.type === 'vote' ? voteCheck({ ...item, payload: item.payload }) : undefined;
    const problem =
      item.payload.type === 'survey'
        ? surveyProblem(
            item.payload,
            item.contentVersion,
            item.attachments.map((file) => file.name),
          )
        : vote && !vote.ok
          ? problemText(vote.problems)
          : messageProblem(item);
    if (problem !== null) return { ok: false, reason: problem };
    return { ok: true, payloadJson, voterKey: vote?.ok ? vote.value : null };
  };
}
