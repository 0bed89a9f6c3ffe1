import { startUrlProcess, type UrlProcess } from './urlProcess.js';

export type CompiledKiosk = UrlProcess;

/**
 * The compiled browser host (npm run build:node) in its own process, as a
 * kiosk runs it (tsx would add its own start-up); resolves once it prints its URL.
 */
export function startCompiledKiosk(
  configFile: string,
  env: NodeJS.ProcessEnv = {},
  nodeArgs: readonly string[] = [],
): Promise<CompiledKiosk> {
  return startUrlProcess([...nodeArgs, 'dist/node/src-main/browser-host/cli.js', '--config', configFile, '--port', '0'], env);
}
