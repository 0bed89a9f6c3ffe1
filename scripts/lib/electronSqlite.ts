import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { electronVersion } from './electronBinary.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SQLITE_PACKAGE = join(ROOT, 'node_modules', 'better-sqlite3');
const ELECTRON_HEADERS = 'https://electronjs.org/headers';

/** npm's own node-gyp (npm ships it to build addons): no extra dependency for a step only Electron machines take. */
function nodeGypScript(): string {
  const npmCli = process.env.npm_execpath;
  const candidates = [
    npmCli ? join(dirname(npmCli), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js') : '',
    join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  const found = candidates.find((path) => path && existsSync(path));
  if (!found) throw new Error('node-gyp (shipped with npm) not found: cannot build better-sqlite3 for Electron');
  return found;
}

/**
 * better-sqlite3 built for Electron's ABI, beside Node's, so `npm start` can
 * run the kiosk in Electron while Central and the tests keep Node's build
 * (an in-place rebuild would break them). Built once per Electron version
 * into var/electron-sqlite/<version>/ from a copy of the package: first a
 * prebuilt addon for Electron (prebuild-install, as better-sqlite3's own
 * install does), else compiled against Electron's headers with node-gyp.
 * Both need the network, which Electron machines have (they downloaded it).
 * Answers the addon's path, handed to the kiosk as PSH_SQLITE_BINDING.
 */
export function ensureElectronSqlite(version = electronVersion()): string {
  const dir = resolve(ROOT, 'var', 'electron-sqlite', version);
  const addon = join(dir, 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(addon)) return addon;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const copy = join(dir, 'better-sqlite3');
  cpSync(SQLITE_PACKAGE, copy, { recursive: true, filter: (source) => !source.includes(`${join('better-sqlite3', 'build')}`) });
  console.log(`Building better-sqlite3 for Electron ${version} in ${copy} (once per Electron version)...`);
  const prebuilt = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'prebuild-install', 'bin.js'), '--runtime', 'electron', '--target', version],
    {
      cwd: copy,
      stdio: 'inherit',
    },
  );
  if (prebuilt.status !== 0 || !existsSync(addon)) {
    const built = spawnSync(
      process.execPath,
      [nodeGypScript(), 'rebuild', '--release', `--target=${version}`, `--dist-url=${ELECTRON_HEADERS}`],
      {
        cwd: copy,
        stdio: 'inherit',
      },
    );
    if (built.status !== 0 || !existsSync(addon))
      throw new Error(`Could not build better-sqlite3 for Electron ${version} (see the output above)`);
  }
  return addon;
}
