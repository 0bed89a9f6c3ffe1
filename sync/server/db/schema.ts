import type { Generated } from 'kysely';

/** Central's tables, as Kysely sees them. Column names are the SQL ones. */
export interface CentralDatabase {
  enrolment_tokens: {
    token_sha256: string;
    branch_id: string;
    created_at: string;
    expires_at: string;
    used_at: string | null;
    device_id: string | null;
  };
  devices: {
    id: string;
    kiosk_id: string;
    branch_id: string;
    public_key: string;
    enrolled_at: string;
    revoked_at: string | null;
  };
  submissions: {
    device_id: string;
    id: string;
    seq: number;
    type: string;
    payload_json: string;
    payload_sha256: string;
    claimed_created_at: string;
    received_at: string;
    content_version: number;
    confirmation_code: string;
    attachments_pending: Generated<number>;
  };
  submission_attachments: {
    device_id: string;
    submission_id: string;
    name: string;
    size: number;
    sha256: string;
    content_type: string;
    upload_id: string | null;
    received_at: string | null;
  };
  request_nonces: {
    device_id: string;
    nonce: string;
    seen_at: number;
  };
  content_packs: {
    version: number;
    body_json: string;
    published_at: string;
  };
  device_heartbeats: {
    device_id: string;
    received_at: string;
    version: string;
    queue_depth: number;
    oldest_pending_age_sec: number | null;
    dead_letters: number;
    last_sync_at: string | null;
    free_disk_bytes: number | null;
  };
  device_alerts: {
    device_id: string;
    id: string;
    kind: string;
    created_at: string;
    received_at: string;
    detail_json: string;
  };
  ledger: {
    position: Generated<number>;
    recorded_at: string;
    kind: string;
    subject: string;
    detail_json: string;
  };
}
