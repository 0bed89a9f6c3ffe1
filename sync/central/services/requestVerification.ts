import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { MAX_CLOCK_SKEW_MS, SIGNATURE_HEADERS, signingString, UNSIGNED_PAYLOAD, type AuthRefusal } from '../../protocol/signing.js';
import type BetterSqlite3 from 'better-sqlite3';
import { sqliteHandleOf } from '../db/openCentralDb.js';
import { isPostgres } from '../db/dialect.js';
import type { CentralDatabase } from '../db/schema.js';

/**
 * Parsed device keys by their PEM text: parsing a PEM on every request was a
 * visible share of Central's time under load. Keyed by the PEM itself, so a
 * re-enrolled device (new key) can never be checked against its old one.
 */
const keyCache = new Map<string, KeyObject>();
const KEY_CACHE_MAX = 10_000;
function publicKeyOf(pem: string): KeyObject {
  let key = keyCache.get(pem);
  if (!key) {
    key = createPublicKey(pem);
    if (keyCache.size >= KEY_CACHE_MAX) keyCache.clear();
    keyCache.set(pem, key);
  }
  return key;
}

/**
 * Ed25519 verification on libuv's thread pool (crypto.verify's callback form),
 * not on the thread that parses every request: under 50 kiosks' pushes it was
 * a visible share of Central's main thread, and the pool's threads were idle.
 */
function signatureHolds(signed: string, publicKeyPem: string, signature: string): Promise<boolean> {
  return new Promise((resolve) => {
    try {
      verify(null, Buffer.from(signed), publicKeyOf(publicKeyPem), Buffer.from(signature, 'base64'), (error, valid) =>
        resolve(error === null && valid),
      );
    } catch {
      resolve(false); // a malformed key or signature is a bad signature, not a server error
    }
  });
}

export interface SignedRequest {
  readonly method: string;
  readonly url: string;
  readonly rawBody: Buffer | undefined;
  /** Resumable upload chunks are not hashed into the signature (see UNSIGNED_PAYLOAD). */
  readonly unsignedPayload?: boolean;
  readonly header: (name: string) => string | undefined;
}

export interface VerifiedDevice {
  readonly id: string;
  readonly branchId: string;
  /** Set when the caller chose to claim the nonce itself, inside its own transaction. */
  readonly nonce?: string;
}

/** Thrown inside a transaction that claims a nonce already seen: the whole request is refused. */
export class ReplayedNonceError extends Error {
  override name = 'ReplayedNonceError';
}

/** Claims a nonce (stores it as used); false when it was already used. Inside the caller's transaction when given one. */
export async function claimNonce(
  db: Kysely<CentralDatabase> | Transaction<CentralDatabase>,
  deviceId: string,
  nonce: string,
  now = Date.now(),
): Promise<boolean> {
  const inserted = await db
    .insertInto('request_nonces')
    .values({ device_id: deviceId, nonce, seen_at: now })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return (inserted.numInsertedOrUpdatedRows ?? 0n) === 1n;
}

interface DeviceRow {
  readonly id: string;
  readonly branch_id: string;
  readonly public_key: string;
  readonly revoked_at: string | null;
  readonly channel: string;
}
const deviceStatements = new WeakMap<BetterSqlite3.Database, BetterSqlite3.Statement<[string], DeviceRow>>();

/** Every signed request looks its device up: a cached statement under Kysely's connection lock, not a compiled query. */
function deviceRow(db: Kysely<CentralDatabase>, deviceId: string): Promise<DeviceRow | undefined> {
  // On PostgreSQL the network round trip is the cost, not compiling the query.
  if (isPostgres(db))
    return db
      .selectFrom('devices')
      .select(['id', 'branch_id', 'public_key', 'revoked_at', 'channel'])
      .where('id', '=', deviceId)
      .executeTakeFirst();
  const sqlite = sqliteHandleOf(db);
  let statement = deviceStatements.get(sqlite);
  if (!statement) {
    statement = sqlite.prepare<[string], DeviceRow>('SELECT id, branch_id, public_key, revoked_at, channel FROM devices WHERE id = ?');
    deviceStatements.set(sqlite, statement);
  }
  const lookup = statement;
  return db.connection().execute(() => Promise.resolve(lookup.get(deviceId)));
}

// Nonces older than the widest accepted timestamp can never be replayed successfully.
const NONCE_RETENTION_MS = 2 * MAX_CLOCK_SKEW_MS;
let lastPurge = 0;

/**
 * Checks that a request was signed by an enrolled, unrevoked kiosk, recently,
 * and only once. Order matters: cheap checks first, the nonce is recorded
 * last so a request with a bad signature cannot burn a legitimate nonce.
 */
export async function verifySignedRequest(
  db: Kysely<CentralDatabase>,
  request: SignedRequest,
  now = Date.now(),
  options: { deferNonce?: boolean } = {},
): Promise<VerifiedDevice | AuthRefusal> {
  const deviceId = request.header(SIGNATURE_HEADERS.device);
  const timestamp = request.header(SIGNATURE_HEADERS.timestamp);
  const nonce = request.header(SIGNATURE_HEADERS.nonce);
  const signature = request.header(SIGNATURE_HEADERS.signature);
  if (!deviceId || !timestamp || !nonce || !signature || nonce.length > 64 || deviceId.length > 64) return 'missing-signature';

  const device = await deviceRow(db, deviceId);
  // A phone channel device holds no key: nothing can sign as it (services/channelDevices.ts).
  if (!device || device.channel !== 'kiosk') return 'unknown-device';
  if (device.revoked_at) return 'revoked-device';

  const sentAt = Number(timestamp);
  if (!Number.isSafeInteger(sentAt) || Math.abs(now - sentAt) > MAX_CLOCK_SKEW_MS) return 'stale-timestamp';

  const bodySha256 = request.unsignedPayload
    ? UNSIGNED_PAYLOAD
    : createHash('sha256')
        .update(request.rawBody ?? Buffer.alloc(0))
        .digest('hex');
  const signed = signingString({ method: request.method, path: request.url, bodySha256, timestamp, nonce, deviceId });
  const valid = await signatureHolds(signed, device.public_key, signature);
  if (!valid) return 'bad-signature';

  // A batch push records its nonce in the batch's own transaction: one durable commit per request, not two.
  if (options.deferNonce) return { id: device.id, branchId: device.branch_id, nonce };
  if (!(await claimNonce(db, deviceId, nonce, now))) return 'replayed-nonce';
  // Purging costs a durable commit of its own: once a minute is plenty (rows live 10 minutes anyway).
  if (now - lastPurge > 60_000) {
    lastPurge = now;
    await db
      .deleteFrom('request_nonces')
      .where('seen_at', '<', now - NONCE_RETENTION_MS)
      .execute();
  }
  return { id: device.id, branchId: device.branch_id };
}
