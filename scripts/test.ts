import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

// `npm test`: lint, type-check, unit + API tests, renderer build, e2e in Chromium.
// Stops at the first failing gate and ends with one summary line of test counts.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RESULTS = 'var/test-results';
mkdirSync(RESULTS, { recursive: true });

function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  const root = process.getuid?.() === 0;
  if (root && existsSync('/usr/bin/apt-get')) {
    console.log('Chromium is missing: installing Debian\'s chromium package (we are root)...');
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    const install = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (update.status === 0 && install.status === 0 && existsSync(CHROMIUM)) return;
  }
  console.error(`The e2e tests need Chromium at ${CHROMIUM}. Install it with:\n  sudo apt-get install -y chromium\n(or set CHROMIUM_PATH to another Chromium binary).`);
  process.exit(1);
}

const step = (name: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): void => {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`\n${name} failed (exit ${String(result.status ?? result.signal)}).`);
    summary();
    process.exit(result.status ?? 1);
  }
};

const readJson = <T>(file: string): T | undefined => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : undefined);

function summary(): void {
  const unit = readJson<{ numPassedTests: number; numFailedTests: number }>(`${RESULTS}/vitest.json`);
  const e2e = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(`${RESULTS}/playwright.json`);
  const passed = (unit?.numPassedTests ?? 0) + (e2e ? e2e.stats.expected + e2e.stats.flaky : 0);
  const failed = (unit?.numFailedTests ?? 0) + (e2e?.stats.unexpected ?? 0);
  console.log(`\ntests: ${passed} passed, ${failed} failed`);
}

ensureChromium();
const npx = 'npx';
spawnSync('rm', ['-f', `${RESULTS}/vitest.json`, `${RESULTS}/playwright.json`]);
step('lint', 'npm', ['run', '--silent', 'lint']);
step('typecheck', 'npm', ['run', '--silent', 'typecheck']);
// Built before the tests: the crash-loop test kills the compiled kiosk core, and e2e serves the renderer.
step('build', 'npm', ['run', '--silent', 'build:renderer']);
step('build node', 'npm', ['run', '--silent', 'build:node']);
step('unit and API tests', npx, ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${RESULTS}/vitest.json`]);
step('e2e (Chromium)', npx, ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: `${RESULTS}/playwright.json` });
summary();
