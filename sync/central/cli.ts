import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openCentralDb } from './db/openCentralDb.js';
import { moveToPostgres } from './db/moveToPostgres.js';
import { createEnrolmentToken, revokeDevice } from './services/enrolment.js';
import { fleetStatus } from './services/fleet.js';
import type { CentralLogLevel } from './centralApp.js';
import { startCentral } from './startCentral.js';
import { exitOnUncaughtError } from './uncaughtErrors.js';
import { checkNotify } from './notify/checkNotify.js';
import { notifySettingsOf } from './notify/notifySettings.js';
import { loadContentPackFile } from '../node/contentPackFile.js';
import { STAFF_ROLES } from './db/schema.js';
import { createStaffUser } from './services/staffAuth.js';
import { setStaffContact } from './services/staffContacts.js';

/** A fixed time for the sender's clock (PSH_TEST_NOTIFY_CLOCK, tests only). */
function testClock(iso: string): () => Date {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) throw new Error(`PSH_TEST_NOTIFY_CLOCK must be an ISO time (got "${iso}")`);
  return () => at;
}

const LOG_LEVELS: readonly CentralLogLevel[] = ['error', 'warn', 'info', 'debug'];

/** PSH_CENTRAL_LOG_LEVEL, checked: a typo must not silently turn the log off or up. */
function logLevel(value: string | undefined): CentralLogLevel {
  if (value === undefined || value === '') return 'warn';
  const level = LOG_LEVELS.find((known) => known === value);
  if (!level) throw new Error(`PSH_CENTRAL_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${value}")`);
  return level;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const USAGE = `Usage:
  npm run central -- serve [--data var/central] [--db postgres://USER@HOST:PORT/DATABASE] [--port 4700] [--host 127.0.0.1] [--content PACK.json] [--demo-token TOKEN --demo-branch BRANCH] [--demo-data] [--secure-cookies] [--trust-proxy ADDRESS] [--public-url https://HOST/PATH]
  npm run central -- check-notify [--smtp smtp://USER:PASSWORD@HOST:PORT --smtp-from ADDRESS] [--smpp smpp://SYSTEM_ID:PASSWORD@HOST:PORT --sms-sender NAME]
      (connects to each, says what works, sends nothing; serve takes the same options, or PSH_SMTP_URL, PSH_SMTP_FROM, PSH_SMPP_URL, PSH_SMS_SENDER)
      serve also takes, each with its PSH_ variable (docs/notifications.md): --follow-up-days 7 --warn-responders-hours 4 --warn-supervisors-hours 1
      --digest-hour 8 --alert-low-percent 40 --alert-min-ratings 10 --alert-window-minutes 60 --alert-press-interval-s 10
  npm run central -- add-staff --user NAME --role admin|editor|responder|technician [--data var/central]   (password from PSH_STAFF_PASSWORD or stdin)
  npm run central -- staff-email --user NAME --email ADDRESS [--branch BRANCH] [--team TEAM]   (what staff are told, by e-mail: assignments and deadlines to responders, deadlines, rating alerts and a daily digest to admins; each member turns notices off on /console/account)
  npm run central -- enrol-token --branch BRANCH [--ttl-hours 24] [--data var/central]
  npm run central -- revoke --device DEVICE_ID [--data var/central]
  npm run central -- fleet [--silent-after-min 30] [--data var/central]
  npm run central -- move-to-postgres --data var/central --db postgres://...   (an existing Central's SQLite into an empty PostgreSQL database; stop Central first)
Every command takes --db (or PSH_CENTRAL_DB): Central's database on PostgreSQL instead of the embedded SQLite in --data.
--data still holds Central's keys and uploads, on every engine.`;

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
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
    },
  });
  const dataDir = resolve(values.data);
  // Empty means unset: an operator's \`PSH_CENTRAL_DB=\` keeps the embedded SQLite rather than failing on "".
  const database = values.db ?? (process.env.PSH_CENTRAL_DB || undefined);
  const openDb = () => openCentralDb(dataDir, database);
  // SMTP and SMPP, and the numbers staff are told by, from the options or the environment (keep passwords in the
  // service's environment file). An option wins over its variable; an empty variable is unset.
  const setting = (option: keyof typeof values, variable: string): string | undefined => {
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
  switch (positionals[0]) {
    case 'serve': {
      const central = await startCentral({
        dataDir,
        ...(database ? { database } : {}),
        host: values.host,
        port: Number(values.port),
        logger: logLevel(process.env.PSH_CENTRAL_LOG_LEVEL),
        // Fault injection for the reliability tests; never set in production.
        ...(process.env.PSH_FAULT_KILL_AFTER_COMMIT === '1' ? { faults: { killAfterCommit: true } } : {}),
        // The first content pack of a new Central (the demo's: kiosk-config/demo/demoContent.json); ignored once one is published.
        ...(values.content ? { starterContent: loadContentPackFile(resolve(values.content)) } : {}),
        demoData: values['demo-data'],
        notify: notify(),
        secureCookies: values['secure-cookies'],
        ...(values['trust-proxy'] ? { trustProxy: values['trust-proxy'] } : {}),
        ...(values['public-url'] ? { publicUrl: values['public-url'] } : {}),
        ...(values['demo-token'] ? { demoToken: { token: values['demo-token'], branchId: values['demo-branch'] } } : {}),
      });
      exitOnUncaughtError(central);
      console.log(`Central listening on ${central.url} (${database ? 'database on PostgreSQL, ' : ''}data in ${dataDir})`);
      const stop = () => void central.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return;
    }
    case 'check-notify': {
      const report = await checkNotify(notify());
      for (const line of report.lines) console.log(line);
      if (!report.ok) process.exitCode = 1;
      return;
    }
    case 'staff-email': {
      if (!values.user || values.email === undefined)
        throw new Error('staff-email needs --user and --email (an empty --email stops the warnings)');
      const db = await openDb();
      try {
        const outcome = await setStaffContact(db, values.user, { email: values.email, branchId: values.branch, team: values.team });
        if (!outcome.ok) throw new Error(outcome.problems.map((problem) => `${problem.field ?? ''}: ${problem.message}`).join('; '));
        console.log(
          `${values.user}: told at ${outcome.value.email ?? 'no address'}, of ${outcome.value.branchId ?? 'every branch'}, ${outcome.value.team ?? 'every team'}`,
        );
      } finally {
        await db.destroy();
      }
      return;
    }
    case 'add-staff': {
      const role = STAFF_ROLES.find((known) => known === values.role);
      if (!values.user || !role) throw new Error(`add-staff needs --user and --role (${STAFF_ROLES.join(', ')})`);
      // Never from the command line: it would stay in the shell history and the process list.
      const password = process.env.PSH_STAFF_PASSWORD ?? (await readStdin()).trim();
      const db = await openDb();
      try {
        await createStaffUser(db, values.user, password, role);
      } finally {
        await db.destroy();
      }
      console.log(`Staff user ${values.user} (${role}) saved.`);
      return;
    }
    case 'enrol-token': {
      if (!values.branch) throw new Error('enrol-token needs --branch');
      const db = await openDb();
      const { token, expiresAt } = await createEnrolmentToken(db, values.branch, Number(values['ttl-hours']));
      await db.destroy();
      console.log(`Enrolment token for branch ${values.branch} (single use, expires ${expiresAt}):\n${token}`);
      return;
    }
    case 'revoke': {
      if (!values.device) throw new Error('revoke needs --device');
      const db = await openDb();
      const revoked = await revokeDevice(db, values.device);
      await db.destroy();
      console.log(revoked ? `Device ${values.device} revoked.` : `No active device ${values.device}.`);
      process.exitCode = revoked ? 0 : 1;
      return;
    }
    case 'fleet': {
      const db = await openDb();
      const fleet = await fleetStatus(db, Number(values['silent-after-min']) * 60_000);
      await db.destroy();
      console.table(fleet);
      const silent = fleet.filter((entry) => entry.silent).length;
      const unknownDesk = fleet.filter((entry) => entry.deskUnknown).length;
      console.log(
        `${fleet.length} kiosks, ${silent} silent for more than ${values['silent-after-min']} minutes, ${unknownDesk} at a desk Central does not know`,
      );
      return;
    }
    case 'move-to-postgres': {
      if (!database)
        throw new Error(
          'move-to-postgres needs --db postgres://USER@HOST:PORT/DATABASE (or PSH_CENTRAL_DB): the empty database to move into',
        );
      const moved = await moveToPostgres(dataDir, database);
      console.table(moved);
      console.log(
        `Moved ${String(moved.reduce((sum, table) => sum + table.rows, 0))} rows in ${String(moved.length)} tables from ${dataDir}/central.sqlite. ` +
          `Start Central with --data ${dataDir} --db <the same URL>; the SQLite file is left as it was.`,
      );
      return;
    }
    default:
      console.error(USAGE);
      process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
