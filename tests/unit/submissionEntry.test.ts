import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../sync/protocol/canonicalJson.js';
import { receiptCommitment, receiptLookup } from '../../sync/record/receipt.js';
import { submissionEntryDetail, type SubmissionFacts } from '../../sync/central/services/submissionEntry.js';

// The submission entry's detail is written by hand in key order for speed; it must be exactly the
// canonical JSON of the same facts, whatever characters they hold.
describe('a submission entry’s detail', () => {
  const base: SubmissionFacts = {
    type: 'vote',
    branch: 'rustavi',
    device: '4f085ef1-7557-4aad-a9fd-78e14c39d5f4',
    contentVersion: 12,
    recordedAt: '2026-12-02T11:17:50.809Z',
    receivedAt: '2026-12-02T11:17:50.833Z',
  };
  const expected = (facts: SubmissionFacts) =>
    canonicalJson({
      type: facts.type,
      branch: facts.branch,
      device: facts.device,
      contentVersion: facts.contentVersion,
      recordedAt: facts.recordedAt,
      receivedAt: facts.receivedAt,
      ...(facts.process === undefined ? {} : { process: facts.process }),
      ...(facts.channel === undefined ? {} : { channel: facts.channel }),
      ...(facts.receipt
        ? { receipt: receiptLookup(facts.receipt.code), commitment: receiptCommitment(facts.receipt.code, facts.receipt.payloadJson) }
        : {}),
    });

  it('is the canonical JSON of its facts, with and without a receipt, with no branch, from a phone, and with characters JSON escapes', () => {
    const cases: SubmissionFacts[] = [
      base,
      { ...base, branch: null },
      { ...base, channel: 'phone', process: 'survey:s1', receipt: { code: 'ABCDEFGHJKMNPQRSTVWX', payloadJson: '{}' } },
      { ...base, receipt: { code: 'ABCDEFGHJKMNPQRSTVWX', payloadJson: '{"choices":["a"],"type":"vote"}' } },
      { ...base, process: 'ballot:service-ideas-2027', receipt: { code: 'ABCDEFGHJKMNPQRSTVWX', payloadJson: '{}' } },
      { ...base, branch: 'თბილისი "ცენტრი"\n\\', device: '\u2028', type: 'rating' },
    ];
    for (const facts of cases) expect(submissionEntryDetail(facts).detail.text).toBe(expected(facts));
  });

  it('returns the receipt’s lookup hash for its index, and none without a receipt', () => {
    expect(submissionEntryDetail(base).lookup).toBeUndefined();
    expect(submissionEntryDetail({ ...base, receipt: { code: 'Z'.repeat(20), payloadJson: '{}' } }).lookup).toBe(
      receiptLookup('Z'.repeat(20)),
    );
  });
});
