import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../kiosk-config/loadConfig.js';
import { makeTempDir } from '../support/tempDir.js';

const dirs: Array<{ remove: () => void }> = [];
afterEach(() => dirs.splice(0).forEach((dir) => dir.remove()));
const writeConfig = (content: unknown): string => {
  const dir = makeTempDir('config');
  dirs.push(dir);
  const file = join(dir.path, 'kiosk.json');
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
};
const valid = {
  kioskId: 'k1',
  branchId: 'b1',
  desk: { id: 'desk-1', services: ['civil-registry'] },
  central: { url: 'http://127.0.0.1:4700' },
};
const failure = (file: string): ConfigError => {
  try {
    loadConfig(file);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('device config', () => {
  it('fills defaults: Georgian first, all five languages, the standard key map, data folder beside the file', () => {
    const file = writeConfig(valid);
    const config = loadConfig(file);
    expect(config.defaultLanguage).toBe('ka');
    expect(config.languages).toEqual(['ka', 'en', 'ru', 'az', 'hy']);
    expect(config.idleTimeoutSec).toBe(90);
    expect(config.keyMap.help).toContain('F1');
    expect(config.dataDir).toBe(join(file, '..', 'var/kiosk'));
  });

  it('names the file and the nested field that is wrong', () => {
    const file = writeConfig({ ...valid, desk: { id: 'desk-1', services: [] } });
    const error = failure(file);
    expect(error.file).toBe(file);
    expect(error.field).toBe('desk.services');
    expect(error.message).toContain(file);
    expect(error.message).toContain('desk.services');
  });

  it('names a missing required field and a wrong type', () => {
    const { kioskId: _omitted, ...withoutId } = valid;
    expect(failure(writeConfig(withoutId)).field).toBe('kioskId');
    expect(failure(writeConfig({ ...valid, idleTimeoutSec: 'soon' })).field).toBe('idleTimeoutSec');
    expect(failure(writeConfig({ ...valid, central: { url: 'ftp://x' } })).field).toBe('central.url');
  });

  it('refuses a default language that is not offered', () => {
    expect(failure(writeConfig({ ...valid, languages: ['en'], defaultLanguage: 'ka' })).field).toBe('defaultLanguage');
  });

  it('reports unreadable and malformed files by name', () => {
    expect(failure(writeConfig('{ not json')).message).toMatch(/kiosk\.json.*not valid JSON/);
    expect(failure('/nonexistent/kiosk.json').message).toMatch(/\/nonexistent\/kiosk\.json.*cannot be read \(ENOENT\)/);
  });

  it('resolves the speech transcript beside the file, and refuses it in production', () => {
    const file = writeConfig({ ...valid, speech: { transcriptFile: 'heard.jsonl' } });
    expect(loadConfig(file).speech.transcriptFile).toBe(join(file, '..', 'heard.jsonl'));
    const saved = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      const error = failure(file);
      expect(error.field).toBe('speech.transcriptFile');
      expect(error.message).toMatch(/refused in production/);
    } finally {
      process.env.NODE_ENV = saved;
    }
  });
});
