import { DEMO_CONTENT_FILE } from '../../kiosk-config/demo/demoContentFile.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KioskConfigInput } from '../../kiosk-config/schema.js';

export const DEMO_TOKEN = 'e2e-enrolment-token-0123456789';
const ROOT = join(import.meta.dirname, '..', '..');

export interface RunningProcess {
  readonly url: string;
  readonly child: ChildProcess;
  readonly output: () => string;
  /** SIGTERM (clean stop) or SIGKILL (power cut), then wait for the exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Runs a TypeScript entry point with tsx and waits for a line that tells its URL. */
function startTs(entry: string, args: string[], ready: RegExp, env: NodeJS.ProcessEnv = {}): Promise<RunningProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, entry), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry} did not start in time:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({
          url: match[1],
          child,
          output: () => output,
          stop: (signal = 'SIGTERM') =>
            new Promise((done) => {
              if (child.exitCode !== null || child.signalCode !== null) return done();
              child.once('exit', () => done());
              child.kill(signal);
            }),
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited with ${String(code)} before it was ready:\n${output}`));
    });
  });
}

/** `extraArgs`: e.g. ['--demo-data'] for demo staff accounts and demo feedback. */
export function startCentralProcess(
  dataDir: string,
  port: number,
  env: NodeJS.ProcessEnv = {},
  extraArgs: readonly string[] = [],
): Promise<RunningProcess> {
  return startTs(
    'sync/central/cli.ts',
    [
      'serve',
      ...['--data', dataDir, '--port', String(port), '--content', DEMO_CONTENT_FILE],
      ...['--demo-token', DEMO_TOKEN, '--demo-branch', 'tbilisi-central', ...extraArgs],
    ],
    /Central listening on (http:\/\/127\.0\.0\.1:\d+)/,
    env,
  );
}

/** Writes a kiosk config beside the data folder and starts the browser host on it. */
export function writeKioskConfig(dir: string, centralUrl: string, overrides: Partial<KioskConfigInput> = {}): string {
  const file = join(dir, 'kiosk.json');
  const config: KioskConfigInput = {
    kioskId: 'e2e-kiosk-01',
    branchId: 'tbilisi-central',
    desk: { id: 'desk-7', services: ['civil-registry'] },
    // Fast retries so an outage test does not wait out production backoff.
    central: { url: centralUrl, enrolmentToken: DEMO_TOKEN, syncIntervalMs: 500, backoffBaseMs: 100, backoffCapMs: 1000 },
    starterContent: DEMO_CONTENT_FILE,
    dataDir: 'kiosk-data',
    ...overrides,
  };
  writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}

/** `extraArgs`: e.g. ['--renderer', DIR] for another renderer build. */
export function startKioskProcess(
  configFile: string,
  env: NodeJS.ProcessEnv = {},
  extraArgs: readonly string[] = [],
): Promise<RunningProcess> {
  return startTs(
    'src-main/browser-host/cli.ts',
    ['--config', configFile, '--port', '0', ...extraArgs],
    /KIOSK_URL=(http:\/\/127\.0\.0\.1:\d+)/,
    env,
  );
}
