import type { FeedbackStatus } from '../../protocol/feedbackStatus.js';
import type { Generated } from 'kysely';

/** Central's tables, as Kysely sees them. Column names are the SQL ones. */
/** What a message to a citizen tells: their feedback was received, answered, or opened again. */
export type CitizenNotificationKind =
  'feedback-received' | 'feedback-answered' | 'feedback-reopened' | 'feedback-followup' | 'proposal-decided';
/** What staff are told of: an assignment and a deadline four hours off (responders), one hour off and passed (admins, the supervisors), a rating alert and the daily digest (admins). */
export type StaffNotificationKind =
  'team-assigned' | 'deadline-soon' | 'deadline-near' | 'deadline-breached' | 'rating-alert' | 'daily-digest';
export type NotificationKind = CitizenNotificationKind | StaffNotificationKind;

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
    last_ingest_at: string | null;
    held_count: Generated<number>;
    max_seq: Generated<number>;
    /** kiosk; phone, the channel device of a branch's desk QR codes; or web, the web site's (services/channelDevices.ts). */
    channel: Generated<DeviceChannel>;
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
  rate_limit_buckets: {
    bucket: string;
    /** ms since the epoch; PostgreSQL's bigint arrives as a string. */
    window_start: number | string;
    hits: number;
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
    desk_id: string | null;
    clock_drift_ms: number | null;
  };
  device_heartbeat_hours: {
    device_id: string;
    hour: string;
    beats: number;
    max_queue_depth: number;
    max_dead_letters: number;
    max_abs_drift_ms: number;
  };
  device_alerts: {
    device_id: string;
    id: string;
    kind: string;
    created_at: string;
    received_at: string;
    detail_json: string;
  };
  record_entries: {
    idx: number;
    entry: Buffer;
  };
  record_hashes: {
    level: number;
    idx: number;
    hash: Buffer;
  };
  record_scheduled: {
    kind: string;
    key: string;
    appended_at: string;
  };
  record_cosignatures: {
    size: number;
    device_id: string;
    timestamp: number;
    line: string;
    received_at: string;
  };
  /** Each kiosk's latest cosignature, served with its checkpoint; record_cosignatures keeps its first in each hour. */
  record_latest_cosignatures: {
    device_id: string;
    size: number;
    timestamp: number;
    line: string;
    received_at: string;
    history_at: string;
  };
  record_receipts: {
    lookup: string;
    idx: number;
  };
  record_checkpoints: {
    size: number;
    root: Buffer;
    note: string;
    signed_at: string;
  };
  ledger: {
    position: Generated<number>;
    recorded_at: string;
    kind: string;
    subject: string;
    detail_json: string;
  };
  feedback: {
    code: string;
    source: 'kiosk' | 'demo';
    device_id: string | null;
    submission_id: string | null;
    branch_id: string;
    service_id: string;
    kind: string;
    message: string | null;
    language: string;
    has_voice: number;
    contact_sealed: string | null;
    consent_to_contact: number;
    /** 1: the citizen asked to be told of each step at their contact (notifications). */
    notify: number;
    /** HMAC of the contact (notify/contactKey.ts), set when the first message went; null once the contact is deleted. */
    contact_key: string | null;
    /** The citizen's answer to "was it resolved?". */
    resolved: 'yes' | 'no' | null;
    claimed_at: string;
    clock_start_at: string;
    received_at: string;
    offline_delay_sec: number;
    due_at: string;
    current_due_at: string;
    status: FeedbackStatus;
    team: string | null;
    first_answered_at: string | null;
    last_answered_at: string | null;
    closed_at: string | null;
    reopened_count: number;
    updated_at: string;
  };
  feedback_responses: {
    code: string;
    position: number;
    text: string;
    published_at: string;
    author: string;
  };
  rating_alerts: {
    /** `<scope>:<branch>:<subject>:<opened_at>`. */
    id: string;
    branch_id: string;
    scope: 'desk' | 'service';
    /** The desk's id or the service's. */
    subject: string;
    opened_at: string;
    /** The share of 1–2 ratings that opened it, and how many ratings it was of. */
    low_share: number;
    ratings: number;
    closed_at: string | null;
    acknowledged_by: string | null;
    acknowledged_at: string | null;
    comment: string | null;
  };
  notify_optouts: {
    contact_key: string;
    opted_out_at: string;
  };
  notifications: {
    /** The idempotency key: `<kind>:<code>:<step>` (services/notify/notificationPlanner.ts). */
    id: string;
    kind: NotificationKind;
    code: string;
    language: string;
    /** Set when sent: 'sms' or 'email', from the contact opened at that moment. */
    channel: 'sms' | 'email' | null;
    /** `stopped`: the contact replied STOP before it went. */
    state: 'pending' | 'sending' | 'sent' | 'failed' | 'stopped';
    attempts: Generated<number>;
    created_at: string;
    next_attempt_at: string;
    claimed_by: string | null;
    claimed_until: string | null;
    sent_at: string | null;
    /** The provider's id for the message (SMTP's Message-ID, SMPP's message_id), which its delivery receipt names. */
    provider_ref: string | null;
    /** The last delivery receipt's state (SMPP `stat:`, e.g. DELIVRD, UNDELIV) or `accepted` by the SMTP server. */
    delivery: string | null;
    delivered_at: string | null;
    last_error: string | null;
    /** A staff member's username, for a deadline warning; null for a message to a citizen. */
    staff: string | null;
  };
  feedback_notes: {
    code: string;
    created_at: string;
    author: string;
    text: string;
  };
  staff_users: {
    username: string;
    password_hash: string;
    role: StaffRole;
    created_at: string;
    disabled_at: string | null;
    /** Where deadline warnings go (notifications); null: none. */
    email: string | null;
    /** The branch this account is told about; null: every branch. */
    branch_id: string | null;
    /** What they chose to be told of, a comma list of STAFF_NOTICES (notify/staffNotices.ts); null: their role's default. */
    notices: string | null;
    /** A responder's team: told when feedback is assigned to it; null: every team. */
    team: string | null;
  };
  votes: {
    device_id: string;
    submission_id: string;
    ballot_id: string;
    voter_key: string | null;
    claimed_at: string;
    received_at: string;
    counted: number;
  };
  vote_choices: {
    device_id: string;
    submission_id: string;
    ballot_id: string;
    initiative_id: string;
    counted: number;
  };
  proposals: {
    code: string;
    device_id: string;
    submission_id: string;
    branch_id: string;
    title: string;
    description: string | null;
    language: string;
    has_voice: number;
    contact_sealed: string | null;
    /** 1: the citizen asked to be told of the decision at their contact (notifications). Defaults to 0. */
    notify: Generated<number>;
    received_at: string;
    status: 'pending' | 'accepted' | 'rejected';
    reason: string | null;
    ballot_id: string | null;
    initiative_id: string | null;
    decided_at: string | null;
    decided_by: string | null;
  };
  published_results: {
    kind: 'survey' | 'ballot';
    content_id: string;
    published_at: string;
    published_by: string;
  };
  branches: {
    id: string;
    /** Short uppercase code on the desk cards (TB01): QR alphanumeric mode. */
    code: string;
    name_json: string;
    created_at: string;
  };
  desks: {
    branch_id: string;
    /** The id kiosk configs use (desk.id). */
    id: string;
    /** The card's number: the desk's code is the branch code and this number, TB01-07. */
    number: number;
    services_json: string;
    created_at: string;
  };
  phone_vote_attempts: {
    ballot_id: string;
    address_sha256: string;
    at: string;
    refused: number;
  };
  spoken_texts: {
    key: string;
    lang: string;
    text: string;
    created_at: string;
  };
  web_sessions: {
    id_sha256: string;
    csrf_token: string;
    state_json: string;
    created_at: string;
    updated_at: string;
  };
  staff_sessions: {
    token_sha256: string;
    username: string;
    csrf_token: string;
    created_at: string;
    expires_at: string;
  };
}

export { FEEDBACK_STATUSES, type FeedbackStatus } from '../../protocol/feedbackStatus.js';
export const DEVICE_CHANNELS = ['kiosk', 'phone', 'web'] as const;
export type DeviceChannel = (typeof DEVICE_CHANNELS)[number];
export const STAFF_ROLES = ['admin', 'editor', 'responder', 'technician'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
