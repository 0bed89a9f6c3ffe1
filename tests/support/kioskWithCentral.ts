import { join } from 'node:path';
import { DEMO_CONTENT_FILE } from '../../kiosk-config/demo/demoContentFile.js';
import { demoContentPack } from '../../kiosk-config/demo/demoContentPack.js';
import { loadConfig } from '../../kiosk-config/loadConfig.js';
import { KioskConfig } from '../../kiosk-config/schema.js';
import { hashTechnicianPin } from '../../kiosk-config/technicianPin.js';
import { writeConfig } from '../../kiosk-config/writeConfig.js';
import { createDispatcher } from '../../src-main/api/dispatch.js';
import { createKioskHandlers } from '../../src-main/api/handlers.js';
import { createKioskCore, type KioskCore } from '../../src-main/core/kioskCore.js';
import type { ContentPack } from '../../sync/protocol/contentPack.js';
import { createEnrolmentToken } from '../../sync/central/services/enrolment.js';
import { createStaffUser } from '../../sync/central/services/staffAuth.js';
import { startCentral } from './testCentral.js';
import type { RunningCentral, StartCentralOptions } from '../../sync/central/startCentral.js';
import { isSignedIn, signInStaff, type StaffClient } from './staffClient.js';

export interface KioskWithCentral {
  readonly central: RunningCentral;
  readonly core: KioskCore;
  /** The kiosk's typed API, as the UI calls it. */
  readonly call: ReturnType<typeof createDispatcher>;
  /** A call's value, or a throw with its error's code and message. */
  readonly value: <T>(result: Awaited<ReturnType<ReturnType<typeof createDispatcher>>>) => T;
  /** A new visitor session (Georgian). */
  readonly session: () => Promise<string>;
  /** An admin account made at Central and signed in, as a staff member's browser would be. */
  readonly signedInAdmin: (username: string) => Promise<StaffClient>;
  readonly close: () => Promise<void>;
}

/**
 * A real Central on an ephemeral port and a real kiosk core enrolled with it
 * (synced once: it holds Central's sealing key and content), in `dir`: what the
 * public record's API tests submit through.
 */
export async function startKioskWithCentral(
  dir: string,
  options: {
    kioskId: string;
    branchId: string;
    starterContent?: ContentPack;
    /** Technician mode: the config (with this PIN's hash) is written to `<dir>/kiosk.json` and loaded from there, as at start-up. */
    technicianPin?: string;
    /** Extra technician settings (e.g. where USB sticks are mounted). */
    mediaDirs?: string[];
    /** More of Central's start options (its notification transports, its public address). */
    central?: Partial<Pick<StartCentralOptions, 'notify' | 'publicUrl'>>;
  },
): Promise<KioskWithCentral> {
  const central = await startCentral({
    dataDir: join(dir, 'central'),
    starterContent: options.starterContent ?? demoContentPack,
    ...options.central,
  });
  const { token } = await createEnrolmentToken(central.db, options.branchId, 1);
  const raw = {
    kioskId: options.kioskId,
    branchId: options.branchId,
    desk: { id: 'desk-1', services: ['civil-registry'] },
    central: { url: central.url, enrolmentToken: token, syncIntervalMs: 3_600_000, backoffBaseMs: 50, backoffCapMs: 200 },
    starterContent: DEMO_CONTENT_FILE,
    dataDir: join(dir, 'kiosk'),
    ...(options.technicianPin
      ? {
          technician: { pinHash: hashTechnicianPin(options.technicianPin), ...(options.mediaDirs ? { mediaDirs: options.mediaDirs } : {}) },
        }
      : {}),
  };
  const configFile = join(dir, 'kiosk.json');
  if (options.technicianPin) writeConfig(configFile, raw);
  const core = options.technicianPin ? createKioskCore(loadConfig(configFile), { configFile }) : createKioskCore(KioskConfig.parse(raw));
  await core.sync.syncNow();
  const call = createDispatcher(createKioskHandlers(core));
  const value = <T>(result: Awaited<ReturnType<typeof call>>): T => {
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as T;
  };
  return {
    central,
    core,
    call,
    value,
    session: async () => value<{ sessionId: string }>(await call('session.start', { language: 'ka' })).sessionId,
    signedInAdmin: async (username) => {
      await createStaffUser(central.db, username, 'admin-password-1', 'admin');
      const signedIn = await signInStaff(central, username, 'admin-password-1');
      if (!isSignedIn(signedIn)) throw new Error(`sign-in refused: ${String(signedIn.status)}`);
      return signedIn;
    },
    close: async () => {
      await core.close();
      await central.close();
    },
  };
}
