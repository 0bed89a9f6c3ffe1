import { parseArgs } from 'node:util';
import { CLI_COMMANDS } from './cliCommands.js';
import { CLI_OPTIONS, cliContextOf } from './cliContext.js';

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
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: CLI_OPTIONS });
  const command = CLI_COMMANDS[positionals[0] ?? ''];
  if (!command) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  await command(cliContextOf(values));
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
