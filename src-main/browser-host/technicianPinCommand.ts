import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { hashTechnicianPin, SCRYPT_LOG2_N, SCRYPT_P, SCRYPT_R } from '../../kiosk-config/technicianPin.js';
import { updateConfig } from '../../kiosk-config/writeConfig.js';

/**
 * `npm run kiosk -- set-technician-pin --config FILE`: the PIN from
 * PSH_TECHNICIAN_PIN or the first line of stdin (never an argument, which
 * would sit in the shell's history and the process list), stored in the
 * config as its scrypt hash only, written atomically like every config change.
 */
export function setTechnicianPin(args: readonly string[]): void {
  const { values } = parseArgs({ args: [...args], options: { config: { type: 'string', default: 'kiosk-config/demo/demoKiosk.json' } } });
  const pin = (process.env.PSH_TECHNICIAN_PIN ?? readFileSync(0, 'utf8').split('\n')[0] ?? '').trim();
  updateConfig(values.config, { technician: { pinHash: hashTechnicianPin(pin) } });
  console.log(
    `Technician PIN set in ${values.config} (scrypt, N=2^${String(SCRYPT_LOG2_N)}, r=${String(SCRYPT_R)}, p=${String(SCRYPT_P)}).`,
  );
}
