import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Something that must never be found on disk: a label for the report, and the byte patterns that would betray it. */
export interface Secret {
  readonly label: string;
  readonly patterns: readonly Buffer[];
}

/** A text as it could be stored: UTF-8 (SQLite, logs, JSON) and UTF-16LE (Chromium's LevelDB and session files). */
export const textSecret = (label: string, text: string): Secret => ({
  label,
  patterns: [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le')],
});

/** Raw bytes (a slice of a spoken WAV), as any cache would keep them. */
export const bytesSecret = (label: string, bytes: Buffer): Secret => ({ label, patterns: [bytes] });

/** A secret found on disk: which one, and in which file (by its name or its bytes). */
export interface Trace {
  readonly secret: string;
  readonly file: string;
}

/**
 * Every file under the folders (recursively) whose name or bytes contain a
 * secret. Empty means the secrets are nowhere on disk there.
 */
export function findSecrets(folders: readonly string[], secrets: readonly Secret[]): Trace[] {
  const found: Trace[] = [];
  const walk = (path: string) => {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) return readdirSync(path).forEach((name) => walk(join(path, name)));
    if (!stat.isFile()) return;
    const bytes = readFileSync(path);
    for (const secret of secrets) {
      if (secret.patterns.some((pattern) => bytes.includes(pattern) || Buffer.from(path).includes(pattern)))
        found.push({ secret: secret.label, file: path });
    }
  };
  folders.forEach(walk);
  return found;
}
