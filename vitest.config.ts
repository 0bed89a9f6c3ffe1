import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Central's suites, run a second time with Central on PostgreSQL (the
 * `postgres` project: a throwaway cluster for the run, a database per
 * Central). Suites that act on Central's SQLite file itself (tampering with
 * it by hand, the better-sqlite3 handle of the hot paths) stay on SQLite;
 * backups and restores go through tests/support/centralBackup.ts on both.
 */
const CENTRAL_SUITES = [
  'tests/api/attachments.test.ts',
  'tests/api/central.test.ts',
  'tests/api/contentAuthoring.test.ts',
  'tests/api/demoStory.test.ts',
  'tests/api/crashLoop.test.ts',
  'tests/api/faultProxy.test.ts',
  'tests/api/feedback.test.ts',
  'tests/api/fleetConsole.test.ts',
  'tests/api/fuzzCentral.test.ts',
  'tests/api/indicators.test.ts',
  'tests/api/ingestDecisions.test.ts',
  'tests/api/phoneChannel.test.ts',
  'tests/api/phoneListenAndVoice.test.ts',
  'tests/api/phoneSharedAddress.test.ts',
  'tests/api/phoneVotes.test.ts',
  'tests/api/processPages.test.ts',
  'tests/api/publicRecord.test.ts',
  'tests/api/receipts.test.ts',
  'tests/api/recordWitness.test.ts',
  'tests/api/recordEvents.test.ts',
  'tests/api/requestSigning.test.ts',
  'tests/api/sharedRateLimits.test.ts',
  'tests/api/syncClient.test.ts',
  'tests/api/trustProxy.test.ts',
  'tests/api/uploadAccess.test.ts',
  'tests/api/notifications.test.ts',
  'tests/api/voiceMessages.test.ts',
  'tests/api/votes.test.ts',
];

/** Suites about PostgreSQL itself: two Centrals on one database (and the fleet simulation over them), the move from SQLite, backups, readiness. */
const POSTGRES_ONLY = [
  'tests/api/twoCentrals.test.ts',
  'tests/api/fleetSim.test.ts',
  'tests/api/postgresIngest.test.ts',
  'tests/api/moveToPostgres.test.ts',
  'tests/api/postgresBackup.test.ts',
  'tests/api/centralReadiness.test.ts',
  'tests/api/notifyExactlyOnce.test.ts',
];

export default defineConfig({
  test: {
    environment: 'node',
    // better-sqlite3 is a native addon: separate processes are the safe pool for it.
    pool: 'forks',
    // As many files at a time as there are cores. Vitest's default is one fewer, which on these 2 cores is one file at a time.
    // Most of a file's time is waiting (on a Central, PostgreSQL, eSpeak NG, arecord), so two overlap well:
    // 9.3 min instead of 15-17 for the same 110 files on 2026-12-07 (README, `npm test`).
    maxWorkers: availableParallelism(),
    testTimeout: 20_000,
    // A focused test would hide the rest of the suite: refused everywhere, not only on CI.
    allowOnly: false,
    projects: [
      {
        extends: true,
        test: {
          name: 'sqlite',
          include: ['tests/unit/**/*.test.ts', 'tests/api/**/*.test.ts'],
          exclude: POSTGRES_ONLY,
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: [...CENTRAL_SUITES, ...POSTGRES_ONLY],
          globalSetup: ['tests/support/postgresGlobalSetup.ts'],
          env: { PSH_TEST_CENTRAL_ENGINE: 'postgres' },
        },
      },
    ],
  },
});
