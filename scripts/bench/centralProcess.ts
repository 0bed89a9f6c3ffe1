import { DEMO_CONTENT_FILE } from '../../kiosk-config/demo/demoContentFile.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

export interface CentralProcess {
  readonly url: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

/** The compiled Central (dist/node) in its own process, as in production, with a demo token. */
export function startCentralProcess(
  dataDir: string,
  demoToken: string,
  /** More CLI arguments, more environment, and every line Central prints after it listens (its request log). */
  options: { readonly args?: readonly string[]; readonly env?: NodeJS.ProcessEnv; readonly onLine?: (line: string) => void } = {},
): Promise<CentralProcess> {
  // e.g. BENCH_CENTRAL_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' to profile Central under the benchmark's load.
  const nodeArgs = process.env.BENCH_CENTRAL_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(
    process.execPath,
    [
      ...nodeArgs,
      join(ROOT, 'dist/node/sync/central/cli.js'),
      'serve',
      '--data',
      dataDir,
      '--port',
      '0',
      '--content',
      DEMO_CONTENT_FILE,
      '--demo-token',
      demoToken,
      ...(options.args ?? []),
    ],
    {
      cwd: ROOT,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Central listening on (\S+)/.exec(out);
      if (match?.[1]) {
        child.stdout.removeAllListeners('data');
        const onLine = options.onLine;
        if (onLine) {
          let partial = '';
          child.stdout.on('data', (more: Buffer) => {
            const lines = (partial + more.toString()).split('\n');
            partial = lines.pop() ?? '';
            lines.forEach(onLine);
          });
        } else child.stdout.resume();
        resolve({
          url: match[1],
          child,
          stop: () =>
            new Promise((done) => {
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`Central exited (${String(code)}): ${out}`)));
  });
}
