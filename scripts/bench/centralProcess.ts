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
  /**
   * More CLI arguments, more environment, every line Central prints after it listens (its request log),
   * a fixed port (one a proxy names, kept across a restart), and whether its errors are shown.
   */
  options: {
    readonly args?: readonly string[];
    readonly env?: NodeJS.ProcessEnv;
    readonly onLine?: (line: string) => void;
    readonly port?: number;
    /** Where its errors go: shown (default), dropped, or a file descriptor (a log file of its own). */
    readonly stderr?: 'inherit' | 'ignore' | number;
  } = {},
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
      String(options.port ?? 0),
      '--content',
      DEMO_CONTENT_FILE,
      '--demo-token',
      demoToken,
      ...(options.args ?? []),
    ],
    {
      cwd: ROOT,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', options.stderr ?? 'inherit'],
    },
  );
  const stdout = child.stdout;
  if (!stdout) throw new Error('Central: no stdout pipe');
  return new Promise((resolve, reject) => {
    let out = '';
    stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Central listening on (\S+)/.exec(out);
      if (match?.[1]) {
        stdout.removeAllListeners('data');
        const onLine = options.onLine;
        if (onLine) {
          let partial = '';
          stdout.on('data', (more: Buffer) => {
            const lines = (partial + more.toString()).split('\n');
            partial = lines.pop() ?? '';
            lines.forEach(onLine);
          });
        } else stdout.resume();
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
