import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/api/**/*.test.ts'],
    environment: 'node',
    // better-sqlite3 is a native addon: separate processes are the safe pool for it.
    pool: 'forks',
    testTimeout: 20_000,
    // A focused test would hide the rest of the suite: refused everywhere, not only on CI.
    allowOnly: false,
  },
});
