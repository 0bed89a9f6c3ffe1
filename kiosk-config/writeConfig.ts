import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ConfigError } from './loadConfig.js';
import { KioskConfig } from './schema.js';

/** The steps of one write, in order: a crash test stops the writer at each (see `onStep`). */
export const WRITE_STEPS = [
  'previous-copied',
  'previous-kept',
  'temporary-written',
  'temporary-synced',
  'renamed',
  'folder-synced',
] as const;
export type WriteStep = (typeof WRITE_STEPS)[number];

/** The previous version of a config, kept beside it by every write: `kiosk.json` → `kiosk.json.previous`. */
export const previousVersionOf = (file: string): string => `${resolve(file)}.previous`;

const fsyncPath = (path: string, flags: 'r' | 'r+' = 'r') => {
  const fd = openSync(path, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
};

/** The first problem of a config as a ConfigError naming the file and the field, or undefined when it is valid. */
export function configProblem(file: string, raw: unknown): ConfigError | undefined {
  const parsed = KioskConfig.safeParse(raw);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0];
  return new ConfigError(resolve(file), issue && issue.path.length > 0 ? issue.path.join('.') : '(root)', issue?.message ?? 'invalid');
}

/**
 * Writes a kiosk config so that a crash or power cut at any moment leaves a
 * file that loads: the value is checked by the same schema as loading checks
 * it (a wrong value is refused with the field named, and nothing is written);
 * the current file is first kept as `<file>.previous`; the new one is written
 * to a temporary file in the same folder, synced, renamed over the file (one
 * atomic step), and the folder synced so the rename itself is durable. What is
 * written is the technician's input as given (defaults stay implicit, so a
 * later version's defaults still apply), as JSON with two-space indentation.
 * `onStep` is for the crash test, which stops the writer at each step.
 */
export function writeConfig(file: string, raw: unknown, onStep: (step: WriteStep) => void = () => undefined): void {
  const path = resolve(file);
  const problem = configProblem(path, raw);
  if (problem) throw problem;
  const folder = dirname(path);
  if (existsSync(path)) {
    // The previous version, itself written whole before it replaces the one before it.
    const previous = previousVersionOf(path);
    const previousTemporary = join(folder, `.${basename(path)}.previous.${String(process.pid)}.tmp`);
    copyFileSync(path, previousTemporary);
    fsyncPath(previousTemporary, 'r+');
    onStep('previous-copied');
    renameSync(previousTemporary, previous);
    onStep('previous-kept');
  }
  const temporary = join(folder, `.${basename(path)}.${String(process.pid)}.tmp`);
  const fd = openSync(temporary, 'w', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(raw, null, 2)}\n`);
    onStep('temporary-written');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  onStep('temporary-synced');
  renameSync(temporary, path);
  onStep('renamed');
  fsyncPath(folder);
  onStep('folder-synced');
}

/** Plain objects merged key by key; anything else (arrays included) replaced. */
function merged(base: unknown, change: unknown): unknown {
  const isObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!isObject(base) || !isObject(change)) return change;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(change)) out[key] = value === undefined ? undefined : merged(base[key], value);
  return out;
}

/** Applies a change (e.g. `{ idleTimeoutSec: 120 }` or `{ audio: { recordLimitSec: 60 } }`) to the config file, as writeConfig writes. */
export function updateConfig(file: string, change: Record<string, unknown>, onStep?: (step: WriteStep) => void): void {
  const path = resolve(file);
  let current: unknown;
  try {
    current = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(path, '(file)', `cannot be read as JSON (${(error as Error).message})`);
  }
  writeConfig(path, merged(current, change), onStep);
}
