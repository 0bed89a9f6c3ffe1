import { resolve } from 'node:path';
import type { parseArgs } from 'node:util';
import type { CentralLogLevel } from './centralApp.js';
import { openCentralDb } from './db/openCentralDb.js';
import { notifySettingsOf } from './notify/notifySettings.js';

/** Every option of every command (node:util parseArgs); each command reads the ones it needs. */
export const CLI_OPTIONS = {
  data: { type: 'string', default: 'var/central' },
  db: { type: 'string' },
  port: { type: 'string', default: '4700' },
  host: { type: 'string', default: '127.0.0.1' },
  branch: { type: 'string' },
  device: { type: 'string' },
  'silent-after-min': { type: 'string', default: '30' },
  'ttl-hours': { type: 'string', default: '24' },
  'demo-token': { type: 'string' },
  'demo-branch': { type: 'string', default: 'tbilisi-central' },
  'demo-data': { type: 'boolean', default: false },
  content: { type: 'string' },
  'secure-cookies': { type: 'boolean', default: false },
  'trust-proxy': { type: 'string' },
  'public-url': { type: 'string' },
  user: { type: 'string' },
  role: { type: 'string' },
  smtp: { type: 'string' },
  'smtp-from': { type: 'string' },
  smpp: { type: 'string' },
  'sms-sender': { type: 'string' },
  'follow-up-days': { type: 'string' },
  'warn-responders-hours': { type: 'string' },
  'warn-supervisors-hours': { type: 'string' },
  'digest-hour': { type: 'string' },
  'alert-low-percent': { type: 'string' },
  'alert-min-ratings': { type: 'string' },
  'alert-window-minutes': { type: 'string' },
  'alert-press-interval-s': { type: 'string' },
  email: { type: 'string' },
  team: { type: 'string' },
} as const satisfies NonNullable<Parameters<typeof parseArgs>[0]>['options'];

export type CliValues = ReturnType<typeof parseArgs<{ options: typeof CLI_OPTIONS; allowPositionals: true }>>['values'];

/** A fixed time for the sender's clock (PSH_TEST_NOTIFY_CLOCK, tests only). */
function testClock(iso: string): () => Date {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) throw new Error(`PSH_TEST_NOTIFY_CLOCK must be an ISO time (got "${iso}")`);
  return () => at;
}

const LOG_LEVELS: readonly CentralLogLevel[] = ['error', 'warn', 'info', 'debug'];

/** PSH_CENTRAL_LOG_LEVEL, checked: a typo must not silently turn the log off or up. */
export function logLevel(value: string | undefined): CentralLogLevel {
  if (value === undefined || value === '') return 'warn';
  const level = LOG_LEVELS.find((known) => known === value);
  if (!level) throw new Error(`PSH_CENTRAL_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${value}")`);
  return level;
}

export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** What every command starts from: its options, Central's data folder and database, and the sender's settings. */
export function cliContextOf(values: CliValues) {
  const dataDir = resolve(values.data);
  // Empty means unset: an operator's `PSH_CENTRAL_DB=` keeps the embedded SQLite rather than failing on "".
  const database = values.db ?? (process.env.PSH_CENTRAL_DB || undefined);
  // SMTP and SMPP, and the numbers staff are told by, from the options or the environment (keep passwords in the
  // service's environment file). An option wins over its variable; an empty variable is unset.
  const setting = (option: keyof CliValues, variable: string): string | undefined => {
    const given = values[option];
    return typeof given === 'string' ? given : process.env[variable] || undefined;
  };
  const notify = () => ({
    ...notifySettingsOf({
      smtpUrl: setting('smtp', 'PSH_SMTP_URL'),
      smtpFrom: setting('smtp-from', 'PSH_SMTP_FROM'),
      smppUrl: setting('smpp', 'PSH_SMPP_URL'),
      smsSender: setting('sms-sender', 'PSH_SMS_SENDER'),
      followUpAfterDays: setting('follow-up-days', 'PSH_FOLLOW_UP_DAYS'),
      respondersBeforeHours: setting('warn-responders-hours', 'PSH_WARN_RESPONDERS_HOURS'),
      supervisorsBeforeHours: setting('warn-supervisors-hours', 'PSH_WARN_SUPERVISORS_HOURS'),
      digestHour: setting('digest-hour', 'PSH_DIGEST_HOUR'),
      alertLowSharePercent: setting('alert-low-percent', 'PSH_ALERT_LOW_PERCENT'),
      alertMinRatings: setting('alert-min-ratings', 'PSH_ALERT_MIN_RATINGS'),
      alertWindowMinutes: setting('alert-window-minutes', 'PSH_ALERT_WINDOW_MINUTES'),
      alertPressIntervalSec: setting('alert-press-interval-s', 'PSH_ALERT_PRESS_INTERVAL_S'),
    }),
    // Tests only, never set in production: the sender's clock for quiet hours and the digest, since a test of a
    // Central process cannot choose the hour it runs at (SMS wait out Tbilisi's night).
    ...(process.env.PSH_TEST_NOTIFY_CLOCK ? { now: testClock(process.env.PSH_TEST_NOTIFY_CLOCK) } : {}),
  });
  return { values, dataDir, database, openDb: () => openCentralDb(dataDir, database), notify };
}

export type CliContext = ReturnType<typeof cliContextOf>;
