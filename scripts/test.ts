import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

// `npm test`: lint, type-check, unit + API tests, renderer build, e2e in Chromium.
// Stops at the first failing gate and ends with one summary line of test counts.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RESULTS = 'var/test-results';
mkdirSync(RESULTS, { recursive: true });

/** Debian packages the tests drive for real: Chromium (e2e) and arecord (voice messages, from alsa-utils). */
const SYSTEM_TOOLS = [
  { path: CHROMIUM, pkg: 'chromium', why: 'the e2e tests need Chromium (or set CHROMIUM_PATH to another Chromium binary)' },
  { path: '/usr/bin/arecord', pkg: 'alsa-utils', why: 'the voice-message tests record with arecord' },
];

function ensureSystemTools(): void {
  const missing = SYSTEM_TOOLS.filter((tool) => !existsSync(tool.path));
  if (missing.length === 0) return;
  const packages = missing.map((tool) => tool.pkg);
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log(`Missing ${packages.join(', ')}: installing Debian's packages (we are root)...`);
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    const install = spawnSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (update.status === 0 && install.status === 0 && missing.every((tool) => existsSync(tool.path))) return;
  }
  for (const tool of missing) console.error(`Missing ${tool.path}: ${tool.why}.`);
  console.error(`Install with:\n  sudo apt-get install -y ${packages.join(' ')}`);
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

ensureSystemTools();
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
