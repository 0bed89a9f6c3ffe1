import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { electronBinary } from './lib/electronBinary.js';
import { HAPROXY } from './fleet/haproxy.js';
import { postgresBinDir } from '../tests/support/postgresCluster.js';
import { countPlaywright, countVitest, summaryLine, type Counts } from './lib/testCounts.js';

// `npm test`: lint, type-check, builds, the Electron static check, unit + API
// tests, e2e in Chromium, and the Electron e2e where a binary exists. Stops at
// the first failing step. The last line counts passed, failed and skipped
// tests, names the failing step and what did not run; a skipped test fails
// the run (nothing passes by being skipped).
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RESULTS = 'var/test-results';
const VITEST_JSON = `${RESULTS}/vitest.json`;
const PLAYWRIGHT_JSON = `${RESULTS}/playwright.json`;
const ELECTRON_JSON = `${RESULTS}/playwright-electron.json`;
mkdirSync(RESULTS, { recursive: true });

/** Debian packages the tests drive for real: Chromium (e2e), arecord (voice messages, from alsa-utils), pdftoppm (printed desk cards), opusenc (Listen audio), HAProxy (the fleet simulation), PostgreSQL (Central's second engine). */
const SYSTEM_TOOLS = [
  { path: CHROMIUM, pkg: 'chromium', why: 'the e2e tests need Chromium (or set CHROMIUM_PATH to another Chromium binary)' },
  { path: '/usr/bin/arecord', pkg: 'alsa-utils', why: 'the voice-message tests record with arecord' },
  { path: '/usr/bin/pdftoppm', pkg: 'poppler-utils', why: 'the desk-card test rasterises the card Chromium prints to PDF' },
  {
    path: '/usr/bin/opusenc',
    pkg: 'opus-tools',
    why: "the phone pages' Listen audio is encoded to Ogg Opus by opusenc, and decoded in the tests by opusdec",
  },
  { path: HAPROXY, pkg: 'haproxy', why: "the fleet simulation's test puts two Centrals behind HAProxy, a real reverse proxy" },
  {
    path: postgresBinDir() ?? '/usr/lib/postgresql/15/bin',
    pkg: 'postgresql',
    why: "Central's suites run a second time on PostgreSQL, in a throwaway cluster (initdb, pg_ctl)",
  },
];

function ensureSystemTools(): void {
  const missing = SYSTEM_TOOLS.filter((tool) => !existsSync(tool.path));
  if (missing.length === 0) return;
  const packages = missing.map((tool) => tool.pkg);
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log(`Missing ${packages.join(', ')}: installing Debian's packages (we are root)...`);
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    const install = spawnSync('apt-get', ['install', '-y', '-qq', ...packages], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (update.status === 0 && install.status === 0 && missing.every((tool) => existsSync(tool.path))) return;
  }
  for (const tool of missing) console.error(`Missing ${tool.path}: ${tool.why}.`);
  console.error(`Install with:\n  sudo apt-get install -y ${packages.join(' ')}`);
  process.exit(1);
}

const readJson = <T>(file: string): T | undefined => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : undefined);

const notRun: string[] = [];
function counts(): Counts {
  const all = [countVitest(readJson(VITEST_JSON)), countPlaywright(readJson(PLAYWRIGHT_JSON)), countPlaywright(readJson(ELECTRON_JSON))];
  return all.reduce((sum, next) => ({
    passed: sum.passed + next.passed,
    failed: sum.failed + next.failed,
    skipped: sum.skipped + next.skipped,
  }));
}

interface Step {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
}

function runSteps(steps: readonly Step[]): void {
  for (const [index, step] of steps.entries()) {
    console.log(`\n=== ${step.name}: ${step.command} ${step.args.join(' ')}`);
    const result = spawnSync(step.command, [...step.args], { stdio: 'inherit', env: { ...process.env, ...step.env } });
    if (result.status !== 0) {
      notRun.push(...steps.slice(index + 1).map((later) => later.name));
      console.log(`\n${summaryLine(counts(), { failedStep: `${step.name} (exit ${String(result.status ?? result.signal)})`, notRun })}`);
      process.exit(result.status ?? 1);
    }
  }
}

ensureSystemTools();
for (const file of [VITEST_JSON, PLAYWRIGHT_JSON, ELECTRON_JSON]) rmSync(file, { force: true });
const steps: Step[] = [
  { name: 'lint', command: 'npm', args: ['run', '--silent', 'lint'] },
  { name: 'typecheck', command: 'npm', args: ['run', '--silent', 'typecheck'] },
  // Built before the tests: the crash-loop test kills the compiled kiosk core, e2e serves the renderer, the host test loads dist/electron.
  { name: 'build', command: 'npm', args: ['run', '--silent', 'build'] },
  { name: 'electron static check', command: 'npm', args: ['run', '--silent', 'check:electron'] },
  {
    name: 'unit and API tests',
    command: 'npx',
    args: ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${VITEST_JSON}`],
  },
  {
    name: 'e2e (Chromium)',
    command: 'npx',
    args: ['playwright', 'test', '--reporter=list,json'],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: PLAYWRIGHT_JSON },
  },
];
const electron = electronBinary();
if (electron) {
  steps.push({
    name: 'e2e (Electron)',
    command: 'npx',
    args: ['playwright', 'test', '--config', 'playwright.electron.config.ts', '--reporter=list,json'],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: ELECTRON_JSON, ELECTRON_PATH: electron },
  });
} else {
  notRun.push('e2e (Electron): no Electron binary here (set ELECTRON_PATH)');
}
runSteps(steps);

const total = counts();
if (total.skipped > 0) {
  console.log(
    `\n${summaryLine(total, { failedStep: `${String(total.skipped)} test(s) skipped (a throwing beforeAll, or .skip): none may pass by not running`, notRun })}`,
  );
  process.exit(1);
}
if (total.passed === 0) {
  console.log(`\n${summaryLine(total, { failedStep: 'no test ran', notRun })}`);
  process.exit(1);
}
console.log(`\n${summaryLine(total, { notRun })}`);
