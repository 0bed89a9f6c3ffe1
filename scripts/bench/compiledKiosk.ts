import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

export interface CompiledKiosk {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * The compiled browser host (npm run build:node) in its own process, as a
 * kiosk runs it (tsx would add its own start-up); resolves once it prints its URL.
 */
export function startCompiledKiosk(
  configFile: string,
  env: NodeJS.ProcessEnv = {},
  nodeArgs: readonly string[] = [],
): Promise<CompiledKiosk> {
  const child = spawn(
    process.execPath,
    [...nodeArgs, join(ROOT, 'dist/node/src-main/browser-host/cli.js'), '--config', configFile, '--port', '0'],
    {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /KIOSK_URL=(\S+)/.exec(out);
      if (match?.[1]) resolve({ url: match[1], stop });
    });
    void exited.then(() => reject(new Error(`kiosk exited: ${out}`)));
  });
}
