import { spawn, type ChildProcess } from 'node:child_process';

/** Child processes started by a script, stopped together (Ctrl-C stops everything cleanly). */
export function createChildren() {
  const children: ChildProcess[] = [];
  let stopping = false;

  const stopAll = async (): Promise<void> => {
    stopping = true;
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 5000).unref();
          }),
      ),
    );
  };

  return {
    /** Starts a command, prefixing its output; resolves `ready` with the first capture of `readyLine`. */
    run(
      label: string,
      command: string,
      args: readonly string[],
      readyLine?: RegExp,
      env: NodeJS.ProcessEnv = {},
    ): { child: ChildProcess; ready: Promise<string> } {
      const child = spawn(command, [...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
      children.push(child);
      let buffer = '';
      const ready = new Promise<string>((resolve, reject) => {
        const onData = (chunk: Buffer) => {
          const text = chunk.toString();
          for (const line of text.split('\n').filter(Boolean)) console.log(`[${label}] ${line}`);
          buffer += text;
          const match = readyLine?.exec(buffer);
          if (match) resolve(match[1] ?? match[0]);
        };
        child.stdout?.on('data', onData);
        child.stderr?.on('data', onData);
        child.once('exit', (code, signal) => {
          if (!stopping) {
            console.error(`[${label}] exited (${signal ?? `code ${String(code)}`})`);
            reject(new Error(`${label} exited before it was ready`));
          }
        });
        if (!readyLine) resolve('');
      });
      return { child, ready };
    },
    stopAll,
    /** Stop every child on Ctrl-C / SIGTERM, and when any of them dies. */
    stopOnSignals(): void {
      const stop = () => void stopAll().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
  };
}
