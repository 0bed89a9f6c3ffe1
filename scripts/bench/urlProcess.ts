import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

export interface UrlProcess {
  readonly url: string;
  stop(): Promise<void>;
}

/** A node process started in the checkout; resolves once it prints `KIOSK_URL=…`, as the kiosk's hosts do. */
export function startUrlProcess(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<UrlProcess> {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
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
    void exited.then(() => reject(new Error(`${args.join(' ')} exited: ${out}`)));
  });
}
