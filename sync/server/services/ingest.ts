import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { canonicalJson } from '../../protocol/canonicalJson.js';
import type { Receipt } from '../../protocol/push.js';
import type { SubmissionEnvelope } from '../../protocol/submission.js';
import { PROTOCOL_VERSION } from '../../protocol/version.js';
import { sqliteHandleOf } from '../db/openCentralDb.js';
import type { CentralDatabase } from '../db/schema.js';
import { recordNonce, ReplayedNonceError } from './requestVerification.js';
import { sha256Hex } from './secrets.js';

/**
 * The statements of the ingest hot path, prepared once per connection. Kysely
 * would compile and prepare a fresh (100-row) statement per batch, which cost
 * more than the inserts themselves; these are plain bound parameters.
 */
interface IngestStatements {
  readonly existing: BetterSqlite3.Statement<[string, string], { payload_sha256: string }>;
  readonly submission: BetterSqlite3.Statement;
  readonly attachment: BetterSqlite3.Statement;
  readonly ledger: BetterSqlite3.Statement;
}
const statementCache = new WeakMap<BetterSqlite3.Database, IngestStatements>();

function ingestStatements(sqlite: BetterSqlite3.Database): IngestStatements {
  const cached = statementCache.get(sqlite);
  if (cached) return cached;
  const statements: IngestStatements = {
    existing: sqlite.prepare<[string, string], { payload_sha256: string }>('SELECT payload_sha256 FROM submissions WHERE device_id = ? AND id = ?'),
    submission: sqlite.prepare(
      `INSERT INTO submissions (device_id, id, seq, type, payload_json, payload_sha256, claimed_created_at, received_at, content_version, confirmation_code, attachments_pending)
       VALUES (@deviceId, @id, @seq, @type, @payloadJson, @payloadSha256, @createdAt, @receivedAt, @contentVersion, @confirmationCode, @attachmentsPending)`,
    ),
    attachment: sqlite.prepare(
      `INSERT INTO submission_attachments (device_id, submission_id, name, size, sha256, content_type, upload_id, received_at)
       VALUES (@deviceId, @submissionId, @name, @size, @sha256, @contentType, NULL, NULL)`,
    ),
    // The public record: one ledger line per accepted submission, in the same commit.
    ledger: sqlite.prepare(`INSERT INTO ledger (recorded_at, kind, subject, detail_json) VALUES (?, 'submission.received', ?, ?)`),
  };
  statementCache.set(sqlite, statements);
  return statements;
}
/**
 * Stores one batch from one device in ONE transaction and returns a receipt
 * per item. Insert-or-ignore by (device, id): a resend is `duplicate`, the same
 * id with other content is `conflict`. The caller answers only after this
 * resolves, i.e. after the commit.
 */
export async function ingestBatch(
  db: Kysely<CentralDatabase>,
  deviceId: string,
  items: readonly SubmissionEnvelope[],
  /** The request's nonce, recorded in this same commit (see requireDevice's deferNonce). */
  nonce?: string,
): Promise<Receipt[]> {
  const statements = ingestStatements(sqliteHandleOf(db));
  // Kysely's transaction holds the connection lock and issues BEGIN/COMMIT; the
  // statements below run synchronously inside it, with no await in between.
  return db.transaction().execute(async (trx) => {
    if (nonce !== undefined && !(await recordNonce(trx, deviceId, nonce))) throw new ReplayedNonceError('replayed nonce');
    const receivedAt = new Date().toISOString();
    const receipts: Receipt[] = [];
    for (const item of items) {
      const receipt = (status: Receipt['status'], reason?: string): Receipt => ({ id: item.id, status, receivedAt, ...(reason ? { reason } : {}) });
      if (item.schemaVersion > PROTOCOL_VERSION) {
        receipts.push(receipt('rejected', `schema version ${item.schemaVersion} is newer than Central's ${PROTOCOL_VERSION}`));
        continue;
      }
      const payloadJson = canonicalJson(item.payload);
      if (sha256Hex(payloadJson) !== item.payloadSha256) {
        receipts.push(receipt('rejected', 'payloadSha256 does not match the payload'));
        continue;
      }
      const stored = statements.existing.get(deviceId, item.id);
      if (stored) {
        receipts.push(stored.payload_sha256 === item.payloadSha256 ? receipt('duplicate') : receipt('conflict', 'same id, different content'));
        continue;
      }
      statements.submission.run({
        deviceId,
        id: item.id,
        seq: item.seq,
        type: item.payload.type,
        payloadJson,
        payloadSha256: item.payloadSha256,
        createdAt: item.createdAt,
        receivedAt,
        contentVersion: item.contentVersion,
        confirmationCode: item.confirmationCode,
        attachmentsPending: item.attachments.length,
      });
      for (const file of item.attachments) {
        statements.attachment.run({ deviceId, submissionId: item.id, name: file.name, size: file.size, sha256: file.sha256, contentType: file.contentType });
      }
      statements.ledger.run(receivedAt, item.id, JSON.stringify({ deviceId, type: item.payload.type, seq: item.seq }));
      receipts.push(receipt('accepted'));
    }
    return receipts;
  });
}
