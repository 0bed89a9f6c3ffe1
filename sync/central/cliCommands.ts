import { resolve } from 'node:path';
import { moveToPostgres } from './db/moveToPostgres.js';
import { STAFF_ROLES } from './db/schema.js';
import { checkNotify } from './notify/checkNotify.js';
import { createEnrolmentToken, revokeDevice } from './services/enrolment.js';
import { fleetStatus } from './services/fleet.js';
import { createStaffUser } from './services/staffAuth.js';
import { setStaffContact } from './services/staffContacts.js';
import { startCentral } from './startCentral.js';
import { exitOnUncaughtError } from './uncaughtErrors.js';
import { loadContentPackFile } from '../node/contentPackFile.js';
import { logLevel, readStdin, type CliContext } from './cliContext.js';

/** Serves Central until SIGINT or SIGTERM; an uncaught error exits for the supervisor to restart it. */
async function serve({ values, dataDir, database, notify }: CliContext): Promise<void> {
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
}

/** Connects to the SMTP and SMPP servers, says what works, sends nothing. */
async function checkNotifyCommand({ notify }: CliContext): Promise<void> {
  const report = await checkNotify(notify());
  for (const line of report.lines) console.log(line);
  if (!report.ok) process.exitCode = 1;
}

/** Runs `use` on Central's database, then closes it. */
async function withDb<T>(context: CliContext, use: (db: Awaited<ReturnType<CliContext['openDb']>>) => Promise<T>): Promise<T> {
  const db = await context.openDb();
  try {
    return await use(db);
  } finally {
    await db.destroy();
  }
}

async function staffEmail(context: CliContext): Promise<void> {
  const { values } = context;
  if (!values.user || values.email === undefined)
    throw new Error('staff-email needs --user and --email (an empty --email stops the warnings)');
  const { user, email } = values;
  const outcome = await withDb(context, (db) => setStaffContact(db, user, { email, branchId: values.branch, team: values.team }));
  if (!outcome.ok) throw new Error(outcome.problems.map((problem) => `${problem.field ?? ''}: ${problem.message}`).join('; '));
  console.log(
    `${user}: told at ${outcome.value.email ?? 'no address'}, of ${outcome.value.branchId ?? 'every branch'}, ${outcome.value.team ?? 'every team'}`,
  );
}

async function addStaff(context: CliContext): Promise<void> {
  const { values } = context;
  const role = STAFF_ROLES.find((known) => known === values.role);
  if (!values.user || !role) throw new Error(`add-staff needs --user and --role (${STAFF_ROLES.join(', ')})`);
  const user = values.user;
  // Never from the command line: it would stay in the shell history and the process list.
  const password = process.env.PSH_STAFF_PASSWORD ?? (await readStdin()).trim();
  await withDb(context, (db) => createStaffUser(db, user, password, role));
  console.log(`Staff user ${user} (${role}) saved.`);
}

async function enrolToken(context: CliContext): Promise<void> {
  const branch = context.values.branch;
  if (!branch) throw new Error('enrol-token needs --branch');
  const { token, expiresAt } = await withDb(context, (db) => createEnrolmentToken(db, branch, Number(context.values['ttl-hours'])));
  console.log(`Enrolment token for branch ${branch} (single use, expires ${expiresAt}):\n${token}`);
}

async function revoke(context: CliContext): Promise<void> {
  const device = context.values.device;
  if (!device) throw new Error('revoke needs --device');
  const revoked = await withDb(context, (db) => revokeDevice(db, device));
  console.log(revoked ? `Device ${device} revoked.` : `No active device ${device}.`);
  process.exitCode = revoked ? 0 : 1;
}

async function fleet(context: CliContext): Promise<void> {
  const silentAfter = context.values['silent-after-min'];
  const kiosks = await withDb(context, (db) => fleetStatus(db, Number(silentAfter) * 60_000));
  console.table(kiosks);
  const silent = kiosks.filter((entry) => entry.silent).length;
  const unknownDesk = kiosks.filter((entry) => entry.deskUnknown).length;
  console.log(
    `${kiosks.length} kiosks, ${silent} silent for more than ${silentAfter} minutes, ${unknownDesk} at a desk Central does not know`,
  );
}

async function moveToPostgresCommand({ dataDir, database }: CliContext): Promise<void> {
  if (!database)
    throw new Error('move-to-postgres needs --db postgres://USER@HOST:PORT/DATABASE (or PSH_CENTRAL_DB): the empty database to move into');
  const moved = await moveToPostgres(dataDir, database);
  console.table(moved);
  console.log(
    `Moved ${String(moved.reduce((sum, table) => sum + table.rows, 0))} rows in ${String(moved.length)} tables from ${dataDir}/central.sqlite. ` +
      `Start Central with --data ${dataDir} --db <the same URL>; the SQLite file is left as it was.`,
  );
}

/** The commands of `npm run central -- COMMAND`, by name. */
export const CLI_COMMANDS: Readonly<Record<string, (context: CliContext) => Promise<void>>> = {
  serve,
  'check-notify': checkNotifyCommand,
  'staff-email': staffEmail,
  'add-staff': addStaff,
  'enrol-token': enrolToken,
  revoke,
  fleet,
  'move-to-postgres': moveToPostgresCommand,
};
