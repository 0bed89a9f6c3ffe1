import { ConfigError, loadConfig } from '../../../kiosk-config/loadConfig.js';
import type { KioskConfig } from '../../../kiosk-config/schema.js';
import { updateConfig } from '../../../kiosk-config/writeConfig.js';
import type { Language } from '../../../sync/protocol/localized.js';
import { Refusal } from '../submit/refusal.js';

/** What a technician may change on the spot, flat, as the settings screen shows it (issue #17 item 5). */
export interface KioskSettings {
  readonly languages: readonly Language[];
  readonly defaultLanguage: Language;
  readonly deskId: string;
  readonly services: readonly string[];
  readonly idleTimeoutSec: number;
  readonly idleWarningSec: number;
  readonly speechRate: number;
  readonly speechVolume: number;
  readonly headsetIsOutput: boolean;
  readonly recordLimitSec: number;
  readonly inputDevice: string;
  readonly outputDevice: string;
}
export type SettingName = keyof KioskSettings;

/** Where each setting lives in the config file: a refusal names the setting, not the file's path. */
export const SETTING_PATHS: Readonly<Record<SettingName, string>> = {
  languages: 'languages',
  defaultLanguage: 'defaultLanguage',
  deskId: 'desk.id',
  services: 'desk.services',
  idleTimeoutSec: 'idleTimeoutSec',
  idleWarningSec: 'idleWarningSec',
  speechRate: 'speech.rate',
  speechVolume: 'speech.volume',
  headsetIsOutput: 'audio.headsetIsOutput',
  recordLimitSec: 'audio.recordLimitSec',
  inputDevice: 'audio.inputDevice',
  outputDevice: 'audio.outputDevice',
};

export function settingsOf(config: KioskConfig): KioskSettings {
  return {
    languages: config.languages,
    defaultLanguage: config.defaultLanguage,
    deskId: config.desk.id,
    services: config.desk.services,
    idleTimeoutSec: config.idleTimeoutSec,
    idleWarningSec: config.idleWarningSec,
    speechRate: config.speech.rate,
    speechVolume: config.speech.volume,
    headsetIsOutput: config.audio.headsetIsOutput,
    recordLimitSec: config.audio.recordLimitSec,
    inputDevice: config.audio.inputDevice,
    outputDevice: config.audio.outputDevice,
  };
}

/** The settings' change as a change of the config file's own shape (only what was given). */
function configChange(change: Partial<KioskSettings>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(change) as [SettingName, unknown][]) {
    if (value === undefined) continue;
    const path = SETTING_PATHS[name].split('.');
    let at = out;
    for (const key of path.slice(0, -1)) at = (at[key] ??= {}) as Record<string, unknown>;
    at[path[path.length - 1] as string] = value;
  }
  return out;
}

const settingOfPath = (path: string): string =>
  (Object.entries(SETTING_PATHS) as [SettingName, string][]).find(([, at]) => path === at || path.startsWith(`${at}.`))?.[0] ?? path;

/**
 * Saves a technician's change to the kiosk's config file and applies it at
 * once. The file is written by writeConfig (checked by the same schema as
 * loading, temporary file, fsync, rename, previous version kept), then loaded
 * back as the kiosk would load it at start, and its values are copied into
 * the running config object. Every part of the core reads the config object
 * at the moment it acts (a submission's desk, the heartbeat's desk, the
 * recorder's device and limit, the UI's `app.info`), so nothing restarts: a
 * visitor's session and the outbox go on untouched. A wrong value is refused
 * with the setting named, and nothing is written or applied.
 * Answers the names of the settings whose value changed.
 */
export function saveSettings(configFile: string | undefined, config: KioskConfig, change: Partial<KioskSettings>): SettingName[] {
  if (!configFile) throw new Refusal('bad-request', 'This kiosk was started without a config file; settings cannot be saved', 'change');
  const before = settingsOf(config);
  try {
    updateConfig(configFile, configChange(change));
  } catch (error) {
    if (error instanceof ConfigError) throw new Refusal('bad-request', error.message, settingOfPath(error.field));
    throw error;
  }
  const saved = loadConfig(configFile);
  Object.assign(config, {
    languages: saved.languages,
    defaultLanguage: saved.defaultLanguage,
    desk: saved.desk,
    idleTimeoutSec: saved.idleTimeoutSec,
    idleWarningSec: saved.idleWarningSec,
    speech: { ...config.speech, rate: saved.speech.rate, volume: saved.speech.volume },
    audio: saved.audio,
  } satisfies Partial<KioskConfig>);
  const after = settingsOf(config);
  return (Object.keys(after) as SettingName[]).filter((name) => JSON.stringify(after[name]) !== JSON.stringify(before[name]));
}
