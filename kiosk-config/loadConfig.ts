import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { KioskConfig } from './schema.js';
import { FileFieldError } from '../sync/node/fileFieldError.js';

/** Thrown when the device config cannot be used; the message names the file and the field. */
export class ConfigError extends FileFieldError {
  constructor(file: string, field: string, expected: string) {
    super(file, field, expected, 'kiosk config');
    this.name = 'ConfigError';
  }
}

/** Reads, validates and resolves a kiosk config file. Any problem is a ConfigError. */
export function loadConfig(file: string): KioskConfig {
  const path = resolve(file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(path, '(file)', `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(path, '(file)', `is not valid JSON (${(error as Error).message})`);
  }
  const parsed = KioskConfig.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue && issue.path.length > 0 ? issue.path.join('.') : '(root)';
    throw new ConfigError(path, field, issue?.message ?? 'invalid');
  }
  const config = parsed.data;
  const fromHere = (target: string) => (isAbsolute(target) ? target : resolve(dirname(path), target));
  const transcriptFile = process.env.KIOSK_SPEECH_TRANSCRIPT ?? config.speech.transcriptFile;
  if (transcriptFile && process.env.NODE_ENV === 'production') {
    throw new ConfigError(
      path,
      'speech.transcriptFile',
      'is a test aid and is refused in production builds (it would record what visitors typed)',
    );
  }
  return {
    ...config,
    dataDir: fromHere(config.dataDir),
    ...(config.starterContent ? { starterContent: fromHere(config.starterContent) } : {}),
    speech: { ...config.speech, ...(transcriptFile ? { transcriptFile: fromHere(transcriptFile) } : {}) },
  };
}
