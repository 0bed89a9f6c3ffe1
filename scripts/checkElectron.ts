import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { electronVersion } from './lib/electronBinary.js';

// `npm run check:electron`: @doyensec/electronegativity, the static checker of
// Electron's security checklist (it needs no Electron binary), over what the
// Electron host ships: the built main, lockdown, wiring and preload, and the
// renderer's index.html (its CSP). Every finding is fixed, or justified in
// electronegativity.json; anything else, or a justification nothing matches
// any more, fails.
const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'var', 'electronegativity');
const INPUT = join(OUT, 'input');
const REPORT = join(OUT, 'report.sarif');
const BUILT_HOST = join(ROOT, 'dist', 'electron', 'src-main', 'electron');
const RENDERER_INDEX = join(ROOT, 'dist', 'renderer', 'index.html');

interface Justified {
  readonly check: string;
  readonly file: string;
  readonly why: string;
}
interface SarifResult {
  readonly ruleId: string;
  readonly message: { readonly text: string };
  readonly locations?: ReadonlyArray<{
    readonly physicalLocation?: {
      readonly artifactLocation?: { readonly uri?: string };
      readonly region?: { readonly startLine?: number };
    };
  }>;
}

function fail(message: string): never {
  console.error(`check:electron: ${message}`);
  process.exit(1);
}

if (!existsSync(join(BUILT_HOST, 'main.js')) || !existsSync(RENDERER_INDEX))
  fail('build first: npm run build:renderer && npm run build:electron');
rmSync(OUT, { recursive: true, force: true });
mkdirSync(INPUT, { recursive: true });
for (const name of readdirSync(BUILT_HOST).filter((file) => /\.c?js$/.test(file))) copyFileSync(join(BUILT_HOST, name), join(INPUT, name));
copyFileSync(RENDERER_INDEX, join(INPUT, 'index.html'));

const electronMajor = electronVersion().split('.')[0] ?? '45';
// The tool also asks the network for Electron's release list; offline it says so and carries on with -e.
const run = spawnSync(
  process.execPath,
  [
    join(ROOT, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js'),
    '-i',
    INPUT,
    '-e',
    `${electronMajor}.0.0`,
    '-o',
    REPORT,
    '-r',
  ],
  {
    cwd: ROOT,
    encoding: 'utf8',
  },
);
if (!existsSync(REPORT)) fail(`electronegativity wrote no report (exit ${String(run.status)}):\n${run.stdout}${run.stderr}`);

const results = (JSON.parse(readFileSync(REPORT, 'utf8')) as { runs: Array<{ results: SarifResult[] }> }).runs.flatMap((r) => r.results);
const { justified } = JSON.parse(readFileSync(join(ROOT, 'electronegativity.json'), 'utf8')) as { justified: Justified[] };
const where = (result: SarifResult) => {
  const location = result.locations?.[0]?.physicalLocation;
  return { file: location?.artifactLocation?.uri ?? 'N/A', line: location?.region?.startLine ?? 0 };
};
const justification = (result: SarifResult) =>
  justified.find((entry) => entry.check === result.ruleId && entry.file === where(result).file);

const open = results.filter((result) => !justification(result));
const stale = justified.filter((entry) => !results.some((result) => result.ruleId === entry.check && where(result).file === entry.file));
for (const result of results) {
  const { file, line } = where(result);
  const reason = justification(result)?.why;
  console.log(`${reason ? 'justified' : 'FINDING  '} ${result.ruleId} ${file}:${String(line)}: ${reason ?? result.message.text}`);
}
for (const entry of stale)
  console.log(`STALE     ${entry.check} ${entry.file}: justified in electronegativity.json but no longer reported; remove it`);
if (open.length > 0 || stale.length > 0)
  fail(`${String(open.length)} finding(s) neither fixed nor justified, ${String(stale.length)} stale justification(s)`);
console.log(`check:electron: ${String(results.length)} finding(s), all justified in electronegativity.json`);
