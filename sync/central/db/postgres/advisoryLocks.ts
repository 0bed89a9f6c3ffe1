/*
 * PostgreSQL advisory locks Central takes, transaction-scoped
 * (pg_advisory_xact_lock: released at COMMIT or ROLLBACK, so a Central
 * killed mid-transaction never leaves one held). One key per concern; the
 * numbers only have to differ from each other within Central's database.
 */

/**
 * Appending to the public record, and ingest as a whole: one writer at a
 * time, so the log's order is one order, an entry's index is the last one
 * plus one, and a vote's counted flag is decided against every vote already
 * stored (as SQLite's single writer decides it).
 */
export const RECORD_APPEND_LOCK = 0x5053_4801;

/** Integrating the record's Merkle hashes: two Centrals never compute the same chunk. */
export const RECORD_INTEGRATE_LOCK = 0x5053_4802;

/** Signing a checkpoint: one Central signs at a time, each after the latest the other signed. */
export const RECORD_SIGN_LOCK = 0x5053_4803;
