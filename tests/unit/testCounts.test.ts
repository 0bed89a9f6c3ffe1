import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countVitest, summaryLine } from '../../scripts/lib/testCounts.js';
import { makeTempDir } from '../support/tempDir.js';

// npm test's closing line must not read "0 failed" when tests did not run:
// a real vitest run over files that break in the ways that hid failures before.
describe("npm test's counts", () => {
  it('counts a throwing beforeAll and a file that cannot load as failures, their tests as skipped', () => {
    const dir = makeTempDir('test-counts');
    try {
      writeFileSync(
        join(dir.path, 'setupThrows.test.ts'),
        "import { beforeAll, it } from 'vitest';\nbeforeAll(() => { throw new Error('boom'); });\nit('a', () => undefined);\nit('b', () => undefined);\n",
      );
      writeFileSync(join(dir.path, 'cannotLoad.test.ts'), "import './does-not-exist.js';\n");
      writeFileSync(join(dir.path, 'fine.test.ts'), "import { it } from 'vitest';\nit('passes', () => undefined);\n");
      const report = join(dir.path, 'report.json');
      spawnSync(
        process.execPath,
        [join('node_modules', 'vitest', 'vitest.mjs'), 'run', '--root', dir.path, '--reporter=json', `--outputFile=${report}`],
        { encoding: 'utf8' },
      );
      const counts = countVitest(JSON.parse(readFileSync(report, 'utf8')));
      expect(counts).toEqual({ passed: 1, failed: 2, skipped: 2 });
    } finally {
      dir.remove();
    }
  }, 60_000);

  it('names the failing step and what did not run in the last line, never "0 failed" after a failed step', () => {
    expect(summaryLine({ passed: 0, failed: 0, skipped: 0 }, { failedStep: 'lint (exit 1)', notRun: ['unit and API tests'] })).toBe(
      'tests: 0 passed, 1 failed, 0 skipped (failed: lint (exit 1); not run: unit and API tests)',
    );
    expect(summaryLine({ passed: 140, failed: 0, skipped: 0 }, { notRun: [] })).toBe('tests: 140 passed, 0 failed, 0 skipped');
  });
});
