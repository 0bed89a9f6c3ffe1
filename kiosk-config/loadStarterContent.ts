import { readFileSync } from 'node:fs';
import { ContentPack } from '../sync/protocol/contentPack.js';
import { ConfigError } from './loadConfig.js';

/** Reads a content pack file (a kiosk's `starterContent`, Central's `serve --content`); a problem names the file and the field. */
export function loadStarterContent(file: string): ContentPack {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(file, '(file)', `cannot be read as JSON (${(error as Error).message})`, 'content pack');
  }
  const parsed = ContentPack.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(
      file,
      issue && issue.path.length > 0 ? issue.path.join('.') : '(root)',
      issue?.message ?? 'not a content pack',
      'content pack',
    );
  }
  return parsed.data;
}
