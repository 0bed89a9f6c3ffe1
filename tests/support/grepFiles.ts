import { findSecrets } from './privacyScan.js';

/** Every file under `dir` (recursively) whose bytes (UTF-8) or name contain `needle`: for "never stored in clear" checks. */
export function filesContaining(dir: string, needle: string): string[] {
  return findSecrets([dir], [{ label: needle, patterns: [Buffer.from(needle, 'utf8')] }]).map((trace) => trace.file);
}
