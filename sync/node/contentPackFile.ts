import { readFileSync } from 'node:fs';
import { ContentPack } from '../protocol/contentPack.js';
import { FileFieldError } from './fileFieldError.js';

/**
 * Reads a content pack file, as Central publishes one (a kiosk's `starterContent`, Central's `serve --content`);
 * a problem names the file and the field.
 */
export function loadContentPackFile(file: string): ContentPack {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new FileFieldError(file, '(file)', `cannot be read as JSON (${(error as Error).message})`, 'content pack');
  }
  const parsed = ContentPack.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new FileFieldError(
      file,
      issue && issue.path.length > 0 ? issue.path.join('.') : '(root)',
      issue?.message ?? 'not a content pack',
      'content pack',
    );
  }
  return parsed.data;
}
